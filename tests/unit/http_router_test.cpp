// The server's own HTTP layer without a socket: routes are matched, called and answered with the
// JSON errors of docs/api.md, whatever library later carries the bytes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/util/clock.h"
#include "server/http/api.h"
#include "server/http/router.h"
#include "server/log/json_log.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

using nlohmann::json;
using server::Request;
using server::Response;
using server::RouteOptions;
using server::Router;

class HttpRouterTest : public ::testing::Test {
protected:
    Response call(const std::string& method, const std::string& path, std::string body = {},
                  const server::Headers& headers = {}) {
        Request request;
        request.method = method;
        request.path = path;
        request.body = std::move(body);
        request.headers = headers;
        Response response;
        m_router.serve(request, response);
        return response;
    }

    test::TempDir m_dir;
    ManualClock m_clock{1653350400000};  // 2022-05-24T00:00:00Z
    server::JsonLog m_log{m_clock, m_dir.file("server.log"), true};
    Router m_router{m_log, 1000};
};

TEST_F(HttpRouterTest, PathGroupsReachTheHandlerAndHeadIsServedByGet) {
    m_router.get(R"(/v1/things/([a-z]+))", [](const Request& request, Response& response) {
        server::sendJson(response, 200, json{{"id", request.pathParam(0)}, {"m", request.method}});
    });
    const Response got = call("GET", "/v1/things/abc");
    EXPECT_EQ(got.status, 200);
    EXPECT_EQ(json::parse(got.body)["id"], "abc");
    EXPECT_EQ(got.header("content-type"), "application/json; charset=utf-8");
    EXPECT_EQ(json::parse(call("HEAD", "/v1/things/x").body)["m"], "HEAD");
    EXPECT_EQ(call("POST", "/v1/things/x").status, 404);
    EXPECT_EQ(call("GET", "/v1/things/ABC").status, 404);  // the whole path must match
}

TEST_F(HttpRouterTest, UnknownPathsAndEscapedExceptionsAreJsonErrors) {
    m_router.post("/boom", [](const Request&, Response& response) {
        response.setHeader("X-Half", "written");
        throw std::runtime_error("secret detail");
    });
    const Response missing = call("GET", "/nowhere");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(json::parse(missing.body)["error"]["code"], "not_found");
    const Response boom = call("POST", "/boom");
    EXPECT_EQ(boom.status, 500);
    EXPECT_EQ(json::parse(boom.body)["error"]["code"], "internal");
    EXPECT_EQ(boom.body.find("secret"), std::string::npos);
    EXPECT_FALSE(boom.hasHeader("X-Half"));  // nothing of the half-made answer is sent
}

TEST_F(HttpRouterTest, LimitsAndStreamingAreTheRoutesOwn) {
    m_router.post("/small", [](const Request&, Response&) {});
    m_router.patch(
        "/big", [](const Request&, Response&) {}, RouteOptions{5000, true});
    EXPECT_EQ(m_router.bodyLimit(m_router.match("POST", "/small")), 1000u);
    EXPECT_FALSE(m_router.streamsBody(m_router.match("POST", "/small")));
    EXPECT_EQ(m_router.bodyLimit(m_router.match("PATCH", "/big")), 5000u);
    EXPECT_TRUE(m_router.streamsBody(m_router.match("PATCH", "/big")));
    EXPECT_EQ(m_router.largestBodyLimit(), 5000u);
}

TEST_F(HttpRouterTest, ABodyGivenByHandIsReadLikeAStream) {
    std::string seen;
    m_router.post("/echo", [&seen](const Request& request, Response& response) {
        EXPECT_TRUE(request.hasBody());
        request.readBody([&seen](const char* data, std::size_t size) {
            seen.append(data, size);
            return true;
        });
        response.status = 204;
    });
    EXPECT_EQ(call("POST", "/echo", "hello").status, 204);
    EXPECT_EQ(seen, "hello");
}

TEST_F(HttpRouterTest, LargeJsonIsGzippedOnlyForClientsThatTakeIt) {
    m_router.get("/page", [](const Request&, Response& response) {
        server::sendJson(response, 200, json{{"text", std::string(5000, 'a')}});
    });
    server::Headers gzip;
    gzip.add("accept-encoding", "br, gzip");
    const Response packed = call("GET", "/page", {}, gzip);
    EXPECT_EQ(packed.header("Content-Encoding"), "gzip");
    EXPECT_LT(packed.body.size(), 1000u);
    const Response plain = call("GET", "/page");
    EXPECT_FALSE(plain.hasHeader("Content-Encoding"));
    EXPECT_GT(plain.body.size(), 5000u);
}

TEST(HttpHeadersTest, NamesCompareWithoutCaseAndSetReplacesEveryField) {
    server::Headers headers;
    headers.add("Accept", "a");
    headers.add("accept", "b");
    EXPECT_EQ(headers.get("ACCEPT"), "a");
    headers.set("Accept", "c");
    EXPECT_EQ(headers.size(), 1u);
    EXPECT_EQ(headers.get("accept"), "c");
    EXPECT_EQ(headers.get("missing"), "");
}

}  // namespace
}  // namespace duban
