// Photos from a device to the server and back, as devices use it: real local stores in files, the
// product's libcurl transport, the real server over HTTPS. The bytes on the server are compared
// with the device's; cuts are made where a phone loses its link — in the middle of a chunk.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <random>
#include <string>

#include "core/domain/dates.h"
#include "core/store/blob_files.h"
#include "core/store/blob_uploads.h"
#include "core/util/sha256.h"
#include "core/util/uuid.h"
#include "sync/blob_cache.h"
#include "sync/curl_transport.h"
#include "sync/fake_transport.h"
#include "sync/sync_engine.h"
#include "tests/support/forwarding_transport.h"
#include "tests/support/test_photos.h"
#include "tests/support/test_server.h"
#include "tests/support/test_store.h"

namespace duban::test {
namespace {

using nlohmann::json;
using sync::HttpRequest;
using sync::SyncReport;

constexpr std::int64_t kChunk = 256 * 1024;
constexpr const char* kProjectCode = "key_projects_2022#1";  // 市科工信局 responsible

std::string fileBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Forwards to the real transport, counts the chunk bytes handed to the network and the requests
// made, and can cut the connection after a number of chunk bytes: the body source gives up, so
// libcurl drops the connection mid-body, as a phone losing its link does.
class CuttingTransport final : public ForwardingTransport {
public:
    using ForwardingTransport::ForwardingTransport;

    void cutAfter(std::int64_t bytes) { m_cutAt = m_bodyBytes + bytes; }
    [[nodiscard]] std::int64_t bodyBytes() const { return m_bodyBytes; }
    // Requests made, by "METHOD /first/two" (e.g. "POST /v1/uploads", "GET /v1/blobs").
    [[nodiscard]] int requests(const std::string& key) const {
        const auto it = m_requests.find(key);
        return it == m_requests.end() ? 0 : it->second;
    }

    Result<sync::HttpResponse> send(const HttpRequest& request,
                                    const sync::ProgressCallback& progress = {}) override {
        const auto third = request.path.find('/', request.path.find('/', 1) + 1);
        ++m_requests[request.method + " " + request.path.substr(0, third)];
        if (!request.bodySource)
            return inner().send(request, progress);
        HttpRequest copy = request;
        copy.bodySource = [this, source = request.bodySource](char* buffer, std::size_t max) {
            if (m_cutAt && m_bodyBytes >= *m_cutAt) {
                m_cutAt.reset();
                return sync::kAbortBody;
            }
            if (m_cutAt)
                max = std::min<std::size_t>(max, static_cast<std::size_t>(*m_cutAt - m_bodyBytes));
            const std::size_t n = source(buffer, max);
            if (n != sync::kAbortBody)
                m_bodyBytes += static_cast<std::int64_t>(n);
            return n;
        };
        return inner().send(copy, progress);
    }

private:
    std::optional<std::int64_t> m_cutAt;
    std::int64_t m_bodyBytes = 0;
    std::map<std::string, int> m_requests;
};

// One signed-in phone whose app can be closed and opened again (restart()).
class PhotoDevice {
public:
    PhotoDevice(const TestServer& server, const std::string& username,
                std::int64_t chunk = kChunk) {
        m_options.deviceId = UuidGenerator(m_systemClock).next();
        m_options.retry.maxAttempts = 1;
        m_options.chunkBytes = chunk;
        sync::TransportOptions transport;
        transport.baseUrl = server.baseUrl();
        transport.caFile = server.caFile();
        auto curl = sync::CurlTransport::create(transport);
        if (!curl)
            throw std::runtime_error(curl.error().message);
        m_curl = std::move(curl).value();
        m_network = std::make_unique<CuttingTransport>(*m_curl);
        HttpRequest login;
        login.method = "POST";
        login.path = "/v1/auth/login";
        login.body = json{
            {"username", username},
            {"password", TestServer::kTestPassword},
            {"device_id", m_options.deviceId},
            {"device_name",
             username}}.dump();
        auto answer = m_curl->send(login);
        if (!answer || answer->status != 200)
            throw std::runtime_error("login of " + username + " failed");
        const json body = json::parse(answer->body);
        m_curl->setBearerToken(body["token"]);
        m_actor = Actor{body["user"]["id"],
                        parseEnum<Role>(body["user"]["role"].get<std::string>()).value(),
                        body["user"]["unit"]["id"],
                        {}};
        restart();
    }

    // The app is closed (engine and store destroyed) and opened again on the same files.
    void restart() {
        m_engine.reset();
        m_store.reset();
        auto store = LocalStore::open(m_dir.file("device.db"), m_clock, m_options.deviceId);
        if (!store)
            throw std::runtime_error(store.error().message);
        m_store = std::move(store).value();
        m_engine = std::make_unique<sync::SyncEngine>(*m_store, *m_network, m_options);
    }
    void setOptions(const std::function<void(sync::SyncOptions&)>& change) {
        change(m_options);
        m_engine = std::make_unique<sync::SyncEngine>(*m_store, *m_network, m_options);
    }

    SyncReport sync() {
        auto report = m_engine->syncOnce();
        EXPECT_TRUE(report) << (report ? "" : report.error().code + ": " + report.error().message);
        return report ? report.value() : SyncReport{};
    }
    Result<SyncReport> trySync() { return m_engine->syncOnce(); }
    void pushOnly() {
        SyncReport report;
        ASSERT_TRUE(m_engine->push(report));
    }

    std::string projectId() const {
        Statement s = m_store->database().prepare("SELECT id FROM project WHERE code = ?");
        s.bindAll(std::string(kProjectCode));
        return s.step() ? s.text(0) : std::string();
    }
    SiteVisit newVisit() {
        SiteVisit visit;
        visit.projectId = projectId();
        visit.visitedAt = "2022-06-30T02:00:00Z";
        visit.notes = "三区二期酿酒车间基础施工";
        auto saved = m_store->saveVisit(m_actor, visit);
        if (!saved)
            throw std::runtime_error(saved.error().message);
        return saved.value();
    }
    Photo attach(Entity kind, const std::string& owner, const std::filesystem::path& jpeg) {
        auto photo = m_store->attachPhoto(m_actor, kind, owner, jpeg, "现场照片");
        if (!photo)
            throw std::runtime_error(photo.error().code + ": " + photo.error().message);
        return photo.value();
    }
    BlobUpload upload(const std::string& sha256) const {
        return findBlobUpload(m_store->database(), sha256).value();
    }
    // The bytes of the photo and its thumbnail: what an upload without cuts sends.
    std::int64_t bytesOf(const Photo& photo) const {
        return photo.size + upload(photo.thumbnailSha256).size;
    }

    LocalStore& store() { return *m_store; }
    const Actor& actor() const { return m_actor; }
    CuttingTransport& network() { return *m_network; }

private:
    SystemClock m_systemClock;
    ManualClock m_clock{kJuly1st2022};
    TempDir m_dir;
    sync::SyncOptions m_options;
    std::unique_ptr<sync::CurlTransport> m_curl;
    std::unique_ptr<CuttingTransport> m_network;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<sync::SyncEngine> m_engine;
    Actor m_actor;
};

class PhotoSyncTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_server = std::make_unique<TestServer>();
        s_server->createUser("ph-field", Role::field, "市科工信局");
        s_server->createUser("ph-field2", Role::field, "市科工信局");
        s_server->createUser("ph-sup", Role::supervisor, "市发改局");
        s_files = std::make_unique<TempDir>();
    }
    static void TearDownTestSuite() {
        s_server.reset();
        s_files.reset();
    }

    static TestServer& server() { return *s_server; }
    // A photo of noise: large after re-encoding (2048 × 1536 gives several 256 KiB chunks).
    static std::filesystem::path jpeg(unsigned seed, int width = 2048, int height = 1536) {
        const auto file =
            s_files->file("noise-" + std::to_string(seed) + "-" + std::to_string(width) + ".jpg");
        if (!std::filesystem::exists(file))
            writeNoiseJpeg(file, width, height, seed);
        return file;
    }
    // What the server serves for a blob, fetched as `username` over HTTPS.
    static HttpResponse serverBlob(const std::string& username, const std::string& sha256) {
        return server().signIn(username).get("/v1/blobs/" + sha256);
    }
    static void expectOnServer(PhotoDevice& device, const Photo& photo) {
        for (const std::string& sha : {photo.sha256, photo.thumbnailSha256}) {
            const HttpResponse blob = serverBlob("ph-field", sha);
            ASSERT_EQ(blob.status, 200) << blob.body;
            EXPECT_TRUE(blob.body == fileBytes(device.store().blobPath(sha)))
                << "the server's bytes of " << sha << " differ from the device's";
            EXPECT_EQ(device.upload(sha).state, BlobUploadState::done);
        }
    }

    // Cuts at random byte offsets: each run is cut once, the next run resumes; whatever the
    // offset, at most one chunk is sent again and the server ends with the exact bytes.
    static void cutAtRandomPoints(bool chunkChecksums, int seeds, int firstSeed) {
        constexpr std::int64_t kSmallChunk = 64 * 1024;
        PhotoDevice field(server(), "ph-field", kSmallChunk);
        // Chunks stay at kSmallChunk: whether they grow depends on the machine's speed, and the
        // bound below is one chunk of that size (growth has its own test).
        field.setOptions([&](sync::SyncOptions& o) {
            o.chunkChecksums = chunkChecksums;
            o.chunkGrowBelow = std::chrono::milliseconds(0);
        });
        field.sync();
        std::int64_t worst = 0, total = 0, bytes = 0;
        const auto started = std::chrono::steady_clock::now();
        for (int seed = firstSeed; seed < firstSeed + seeds; ++seed) {
            const Photo photo = field.attach(Entity::site_visit, field.newVisit().id,
                                             jpeg(static_cast<unsigned>(seed), 1024, 768));
            const std::int64_t size = field.bytesOf(photo);
            std::mt19937_64 random(static_cast<std::uint64_t>(seed));
            const std::int64_t cut =
                std::uniform_int_distribution<std::int64_t>(1, size - 1)(random);
            const std::int64_t before = field.network().bodyBytes();
            field.network().cutAfter(cut);
            EXPECT_FALSE(field.trySync())
                << "seed " << seed << ": the cut at " << cut << " did not stop the run";
            field.sync();
            const std::int64_t resent = field.network().bodyBytes() - before - size;
            EXPECT_GE(resent, 0) << "seed " << seed;
            EXPECT_LE(resent, kSmallChunk)
                << "seed " << seed << ", cut at " << cut << " of " << size;
            worst = std::max(worst, resent);
            total += resent;
            bytes += size;
            expectOnServer(field, photo);
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << "[ measure ] " << seeds << " cuts, chunk " << kSmallChunk << ", checksums "
                  << (chunkChecksums ? "on" : "off") << ": re-sent per cut mean " << total / seeds
                  << " bytes, worst " << worst << "; " << bytes << " bytes uploaded in " << seconds
                  << " s (attach and checks included)\n";
    }

    static std::unique_ptr<TestServer> s_server;
    static std::unique_ptr<TempDir> s_files;
};

std::unique_ptr<TestServer> PhotoSyncTest::s_server;
std::unique_ptr<TempDir> PhotoSyncTest::s_files;

TEST_F(PhotoSyncTest, APhotoTakenOfflineReachesTheServerExactlyAndComesBackOnDemand) {
    PhotoDevice field(server(), "ph-field");
    field.sync();
    const SiteVisit visit = field.newVisit();
    const Photo photo = field.attach(Entity::site_visit, visit.id, jpeg(1));
    EXPECT_GT(photo.size, 4 * kChunk) << "the fixture should span several chunks";

    const auto started = std::chrono::steady_clock::now();
    const SyncReport report = field.sync();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "[ measure ] photo " << photo.size << " + thumbnail bytes, 256 KiB chunks: sync "
              << seconds << " s, " << static_cast<double>(report.uploadedBytes) / seconds / 1e6
              << " MB/s (loopback, debug build)\n";
    EXPECT_EQ(report.uploadedBlobs, 2);
    EXPECT_EQ(report.deduplicatedBlobs, 0);
    EXPECT_EQ(report.failedBlobs, 0);
    EXPECT_EQ(report.uploadedBytes, field.bytesOf(photo));  // no byte sent twice
    expectOnServer(field, photo);
    // The photo record was applied and pulled back with its server version.
    Statement version = field.store().database().prepare("SELECT version FROM photo WHERE id = ?");
    version.bindAll(photo.id);
    ASSERT_TRUE(version.step());
    EXPECT_GT(version.int64(0), 0);

    // A supervisor's device learns of the photo by pull and fetches its bytes when shown, once.
    PhotoDevice supervisor(server(), "ph-sup");
    supervisor.sync();
    ASSERT_EQ(supervisor.store().photosOf(visit.id).size(), 1u);
    sync::BlobCache cache(supervisor.store(), supervisor.network());
    for (const std::string& sha : {photo.thumbnailSha256, photo.sha256}) {
        const auto path = cache.fetchBlob(sha);
        ASSERT_TRUE(path) << path.error().code << ": " << path.error().message;
        EXPECT_TRUE(fileBytes(path.value()) == fileBytes(field.store().blobPath(sha)));
    }
    EXPECT_EQ(supervisor.network().requests("GET /v1/blobs"), 2);
    ASSERT_TRUE(cache.fetchBlob(photo.sha256));
    EXPECT_EQ(supervisor.network().requests("GET /v1/blobs"), 2);  // from the cache

    const auto unknown = cache.fetchBlob(std::string(64, 'e'));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, "blob_not_available");
}

TEST_F(PhotoSyncTest, TheSamePhotoFromASecondDeviceSendsNoBytes) {
    PhotoDevice first(server(), "ph-field");
    PhotoDevice second(server(), "ph-field2");
    first.sync();
    second.sync();
    const Photo original = first.attach(Entity::site_visit, first.newVisit().id, jpeg(2));
    first.sync();

    const Photo again = second.attach(Entity::site_visit, second.newVisit().id, jpeg(2));
    EXPECT_EQ(again.sha256, original.sha256);
    const SyncReport report = second.sync();
    EXPECT_EQ(report.deduplicatedBlobs, 2);
    EXPECT_EQ(report.uploadedBlobs, 0);
    EXPECT_EQ(report.uploadedBytes, 0);
    EXPECT_EQ(second.network().requests("POST /v1/uploads"), 0);
    EXPECT_EQ(second.upload(again.sha256).state, BlobUploadState::done);
}

TEST_F(PhotoSyncTest, AReportIsApprovableOnlyOnceItsPhotosAreUploaded) {
    PhotoDevice field(server(), "ph-field");
    PhotoDevice supervisor(server(), "ph-sup");
    field.sync();
    ProgressReport draft;
    draft.projectId = field.projectId();
    draft.period = "2022-06";
    draft.investment = 1'000'000;
    draft.percentComplete = 60;
    draft.narrative = "主体结构施工中";
    const auto report = field.store().saveReport(field.actor(), draft);
    ASSERT_TRUE(report) << report.error().message;
    field.attach(Entity::progress_report, report->id, jpeg(3, 800, 600));
    ASSERT_TRUE(field.store().transition(field.actor(), Entity::progress_report, report->id,
                                         Transition::submit));
    field.pushOnly();  // the records arrive, the bytes do not (yet)

    supervisor.sync();
    ASSERT_TRUE(supervisor.store().transition(supervisor.actor(), Entity::progress_report,
                                              report->id, Transition::approve));
    EXPECT_EQ(supervisor.sync().rejected, 1);
    Statement inbox =
        supervisor.store().database().prepare("SELECT code FROM inbox WHERE record_id = ?");
    inbox.bindAll(report->id);
    ASSERT_TRUE(inbox.step());
    EXPECT_EQ(inbox.text(0), "photos_missing");

    EXPECT_EQ(field.sync().uploadedBlobs, 2);
    ASSERT_TRUE(supervisor.store().transition(supervisor.actor(), Entity::progress_report,
                                              report->id, Transition::approve));
    const SyncReport approved = supervisor.sync();
    EXPECT_EQ(approved.rejected, 0);
    EXPECT_EQ(supervisor.store().report(report->id)->state, RecordState::approved);
}

TEST_F(PhotoSyncTest, AnUploadCancelledMidChunkResumesAfterTheAppRestarts) {
    PhotoDevice field(server(), "ph-field");
    field.sync();
    const Photo photo = field.attach(Entity::site_visit, field.newVisit().id, jpeg(4));
    // The user stops sync in the middle of the photo's second chunk.
    field.setOptions([&](sync::SyncOptions& options) {
        options.uploadProgress = [&](const sync::UploadProgress& p) {
            if (p.kind == BlobKind::photo && p.blobSent >= kChunk + kChunk / 2)
                field.network().cancel();
        };
    });
    const auto stopped = field.trySync();
    ASSERT_FALSE(stopped);
    EXPECT_EQ(stopped.error().code, "cancelled");
    const BlobUpload interrupted = field.upload(photo.sha256);
    EXPECT_EQ(interrupted.state, BlobUploadState::uploading);
    ASSERT_TRUE(interrupted.location);
    EXPECT_GE(interrupted.offset, kChunk);  // the first chunk was confirmed and stored
    EXPECT_EQ(field.upload(photo.thumbnailSha256).state, BlobUploadState::done);

    field.network().resetCancel();
    field.restart();  // a new process: only the database remembers the upload
    field.setOptions([](sync::SyncOptions& options) { options.uploadProgress = {}; });
    const int createdBefore = field.network().requests("POST /v1/uploads");
    const SyncReport resumed = field.sync();
    EXPECT_EQ(resumed.uploadedBlobs, 1);
    EXPECT_EQ(field.network().requests("POST /v1/uploads"), createdBefore);  // resumed, not new
    const std::int64_t resent = field.network().bodyBytes() - field.bytesOf(photo);
    std::cout << "[ measure ] cancel after 1.5 chunks, restart: " << resent
              << " bytes re-sent (chunk " << kChunk << ")\n";
    EXPECT_GE(resent, 0);
    EXPECT_LE(resent, kChunk);
    expectOnServer(field, photo);
}

TEST_F(PhotoSyncTest, CutsAtRandomPointsResendAtMostOneChunkAndEndWithTheExactBytes) {
    cutAtRandomPoints(false, 20, 100);
}

TEST_F(PhotoSyncTest, WithChunkChecksumsACutResendsAtMostTheChunkItHit) {
    cutAtRandomPoints(true, 5, 200);
}

TEST_F(PhotoSyncTest, OnAFastLinkChunksGrowSoFewerRequestsCarryAPhoto) {
    // Each device uploads its own photo of the same size. The link speed is taken out of the
    // test: "fast" is under a minute for one device, never for the other.
    auto patchesFor = [](PhotoDevice& device, unsigned seed, std::chrono::milliseconds fast) {
        device.setOptions([fast](sync::SyncOptions& options) { options.chunkGrowBelow = fast; });
        device.sync();
        const Photo photo = device.attach(Entity::site_visit, device.newVisit().id, jpeg(seed));
        const int before = device.network().requests("PATCH /v1/uploads");
        const SyncReport report = device.sync();
        EXPECT_EQ(report.uploadedBlobs, 2);
        EXPECT_EQ(report.uploadedBytes, device.bytesOf(photo));  // no byte sent twice
        expectOnServer(device, photo);
        return std::pair{device.network().requests("PATCH /v1/uploads") - before, photo};
    };
    PhotoDevice fixed(server(), "ph-field");
    const auto [fixedPatches, photo] = patchesFor(fixed, 21, std::chrono::milliseconds(0));
    const auto chunks = [](std::int64_t size) { return (size + kChunk - 1) / kChunk; };
    EXPECT_EQ(fixedPatches, chunks(photo.size) + chunks(fixed.upload(photo.thumbnailSha256).size));

    PhotoDevice growing(server(), "ph-field");
    const auto [growingPatches, grown] = patchesFor(growing, 22, std::chrono::minutes(1));
    ASSERT_GT(grown.size, 7 * kChunk) << "the fixture should need 8 fixed chunks or more";
    // 256 KiB, 512 KiB, 1 MiB, 2 MiB …: a 2–3 MB photo in four PATCHes instead of nine or more.
    const auto doubling = [](std::int64_t size) {
        int n = 0;
        for (std::int64_t chunk = kChunk; size > 0;
             chunk = std::min<std::int64_t>(chunk * 2, 8 << 20), ++n)
            size -= chunk;
        return n;
    };
    EXPECT_EQ(growingPatches,
              doubling(grown.size) + doubling(growing.upload(grown.thumbnailSha256).size));
    EXPECT_LT(growingPatches, fixedPatches);
}

TEST_F(PhotoSyncTest, ABlobTheServerRefusesIsMarkedFailedAndTheNextOneGoesOn) {
    PhotoDevice field(server(), "ph-field");
    field.sync();
    // Bytes that are not a JPEG (a damaged or tampered blob file) queued before a good photo.
    const std::string junk(5000, 'x');
    const std::string junkSha = sha256Hex(junk);
    ASSERT_TRUE(
        writeBlobFile(field.store().blobsFolder(), junkSha,
                      std::span(reinterpret_cast<const std::uint8_t*>(junk.data()), junk.size())));
    queueBlobUpload(field.store().database(), junkSha, BlobKind::photo, 5000,
                    "2022-06-30T00:00:00.000Z");
    const Photo photo = field.attach(Entity::site_visit, field.newVisit().id, jpeg(5, 640, 480));

    const SyncReport report = field.sync();
    EXPECT_EQ(report.failedBlobs, 1);
    EXPECT_EQ(report.uploadedBlobs, 2);
    const BlobUpload refused = field.upload(junkSha);
    EXPECT_EQ(refused.state, BlobUploadState::failed);
    EXPECT_EQ(refused.errorCode, "photo_not_jpeg");
    EXPECT_FALSE(refused.errorMessage.value_or("").empty());
    expectOnServer(field, photo);
    EXPECT_EQ(field.sync().failedBlobs, 0);  // not tried again by itself
}

// The blob cache against a scripted server: a download that does not match its name is refused
// and leaves nothing behind.
TEST(BlobCacheTest, AMismatchedDownloadIsRefusedAndNothingIsKept) {
    TempDir dir;
    ManualClock clock{kJuly1st2022};
    auto store = LocalStore::open(dir.file("device.db"), clock, "device-test");
    ASSERT_TRUE(store);
    sync::FakeTransport fake;
    fake.setHandler([](const HttpRequest&) {
        return sync::HttpResponse{200, {{"content-type", "image/jpeg"}}, "not the right bytes"};
    });
    sync::RetryPolicy once;
    once.maxAttempts = 1;
    sync::BlobCache cache(*store.value(), fake, once);
    const std::string sha = sha256Hex(std::string_view("the right bytes"));
    const auto fetched = cache.fetchBlob(sha);
    ASSERT_FALSE(fetched);
    EXPECT_EQ(fetched.error().code, "blob_corrupt");
    const auto folder = store.value()->blobPath(sha).parent_path();
    EXPECT_TRUE(std::filesystem::is_empty(folder)) << "a temporary file was left behind";

    const auto invalid = cache.fetchBlob("../../etc/passwd");
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().code, "invalid");
    EXPECT_EQ(fake.requestCount(), 1u);
}

}  // namespace
}  // namespace duban::test
