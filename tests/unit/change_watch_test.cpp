// watchForChanges against a scripted server: what counts as "sync now", where the next watch
// starts, and that any failure ends the watching instead of being retried here.
#include "sync/change_watch.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sync/fake_transport.h"

namespace duban::sync {
namespace {

using nlohmann::json;

std::string page(const json& changes, std::int64_t next, const std::string& scope,
                 bool more = false) {
    return json{{"changes", changes}, {"next", next}, {"more", more}, {"scope", scope}}.dump();
}

TEST(ChangeWatchTest, AsksForOneChangeAfterTheCursorAndWaits) {
    FakeTransport transport;
    transport.enqueueStatus(200, page(json::array(), 42, "s1"));
    const auto outcome = watchForChanges(transport, {42, "s1"}, std::chrono::seconds(7));
    ASSERT_TRUE(outcome) << outcome.error().message;
    EXPECT_FALSE(outcome->changed);
    EXPECT_EQ(outcome->seen.cursor, 42);
    const auto sent = transport.exchanges().at(0).request;
    EXPECT_EQ(sent.method, "GET");
    EXPECT_EQ(sent.path, "/v1/sync/pull?after=42&limit=1&wait=7");
}

TEST(ChangeWatchTest, AChangeOrANewScopeMeansSyncNowAndInvisibleOnesMoveTheCursorOnly) {
    FakeTransport transport;
    transport.enqueueStatus(200, page(json::array({{{"seq", 43}}}), 43, "s1"));
    transport.enqueueStatus(200, page(json::array(), 50, "s2"));
    transport.enqueueStatus(200, page(json::array(), 60, "s1"));
    EXPECT_TRUE(watchForChanges(transport, {42, "s1"})->changed);
    EXPECT_TRUE(watchForChanges(transport, {42, "s1"})->changed) << "the scope changed";
    const auto quiet = watchForChanges(transport, {42, "s1"});
    EXPECT_FALSE(quiet->changed) << "others' changes moved the cursor, nothing to pull";
    EXPECT_EQ(quiet->seen.cursor, 60);
    EXPECT_EQ(quiet->seen.scope, "s1");
}

TEST(ChangeWatchTest, FailuresEndTheWatchWithTheirErrorAndAreNotRetried) {
    FakeTransport transport;
    transport.enqueueStatus(401, R"({"error":{"code":"unauthorized","message":"signed out"}})");
    transport.enqueueStatus(200, "not json");
    transport.enqueueFailure(TransportErrorKind::connect);
    EXPECT_EQ(watchForChanges(transport, {1, "s"}).error().code, "unauthorized");
    EXPECT_EQ(watchForChanges(transport, {1, "s"}).error().code, "sync_bad_response");
    EXPECT_EQ(watchForChanges(transport, {1, "s"}).error().code, "transport_connect");
    EXPECT_EQ(transport.requestCount(), 3u);
}

}  // namespace
}  // namespace duban::sync
