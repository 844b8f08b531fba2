// Photos over real HTTPS (design.md §6): tus 1.0 uploads in chunks, resumed after a connection is
// really cut mid-body, checked per chunk and as a whole, refused when not a JPEG or a pixel flood
// or too large — leaving nothing behind — stored once, and served with ETag and Range only to
// callers whose scope includes a record naming them.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "tests/e2e/blob_test_support.h"
#include "tests/support/test_server.h"

namespace duban {
namespace {

using test::HttpResponse;
using test::HttpsClient;
using test::TestServer;
using test::Tus;

constexpr std::size_t kChunkLimit = 128 * 1024;
constexpr std::size_t kBlobLimit = 1024 * 1024;

class BlobTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_server = std::make_unique<TestServer>([](server::ServerConfig& config) {
            config.maxChunkBytes = kChunkLimit;
            config.maxBlobBytes = kBlobLimit;
        });
    }
    static void TearDownTestSuite() { s_server.reset(); }
    static std::unique_ptr<TestServer> s_server;

    static HttpsClient user(const std::string& name, Role role = Role::field,
                            const std::string& unit = "市科工信局") {
        s_server->createUser(name, role, unit);
        return s_server->signIn(name);
    }
    // A token for raw requests.
    static std::string token(const std::string& name) {
        const auto r = s_server->client().post(
            "/v1/auth/login", {{"username", name},
                               {"password", TestServer::kTestPassword},
                               {"device_id", "0190f0a8-0000-7000-8000-00000000b10b"},
                               {"device_name", "raw tls"}});
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json()["token"];
    }
    static std::filesystem::path uploadFile(const std::string& location) {
        return s_server->config().uploadDir() / location.substr(location.rfind('/') + 1);
    }
    static std::filesystem::path blobFile(const std::string& sha256) {
        return s_server->config().blobDir() / sha256.substr(0, 2) / sha256.substr(2);
    }
    static int count(const std::string& sql, const std::string& parameter) {
        int n = -1;
        s_server->withDatabase([&](const Database& db) {
            Statement s = db.prepare(sql);
            s.bindAll(parameter);
            s.step();
            n = s.integer(0);
        });
        return n;
    }
    static int filesUnder(const std::filesystem::path& dir) {
        int n = 0;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
            n += entry.is_regular_file() ? 1 : 0;
        return n;
    }
    // What nothing-left means for an upload of `sha256` at `location`.
    static void expectNothingLeft(const HttpsClient& http, const std::string& location,
                                  const std::string& sha256) {
        EXPECT_EQ(Tus(http).head(location).status, 404);
        EXPECT_FALSE(std::filesystem::exists(uploadFile(location)));
        EXPECT_FALSE(std::filesystem::exists(blobFile(sha256)));
        EXPECT_EQ(count("SELECT count(*) FROM blob WHERE sha256 = ?", sha256), 0);
        EXPECT_EQ(count("SELECT count(*) FROM upload WHERE id = ?",
                        location.substr(location.rfind('/') + 1)),
                  0);
        EXPECT_EQ(http.request("HEAD", "/v1/blobs/" + sha256).status, 404);
    }
    static std::string rawPatch(const std::string& location, const std::string& bearer,
                                std::size_t offset, std::size_t contentLength,
                                const std::string& extraHeaders = {}) {
        return "PATCH " + location + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
               bearer +
               "\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\n"
               "Upload-Offset: " +
               std::to_string(offset) + "\r\nContent-Length: " + std::to_string(contentLength) +
               "\r\n" + extraHeaders + "\r\n";
    }
};
std::unique_ptr<TestServer> BlobTest::s_server;

TEST_F(BlobTest, OptionsAdvertiseTheTusProtocol) {
    auto r = s_server->client().request("OPTIONS", "/v1/uploads");
    EXPECT_EQ(r.status, 204);
    EXPECT_EQ(r.headers["tus-resumable"], "1.0.0");
    EXPECT_EQ(r.headers["tus-version"], "1.0.0");
    EXPECT_EQ(r.headers["tus-extension"], "creation,checksum,termination,expiration");
    EXPECT_EQ(r.headers["tus-max-size"], std::to_string(kBlobLimit));
    EXPECT_EQ(r.headers["tus-checksum-algorithm"], "sha1,sha256");
}

TEST_F(BlobTest, ChunkedUploadIsServedExactlyWithEtagRangesAndNotModified) {
    const HttpsClient http = user("blob-chunks");
    const Tus tus(http);
    const std::string photo = test::noiseJpeg(480, 360, 1);
    ASSERT_GT(photo.size(), 2 * 100'000u);
    ASSERT_LT(photo.size(), kBlobLimit);
    const std::string sha = test::sha256Of(photo);
    EXPECT_EQ(http.request("HEAD", "/v1/blobs/" + sha).status, 404);

    auto created = tus.create(photo.size(), sha);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string location = created.headers["location"];
    EXPECT_TRUE(location.starts_with("/v1/uploads/")) << location;
    EXPECT_EQ(created.headers["tus-resumable"], "1.0.0");
    EXPECT_TRUE(created.headers["upload-expires"].ends_with(" GMT"));
    // The server names the file by its own id; the client's "filename" metadata is ignored.
    EXPECT_TRUE(std::filesystem::exists(uploadFile(location)));

    for (std::size_t offset = 0; offset < photo.size();) {
        const std::string chunk = photo.substr(offset, 100'000);
        auto r = tus.patch(location, offset, chunk);
        ASSERT_EQ(r.status, 204) << r.body;
        offset += chunk.size();
        EXPECT_EQ(r.headers["upload-offset"], std::to_string(offset));
        if (offset < photo.size()) {
            auto head = tus.head(location);
            EXPECT_EQ(head.status, 200);
            EXPECT_EQ(head.headers["upload-offset"], std::to_string(offset));
            EXPECT_EQ(head.headers["upload-length"], std::to_string(photo.size()));
            EXPECT_EQ(head.headers["cache-control"], "no-store");
            EXPECT_EQ(http.request("HEAD", "/v1/blobs/" + sha).status, 404)
                << "a blob is visible only after the whole file is verified";
        }
    }
    // The finished upload is remembered: a client that lost the last response learns it is done.
    auto finished = tus.head(location);
    EXPECT_EQ(finished.status, 200);
    EXPECT_EQ(finished.headers["upload-offset"], std::to_string(photo.size()));
    EXPECT_FALSE(std::filesystem::exists(uploadFile(location)));
    EXPECT_TRUE(std::filesystem::exists(blobFile(sha)));
    EXPECT_EQ(count("SELECT count(*) FROM audit WHERE action = 'upload' AND target = ? AND "
                    "result = 'ok'",
                    "blob:" + sha),
              1);

    auto whole = http.get("/v1/blobs/" + sha);
    ASSERT_EQ(whole.status, 200);
    EXPECT_TRUE(whole.body == photo);
    EXPECT_EQ(whole.headers["etag"], "\"" + sha + "\"");
    EXPECT_EQ(whole.headers["content-type"], "image/jpeg");
    EXPECT_EQ(whole.headers["accept-ranges"], "bytes");
    auto head = http.request("HEAD", "/v1/blobs/" + sha);
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.headers["content-length"], std::to_string(photo.size()));

    auto part = http.request("GET", "/v1/blobs/" + sha, "", {{"Range", "bytes=100-199"}});
    EXPECT_EQ(part.status, 206);
    EXPECT_TRUE(part.body == photo.substr(100, 100));
    EXPECT_EQ(part.headers["content-range"], "bytes 100-199/" + std::to_string(photo.size()));
    auto tail = http.request("GET", "/v1/blobs/" + sha, "", {{"Range", "bytes=-50"}});
    EXPECT_EQ(tail.status, 206);
    EXPECT_TRUE(tail.body == photo.substr(photo.size() - 50));
    auto beyond = http.request("GET", "/v1/blobs/" + sha, "",
                               {{"Range", "bytes=" + std::to_string(photo.size()) + "-"}});
    EXPECT_EQ(beyond.status, 416);
    EXPECT_EQ(beyond.headers["content-range"], "bytes */" + std::to_string(photo.size()));
    auto cached =
        http.request("GET", "/v1/blobs/" + sha, "", {{"If-None-Match", "\"" + sha + "\""}});
    EXPECT_EQ(cached.status, 304);
    EXPECT_TRUE(cached.body.empty());
}

TEST_F(BlobTest, CutConnectionKeepsTheBytesThatArrivedAndTheUploadResumes) {
    const HttpsClient http = user("blob-cut");
    const std::string bearer = token("blob-cut");
    const Tus tus(http);
    const std::string photo = test::noiseJpeg(400, 300, 2);
    const std::string sha = test::sha256Of(photo);
    auto created = tus.create(photo.size(), sha);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string location = created.headers["location"];
    ASSERT_EQ(tus.patch(location, 0, photo.substr(0, 100'000)).status, 204);

    {  // A chunk with a checksum cannot be checked when cut: none of it is kept.
        test::RawTls raw(s_server->port(), s_server->caFile());
        raw.send(rawPatch(location, bearer, 100'000, 100'000,
                          "Upload-Checksum: sha256 " +
                              test::base64(test::sha256Raw(photo.substr(100'000, 100'000))) +
                              "\r\n"));
        raw.send(photo.substr(100'000, 30'000));
        raw.shutdownWrite();
        (void)raw.readToEnd();
    }
    EXPECT_EQ(tus.head(location).headers["upload-offset"], "100000");

    {  // Without a checksum every byte that arrived is kept.
        test::RawTls raw(s_server->port(), s_server->caFile());
        raw.send(rawPatch(location, bearer, 100'000, 100'000));
        raw.send(photo.substr(100'000, 40'000));
        raw.shutdownWrite();
        (void)raw.readToEnd();
    }
    auto head = tus.head(location);
    ASSERT_EQ(head.status, 200);
    ASSERT_EQ(head.headers["upload-offset"], "140000");
    EXPECT_EQ(std::filesystem::file_size(uploadFile(location)), 140'000u);

    // The client resumes from the server's offset and re-sends nothing it already has.
    for (std::size_t offset = 140'000; offset < photo.size(); offset += 100'000) {
        auto r = tus.patch(location, offset, photo.substr(offset, 100'000));
        ASSERT_EQ(r.status, 204) << r.body;
    }
    auto blob = http.get("/v1/blobs/" + sha);
    ASSERT_EQ(blob.status, 200);
    EXPECT_EQ(test::sha256Of(blob.body), sha);
    EXPECT_TRUE(blob.body == photo);
}

TEST_F(BlobTest, APatchStillRunningHoldsTheUploadUntilItsConnectionEnds) {
    const HttpsClient http = user("blob-lock");
    const std::string bearer = token("blob-lock");
    const Tus tus(http);
    const std::string photo = test::noiseJpeg(300, 200, 15);
    auto created = tus.create(photo.size(), test::sha256Of(photo));
    ASSERT_EQ(created.status, 201);
    const std::string location = created.headers["location"];

    auto stalled = std::make_unique<test::RawTls>(s_server->port(), s_server->caFile());
    stalled->send(rawPatch(location, bearer, 0, 100'000) + photo.substr(0, 30'000));
    // A wrong offset changes nothing whoever answers: 409 until the stalled PATCH holds the lock.
    // A generous bound: on a loaded machine the stalled PATCH may take seconds to reach its worker.
    long status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (status != 423 && std::chrono::steady_clock::now() < deadline) {
        status = tus.patch(location, 999, "x").status;
        if (status != 423)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_EQ(status, 423);
    EXPECT_EQ(tus.patch(location, 0, photo.substr(0, 30'000)).status, 423);
    EXPECT_EQ(tus.remove(location).status, 423);

    stalled->shutdownWrite();
    (void)stalled->readToEnd();
    stalled.reset();
    EXPECT_EQ(tus.head(location).headers["upload-offset"], "30000");
    EXPECT_EQ(tus.patch(location, 30'000, photo.substr(30'000, 70'000)).status, 204);
}

TEST_F(BlobTest, RefusedBodiesAreDrainedSoTheConnectionCarriesOn) {
    const HttpsClient http = user("blob-drain");
    const std::string bearer = token("blob-drain");
    const std::string photo = test::noiseJpeg(300, 200, 3);
    auto created = Tus(http).create(photo.size(), test::sha256Of(photo));
    ASSERT_EQ(created.status, 201);
    const std::string location = created.headers["location"];

    test::RawTls raw(s_server->port(), s_server->caFile());
    raw.send(rawPatch(location, bearer, 5, 60'000) + photo.substr(0, 60'000));
    const auto refused = raw.readResponse();
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(refused.headers.at("upload-offset"), "0");
    raw.send("HEAD " + location + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
             bearer + "\r\nTus-Resumable: 1.0.0\r\n\r\n");
    const auto head = raw.readResponse(true);
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.headers.at("upload-offset"), "0");
    raw.send(rawPatch(location, bearer, 0, 60'000) + photo.substr(0, 60'000));
    const auto accepted = raw.readResponse();
    EXPECT_EQ(accepted.status, 204);
    EXPECT_EQ(accepted.headers.at("upload-offset"), "60000");
}

TEST_F(BlobTest, ChunkChecksumsAreVerifiedAndAMismatchKeepsTheOffset) {
    const HttpsClient http = user("blob-checksum");
    const Tus tus(http);
    const std::string photo = test::noiseJpeg(320, 240, 4);
    const std::string sha = test::sha256Of(photo);
    auto created = tus.create(photo.size(), sha);
    ASSERT_EQ(created.status, 201);
    const std::string location = created.headers["location"];
    const std::string first = photo.substr(0, 50'000);

    auto wrong = tus.patch(location, 0, first,
                           {{"Upload-Checksum", "sha1 " + test::base64(test::sha1Raw("other"))}});
    EXPECT_EQ(wrong.status, 460);
    EXPECT_EQ(wrong.errorCode(), "chunk_checksum_mismatch");
    EXPECT_EQ(wrong.headers["upload-offset"], "0");
    EXPECT_EQ(tus.head(location).headers["upload-offset"], "0");
    EXPECT_EQ(std::filesystem::file_size(uploadFile(location)), 0u);

    auto unsupported = tus.patch(
        location, 0, first, {{"Upload-Checksum", "md5 " + test::base64(std::string(16, 'x'))}});
    EXPECT_EQ(unsupported.status, 400);
    EXPECT_EQ(unsupported.errorCode(), "checksum_algorithm_unsupported");
    EXPECT_EQ(tus.head(location).headers["upload-offset"], "0");

    auto sha1 = tus.patch(location, 0, first,
                          {{"Upload-Checksum", "sha1 " + test::base64(test::sha1Raw(first))}});
    EXPECT_EQ(sha1.status, 204) << sha1.body;
    const std::string second = photo.substr(50'000, 50'000);
    auto sha256 =
        tus.patch(location, 50'000, second,
                  {{"Upload-Checksum", "sha256 " + test::base64(test::sha256Raw(second))}});
    EXPECT_EQ(sha256.status, 204) << sha256.body;
    for (std::size_t offset = 100'000; offset < photo.size(); offset += 100'000)
        ASSERT_EQ(tus.patch(location, offset, photo.substr(offset, 100'000)).status, 204);
    EXPECT_TRUE(http.get("/v1/blobs/" + sha).body == photo);
}

TEST_F(BlobTest, WholeFileMismatchIsRefusedAndLeavesNothing) {
    const HttpsClient http = user("blob-mismatch");
    const std::string photo = test::noiseJpeg(320, 240, 5);
    const std::string declared = test::sha256Of(test::noiseJpeg(320, 240, 6));
    std::string location;
    auto last = Tus(http).upload(photo, 100'000, &location, declared);
    EXPECT_EQ(last.status, 460);
    EXPECT_EQ(last.errorCode(), "checksum_mismatch");
    expectNothingLeft(http, location, test::sha256Of(photo));
    expectNothingLeft(http, location, declared);
    EXPECT_EQ(count("SELECT count(*) FROM audit WHERE action = 'upload' AND target = ? AND "
                    "result = 'checksum_mismatch'",
                    "blob:" + declared),
              1);
}

TEST_F(BlobTest, OversizeIsRefusedBeforeAnythingIsCreated) {
    const std::string userId = s_server->createUser("blob-big", Role::field, "市科工信局");
    const HttpsClient http = s_server->signIn("blob-big");
    const Tus tus(http);
    const int uploadFiles = filesUnder(s_server->config().uploadDir());
    auto big = tus.create(kBlobLimit + 1, test::sha256Of("big"));
    EXPECT_EQ(big.status, 413);
    EXPECT_EQ(big.errorCode(), "payload_too_large");
    EXPECT_EQ(count("SELECT count(*) FROM upload WHERE user_id = ?", userId), 0);
    EXPECT_EQ(filesUnder(s_server->config().uploadDir()), uploadFiles);

    const std::string photo = test::noiseJpeg(480, 360, 7);
    ASSERT_GT(photo.size(), kChunkLimit + 1);
    auto created = tus.create(photo.size(), test::sha256Of(photo));
    ASSERT_EQ(created.status, 201);
    const std::string location = created.headers["location"];
    auto bigChunk = tus.patch(location, 0, photo.substr(0, kChunkLimit + 1));
    EXPECT_EQ(bigChunk.status, 413);
    EXPECT_EQ(tus.head(location).headers["upload-offset"], "0");

    auto small = tus.create(1000, test::sha256Of(photo.substr(0, 1000)));
    ASSERT_EQ(small.status, 201);
    auto past = tus.patch(small.headers["location"], 0, photo.substr(0, 1001));
    EXPECT_EQ(past.status, 400);
    EXPECT_EQ(past.errorCode(), "upload_length_exceeded");
    EXPECT_EQ(tus.head(small.headers["location"]).headers["upload-offset"], "0");
}

TEST_F(BlobTest, NonJpegIsRefusedAndLeavesNothing) {
    const HttpsClient http = user("blob-png");
    const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(2000, 'x');
    std::string location;
    auto r = Tus(http).upload(png, 100'000, &location);
    EXPECT_EQ(r.status, 415);
    EXPECT_EQ(r.errorCode(), "photo_not_jpeg");
    expectNothingLeft(http, location, test::sha256Of(png));
    EXPECT_EQ(count("SELECT count(*) FROM audit WHERE action = 'upload' AND target = ? AND "
                    "result = 'photo_not_jpeg'",
                    "blob:" + test::sha256Of(png)),
              1);
}

TEST_F(BlobTest, PixelFloodIsRefusedFromItsHeaderAndLeavesNothing) {
    const HttpsClient http = user("blob-flood");
    const Tus tus(http);
    const std::string flood = test::jpegClaiming(65000, 65000);
    const std::string sha = test::sha256Of(flood);
    auto created = tus.create(flood.size(), sha);
    ASSERT_EQ(created.status, 201);
    const std::string location = created.headers["location"];
    // Two bytes tell nothing yet; the header is checked again as the next chunk arrives.
    ASSERT_EQ(tus.patch(location, 0, flood.substr(0, 2)).status, 204);
    auto r = tus.patch(location, 2, flood.substr(2));
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.errorCode(), "photo_too_many_pixels");
    expectNothingLeft(http, location, sha);
}

TEST_F(BlobTest, SameBytesTwiceAreStoredOnce) {
    const HttpsClient first = user("blob-dedup-a");
    const HttpsClient second = user("blob-dedup-b", Role::enterprise, "市腾达公司");
    const std::string photo = test::noiseJpeg(300, 200, 8);
    const std::string sha = test::sha256Of(photo);
    ASSERT_EQ(Tus(first).upload(photo, 100'000).status, 204);
    const int blobFiles = filesUnder(s_server->config().blobDir());
    std::string location;
    ASSERT_EQ(Tus(second).upload(photo, 100'000, &location).status, 204);
    EXPECT_EQ(filesUnder(s_server->config().blobDir()), blobFiles);
    EXPECT_FALSE(std::filesystem::exists(uploadFile(location)));
    EXPECT_EQ(count("SELECT count(*) FROM blob WHERE sha256 = ?", sha), 1);
    EXPECT_EQ(count("SELECT count(*) FROM blob_holder WHERE sha256 = ?", sha), 2);
    // Sending the bytes proves having them: the second uploader may read them too.
    EXPECT_TRUE(second.get("/v1/blobs/" + sha).body == photo);
}

TEST_F(BlobTest, BlobsAreReadableOnlyWithinTheScopeOfARecordNamingThem) {
    const HttpsClient uploader = user("blob-scope-field");
    const HttpsClient colleague = user("blob-scope-field2");
    const HttpsClient supervisor = user("blob-scope-sup", Role::supervisor, "市发改局");
    const HttpsClient enterprise = user("blob-scope-ent", Role::enterprise, "市腾达公司");
    const std::string photo = test::noiseJpeg(240, 180, 9);
    const std::string thumbnail = test::noiseJpeg(64, 48, 10);
    const std::string photoSha = test::sha256Of(photo);
    const std::string thumbnailSha = test::sha256Of(thumbnail);
    ASSERT_EQ(Tus(uploader).upload(photo, 100'000).status, 204);
    ASSERT_EQ(Tus(uploader).upload(thumbnail, 100'000).status, 204);

    // Before any record names it, only its uploader sees it.
    EXPECT_EQ(uploader.request("HEAD", "/v1/blobs/" + photoSha).status, 200);
    for (const HttpsClient* other : {&colleague, &supervisor, &enterprise})
        EXPECT_EQ(other->request("HEAD", "/v1/blobs/" + photoSha).status, 404);

    std::string projectId;
    s_server->withDatabase([&](const Database& db) {
        Statement s = db.prepare(R"sql(
            SELECT pu.project_id FROM project_unit pu JOIN unit u ON u.id = pu.unit_id
             WHERE u.name = '市科工信局' AND pu.role IN ('lead', 'responsible')
               AND pu.project_id NOT IN (SELECT p2.project_id FROM project_unit p2
                                           JOIN unit u2 ON u2.id = p2.unit_id
                                          WHERE u2.name = '市腾达公司')
             ORDER BY pu.project_id LIMIT 1)sql");
        ASSERT_TRUE(s.step());
        projectId = s.text(0);
        const std::string reportId = "0190f0a8-0000-7000-8000-0000000b1001";
        db.prepare(R"sql(INSERT INTO progress_report (id, project_id, period, state, author_id,
                         updated_at) VALUES (?, ?, '2022-05', 'submitted', 'someone', '2022-05-20T00:00:00Z'))sql")
            .bindAll(reportId, projectId)
            .run();
        db.prepare(R"sql(INSERT INTO photo (id, owner_kind, owner_id, sha256, size,
                         thumbnail_sha256, width, height)
                         VALUES ('0190f0a8-0000-7000-8000-0000000b1002', 'progress_report', ?, ?, ?, ?, 240, 180))sql")
            .bindAll(reportId, photoSha, static_cast<std::int64_t>(photo.size()), thumbnailSha)
            .run();
    });

    for (const HttpsClient* reader : {&uploader, &colleague, &supervisor}) {
        EXPECT_TRUE(reader->get("/v1/blobs/" + photoSha).body == photo);
        EXPECT_TRUE(reader->get("/v1/blobs/" + thumbnailSha).body == thumbnail);
    }
    // Out of scope looks exactly like absent.
    const auto hidden = enterprise.get("/v1/blobs/" + photoSha);
    const auto absent = enterprise.get("/v1/blobs/" + test::sha256Of("never uploaded"));
    EXPECT_EQ(hidden.status, 404);
    EXPECT_EQ(absent.status, 404);
    EXPECT_EQ(hidden.body, absent.body);
    EXPECT_EQ(enterprise.request("HEAD", "/v1/blobs/" + thumbnailSha).status, 404);
    EXPECT_EQ(s_server->client().get("/v1/blobs/" + photoSha).status, 401);
    EXPECT_EQ(supervisor.get("/v1/blobs/" + std::string(64, 'G')).status, 404);
}

TEST_F(BlobTest, ProtocolErrorsAreRefusedAndChangeNothing) {
    const std::string userId = s_server->createUser("blob-proto", Role::field, "市科工信局");
    const HttpsClient http = s_server->signIn("blob-proto");
    const HttpsClient stranger = user("blob-proto-other");
    const Tus tus(http);
    const std::string photo = test::noiseJpeg(200, 150, 11);
    const std::string sha = test::sha256Of(photo);
    const std::string metadata = "sha256 " + test::base64(sha);
    const std::string length = std::to_string(photo.size());

    auto noVersion = http.request("POST", "/v1/uploads", "",
                                  {{"Upload-Length", length}, {"Upload-Metadata", metadata}});
    EXPECT_EQ(noVersion.status, 412);
    EXPECT_EQ(noVersion.headers["tus-version"], "1.0.0");
    EXPECT_EQ(http.request("POST", "/v1/uploads", "",
                           {{"Tus-Resumable", "0.2.2"},
                            {"Upload-Length", length},
                            {"Upload-Metadata", metadata}})
                  .status,
              412);
    EXPECT_EQ(http.request("POST", "/v1/uploads", "",
                           {{"Tus-Resumable", "1.0.0"}, {"Upload-Length", length}})
                  .status,
              400);
    for (const std::string& bad : {"sha256 " + test::base64("not-hex"), std::string("sha256 %%%"),
                                   "filename " + test::base64("a.jpg")}) {
        auto r = http.request(
            "POST", "/v1/uploads", "",
            {{"Tus-Resumable", "1.0.0"}, {"Upload-Length", length}, {"Upload-Metadata", bad}});
        EXPECT_EQ(r.status, 400) << bad;
    }
    EXPECT_EQ(http.request("POST", "/v1/uploads", "",
                           {{"Tus-Resumable", "1.0.0"}, {"Upload-Metadata", metadata}})
                  .status,
              400);
    EXPECT_EQ(s_server->client()
                  .request("POST", "/v1/uploads", "",
                           {{"Tus-Resumable", "1.0.0"},
                            {"Upload-Length", length},
                            {"Upload-Metadata", metadata}})
                  .status,
              401);
    EXPECT_EQ(count("SELECT count(*) FROM upload WHERE user_id = ?", userId), 0);

    auto created = tus.create(photo.size(), sha);
    ASSERT_EQ(created.status, 201);
    const std::string location = created.headers["location"];
    const std::string chunk = photo.substr(0, 10'000);
    auto wrongType = tus.patch(location, 0, chunk, {{"Content-Type", "application/octet-stream"}});
    EXPECT_EQ(wrongType.status, 415);
    auto wrongOffset = tus.patch(location, 10, chunk);
    EXPECT_EQ(wrongOffset.status, 409);
    EXPECT_EQ(wrongOffset.headers["upload-offset"], "0");
    EXPECT_EQ(
        http.request("PATCH", location, chunk,
                     {{"Content-Type", "application/offset+octet-stream"}, {"Upload-Offset", "0"}})
            .status,
        412);
    const std::string unknown = "/v1/uploads/0190f0a8-0000-7000-8000-000000000000";
    EXPECT_EQ(tus.head(unknown).status, 404);
    EXPECT_EQ(tus.patch(unknown, 0, chunk).status, 404);
    EXPECT_EQ(tus.head("/v1/uploads/not-an-upload").status, 404);
    const Tus strangerTus(stranger);
    EXPECT_EQ(strangerTus.head(location).status, 404);
    EXPECT_EQ(strangerTus.patch(location, 0, chunk).status, 404);
    EXPECT_EQ(strangerTus.remove(location).status, 404);
    EXPECT_EQ(http.get(location).status, 405);

    auto head = tus.head(location);
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.headers["upload-offset"], "0");
    EXPECT_EQ(std::filesystem::file_size(uploadFile(location)), 0u);
}

TEST_F(BlobTest, TerminationRemovesTheUpload) {
    const HttpsClient http = user("blob-terminate");
    const Tus tus(http);
    const std::string photo = test::noiseJpeg(200, 150, 12);
    auto created = tus.create(photo.size(), test::sha256Of(photo));
    ASSERT_EQ(created.status, 201);
    const std::string location = created.headers["location"];
    ASSERT_EQ(tus.patch(location, 0, photo.substr(0, 5000)).status, 204);
    EXPECT_EQ(tus.remove(location).status, 204);
    EXPECT_EQ(tus.head(location).status, 404);
    EXPECT_FALSE(std::filesystem::exists(uploadFile(location)));
    EXPECT_EQ(tus.remove(location).status, 404);
}

TEST_F(BlobTest, AnUploadStoppedBeforeItsBlobWasRecordedIsFinishedByTheNextRequest) {
    // As a crash leaves it: every byte stored and counted, nothing verified or recorded yet.
    const std::string userId = s_server->createUser("blob-crash", Role::field, "市科工信局");
    const HttpsClient http = s_server->signIn("blob-crash");
    const std::string photo = test::noiseJpeg(200, 150, 14);
    const std::string sha = test::sha256Of(photo);
    const std::string id = "0190f0a8-0000-7000-8000-0000000c0001";
    std::ofstream(s_server->config().uploadDir() / id, std::ios::binary) << photo;
    s_server->withDatabase([&](const Database& db) {
        db.prepare(R"sql(INSERT INTO upload (id, user_id, device_id, sha256, length, offset,
                         created_at, expires_at) VALUES (?, ?, 'device', ?, ?, ?, 0, ?))sql")
            .bindAll(id, userId, sha, static_cast<std::int64_t>(photo.size()),
                     static_cast<std::int64_t>(photo.size()), std::int64_t{1} << 50)
            .run();
    });
    EXPECT_EQ(http.request("HEAD", "/v1/blobs/" + sha).status, 404);

    auto head = Tus(http).head("/v1/uploads/" + id);
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.headers["upload-offset"], std::to_string(photo.size()));
    EXPECT_TRUE(http.get("/v1/blobs/" + sha).body == photo);
    EXPECT_FALSE(std::filesystem::exists(s_server->config().uploadDir() / id));
    // A client that lost the last response may send an empty PATCH: nothing is missing.
    auto again = Tus(http).patch("/v1/uploads/" + id, photo.size(), "");
    EXPECT_EQ(again.status, 204);
    EXPECT_EQ(again.headers["upload-offset"], std::to_string(photo.size()));
}

TEST(BlobExpiry, ExpiredUploadsAndTheirFilesAreRemoved) {
    TestServer server([](server::ServerConfig& config) { config.uploadLifetimeMs = 1; });
    server.createUser("blob-expiry", Role::field, "市科工信局");
    const HttpsClient http = server.signIn("blob-expiry");
    const Tus tus(http);
    const auto fileOf = [&](const std::string& location) {
        return server.config().uploadDir() / location.substr(location.rfind('/') + 1);
    };
    const std::string photo = test::noiseJpeg(64, 48, 13);
    const std::string sha = test::sha256Of(photo);

    const auto expire = [] { std::this_thread::sleep_for(std::chrono::milliseconds(20)); };

    const std::string looked = tus.create(photo.size(), sha).headers["location"];
    ASSERT_TRUE(std::filesystem::exists(fileOf(looked)));
    expire();
    EXPECT_EQ(tus.head(looked).status, 404);
    EXPECT_EQ(tus.patch(looked, 0, photo).status, 404);
    EXPECT_FALSE(std::filesystem::exists(fileOf(looked)));

    // Each new upload sweeps the expired ones, touched or not.
    const std::string forgotten = tus.create(photo.size(), sha).headers["location"];
    ASSERT_TRUE(std::filesystem::exists(fileOf(forgotten)));
    expire();
    EXPECT_EQ(tus.create(photo.size(), sha).status, 201);
    EXPECT_FALSE(std::filesystem::exists(fileOf(forgotten)));
    int rows = -1;
    server.withDatabase([&](const Database& db) {
        Statement s = db.prepare("SELECT count(*) FROM upload WHERE id = ?");
        s.bindAll(forgotten.substr(forgotten.rfind('/') + 1));
        s.step();
        rows = s.integer(0);
    });
    EXPECT_EQ(rows, 0);
}

}  // namespace
}  // namespace duban
