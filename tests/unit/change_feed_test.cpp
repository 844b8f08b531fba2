// The change feed that long-polling pulls wait on: who is woken by which seq, once, and what
// closing and unsubscribing do.
#include "server/http/change_feed.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace duban::server {
namespace {

TEST(ChangeFeedTest, APublishWakesOnlyThoseWaitingBeyondASmallerSeqAndEachOnce) {
    ChangeFeed feed;
    feed.publish(10);
    int atTen = 0;
    int atTwelve = 0;
    auto a = feed.subscribe(10, [&] { ++atTen; });
    auto b = feed.subscribe(12, [&] { ++atTwelve; });
    EXPECT_EQ(feed.waiting(), 2u);
    feed.publish(11);
    EXPECT_EQ(atTen, 1);
    EXPECT_EQ(atTwelve, 0);
    feed.publish(11);  // not newer: nothing
    feed.publish(9);
    EXPECT_EQ(atTwelve, 0);
    feed.publish(13);
    feed.publish(20);
    EXPECT_EQ(atTen, 1);
    EXPECT_EQ(atTwelve, 1);
    EXPECT_EQ(feed.waiting(), 0u);
    EXPECT_EQ(feed.newest(), 20);
}

TEST(ChangeFeedTest, ASubscriberBehindTheNewestIsWokenAtOnce) {
    ChangeFeed feed;
    feed.publish(5);
    int woken = 0;
    auto s = feed.subscribe(4, [&] { ++woken; });
    EXPECT_EQ(woken, 1);
    EXPECT_EQ(feed.waiting(), 0u);
}

TEST(ChangeFeedTest, ADroppedSubscriptionIsNeverWoken) {
    ChangeFeed feed;
    int woken = 0;
    {
        auto s = feed.subscribe(0, [&] { ++woken; });
        EXPECT_EQ(feed.waiting(), 1u);
    }
    EXPECT_EQ(feed.waiting(), 0u);
    feed.publish(1);
    EXPECT_EQ(woken, 0);
}

TEST(ChangeFeedTest, ClosingWakesEveryoneNowAndLater) {
    ChangeFeed feed;
    int woken = 0;
    auto a = feed.subscribe(100, [&] { ++woken; });
    auto b = feed.subscribe(200, [&] { ++woken; });
    feed.close();
    EXPECT_EQ(woken, 2);
    auto c = feed.subscribe(300, [&] { ++woken; });
    EXPECT_EQ(woken, 3);
    EXPECT_EQ(feed.waiting(), 0u);
}

TEST(ChangeFeedTest, ConcurrentPublishersWakeEverySubscriberExactlyOnce) {
    ChangeFeed feed;
    constexpr int kWaiters = 2000;
    std::vector<std::atomic<int>> wakes(kWaiters);
    std::vector<ChangeFeed::Subscription> subscriptions;
    for (int i = 0; i < kWaiters; ++i)
        subscriptions.push_back(feed.subscribe(i % 50, [&wakes, i] { ++wakes[i]; }));
    std::vector<std::thread> publishers;
    for (int t = 0; t < 4; ++t) {
        publishers.emplace_back([&feed, t] {
            for (int seq = t; seq <= 60; seq += 4)
                feed.publish(seq);
        });
    }
    for (std::thread& p : publishers)
        p.join();
    for (int i = 0; i < kWaiters; ++i)
        EXPECT_EQ(wakes[i].load(), 1) << "waiter " << i;
}

}  // namespace
}  // namespace duban::server
