// Pull pages go gzip-compressed to a client that asks for it, byte for byte the same JSON once
// inflated; small answers and clients that refuse gzip get plain JSON.
#include <zlib.h>

#include "tests/e2e/sync_fixture.h"

namespace duban::test {
namespace {

std::string gunzip(const std::string& data) {
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buffer[65536];
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : std::string("<not gzip>");
}

class CompressionTest : public SyncTest {};

TEST_F(CompressionTest, APullPageIsGzippedForAClientThatTakesGzip) {
    const ProtocolDevice supervisor(server(), "sup-all");
    const std::string page = "/v1/sync/pull?after=0&limit=2000";
    const HttpResponse plain = supervisor.http().get(page);
    ASSERT_EQ(plain.status, 200) << plain.body;
    ASSERT_GT(plain.body.size(), 50'000u) << "the seed's page is large enough to be worth it";
    EXPECT_FALSE(plain.headers.contains("content-encoding"));

    const HttpResponse gzipped =
        supervisor.http().request("GET", page, {}, {{"Accept-Encoding", "br, gzip;q=0.8"}});
    ASSERT_EQ(gzipped.status, 200);
    EXPECT_EQ(gzipped.headers.at("content-encoding"), "gzip");
    EXPECT_EQ(gzipped.headers.at("vary"), "Accept-Encoding");
    EXPECT_EQ(gzipped.headers.at("content-length"), std::to_string(gzipped.body.size()));
    EXPECT_LT(gzipped.body.size() * 4, plain.body.size()) << "JSON shrinks at least four times";
    EXPECT_EQ(gunzip(gzipped.body), plain.body);
}

TEST_F(CompressionTest, RefusedGzipAndSmallAnswersGoPlain) {
    const ProtocolDevice supervisor(server(), "sup-all");
    for (const char* refused : {"gzip;q=0", "identity", "GZIP; q=0.000, br;q=0"}) {
        const HttpResponse response = supervisor.http().request(
            "GET", "/v1/sync/pull?after=0&limit=2000", {}, {{"Accept-Encoding", refused}});
        ASSERT_EQ(response.status, 200) << refused;
        EXPECT_FALSE(response.headers.contains("content-encoding")) << refused;
        EXPECT_TRUE(response.json().is_object()) << refused;
    }
    // The last page (nothing after the newest change) is a few bytes: not worth compressing.
    const std::int64_t newest = supervisor.pull().next;
    const HttpResponse small = supervisor.http().request(
        "GET", "/v1/sync/pull?after=" + std::to_string(newest), {}, {{"Accept-Encoding", "gzip"}});
    ASSERT_EQ(small.status, 200);
    EXPECT_FALSE(small.headers.contains("content-encoding"));
    EXPECT_EQ(small.json()["changes"].size(), 0u);
}

}  // namespace
}  // namespace duban::test
