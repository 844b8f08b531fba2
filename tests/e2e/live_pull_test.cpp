// Long-polling pulls (GET /v1/sync/pull?wait=S) over real HTTPS: a waiting pull is answered as
// soon as a change its caller may see is committed, not by one outside its scope, and empty once
// S runs out; the server stopping answers it at once.
#include <chrono>
#include <future>
#include <thread>

#include "tests/e2e/sync_fixture.h"

namespace duban::test {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

struct TimedPull {
    HttpResponse response;
    Clock::time_point answeredAt;
};

// Starts `GET path` on its own thread; the answer and when it came.
std::future<TimedPull> pullInBackground(const HttpsClient& http, std::string path) {
    return std::async(std::launch::async, [&http, path = std::move(path)] {
        HttpResponse response = http.get(path);
        return TimedPull{std::move(response), Clock::now()};
    });
}

std::string waitingPull(std::int64_t after, int waitSeconds) {
    return "/v1/sync/pull?after=" + std::to_string(after) + "&wait=" + std::to_string(waitSeconds);
}

class LivePullTest : public SyncTest {};

TEST_F(LivePullTest, AWaitingPullAnswersWithinASecondOfAVisibleCommit) {
    ProtocolDevice watcher(server(), "kgx-field2");
    ProtocolDevice author(server(), "kgx-field");
    const std::int64_t head = watcher.pull().next;

    auto waiting = pullInBackground(watcher.http(), waitingPull(head, 25));
    // The pull is parked: nothing to answer yet.
    ASSERT_EQ(waiting.wait_for(milliseconds(500)), std::future_status::timeout);

    const std::string id = newId();
    ASSERT_EQ(
        author.pushOne(createRecord("progress_report", id, reportFields(s_kgxProject)))["status"],
        "applied");
    const auto committed = Clock::now();
    ASSERT_EQ(waiting.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    const TimedPull pulled = waiting.get();
    ASSERT_EQ(pulled.response.status, 200) << pulled.response.body;
    EXPECT_LT(pulled.answeredAt - committed, std::chrono::seconds(1));
    const json page = pulled.response.json();
    ASSERT_EQ(page["changes"].size(), 1u) << page;
    EXPECT_EQ(page["changes"][0]["id"], id);
    EXPECT_GT(page["next"].get<std::int64_t>(), head);
}

TEST_F(LivePullTest, AChangeOutsideItsScopeDoesNotAnswerAWaitingPull) {
    ProtocolDevice enterprise(server(), "td-ent");  // 市腾达公司 sees its own projects only
    ProtocolDevice author(server(), "kgx-field");
    const std::int64_t head = enterprise.pull().next;

    const auto started = Clock::now();
    auto waiting = pullInBackground(enterprise.http(), waitingPull(head, 3));
    std::this_thread::sleep_for(milliseconds(300));
    ASSERT_EQ(author.pushOne(
                  createRecord("progress_report", newId(), reportFields(s_kgxProject)))["status"],
              "applied");
    const TimedPull pulled = waiting.get();
    ASSERT_EQ(pulled.response.status, 200) << pulled.response.body;
    EXPECT_GE(pulled.answeredAt - started, milliseconds(2900)) << "answered by a foreign change";
    const json page = pulled.response.json();
    EXPECT_TRUE(page["changes"].empty()) << page;
    // The cursor still moves past the change it may not see.
    EXPECT_GT(page["next"].get<std::int64_t>(), head);
    EXPECT_EQ(enterprise.pull(page["next"].get<std::int64_t>()).changes.size(), 0u);
}

TEST_F(LivePullTest, WithNothingNewAWaitingPullAnswersEmptyWhenItsWaitRunsOut) {
    ProtocolDevice watcher(server(), "ht-ent");
    const std::int64_t head = watcher.pull().next;
    const auto started = Clock::now();
    const HttpResponse response = watcher.http().get(waitingPull(head, 1));
    const auto waited = Clock::now() - started;
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_TRUE(response.json()["changes"].empty());
    EXPECT_EQ(response.json()["next"], head);
    EXPECT_GE(waited, milliseconds(950));
    EXPECT_LT(waited, std::chrono::seconds(10));
}

TEST_F(LivePullTest, APullWithChangesWaitingIsAnsweredAtOnceAndWaitIsBounded) {
    ProtocolDevice watcher(server(), "kgx-field2");
    const auto started = Clock::now();
    const HttpResponse page = watcher.http().get(waitingPull(0, 30));
    ASSERT_EQ(page.status, 200);
    EXPECT_FALSE(page.json()["changes"].empty());
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(5));

    EXPECT_EQ(watcher.http().get(waitingPull(0, 31)).status, 400);
    EXPECT_EQ(watcher.http().get("/v1/sync/pull?after=0&wait=-1").status, 400);
    EXPECT_EQ(watcher.http().get("/v1/sync/pull?after=0&wait=1&wait=2").status, 400);
}

TEST(LivePullStopTest, StoppingTheServerAnswersAWaitingPullAtOnce) {
    auto server = std::make_unique<TestServer>();
    server->createUser("waiter", Role::supervisor, "市发改局");
    const HttpsClient http = server->signIn("waiter");
    const HttpResponse first = http.get("/v1/sync/pull?after=0&limit=2000");
    ASSERT_EQ(first.status, 200);
    std::int64_t head = first.json()["next"];
    for (json page = first.json(); page["more"] == true;) {
        page = http.get("/v1/sync/pull?limit=2000&after=" + std::to_string(head)).json();
        head = page["next"];
    }
    auto waiting = pullInBackground(http, waitingPull(head, 30));
    ASSERT_EQ(waiting.wait_for(milliseconds(500)), std::future_status::timeout);
    const auto stopping = Clock::now();
    server.reset();  // stops the server: in-flight requests are answered, then it exits
    const TimedPull pulled = waiting.get();
    EXPECT_EQ(pulled.response.status, 200) << pulled.response.error;
    EXPECT_TRUE(pulled.response.json()["changes"].empty());
    EXPECT_LT(pulled.answeredAt - stopping, std::chrono::seconds(5));
}

}  // namespace
}  // namespace duban::test
