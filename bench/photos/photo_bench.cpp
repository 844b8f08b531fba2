// Photo uploads (issue 6, part 3): the product's tus uploader (sync/PhotoUploader) timed against
// any tus 1.0 server — duban-server, or @tus/server — optionally through the loopback fault
// proxy that cuts the connection at a random byte. bench/photos/run.sh drives it; it prints one
// JSON line per command. Not a test.
//
//   photo_bench make-photo OUT BYTES SEED
//       A JPEG of noise (Duban's own encoder, tests/support/test_photos), padded after its end
//       marker with random bytes up to BYTES: the server checks a photo's header, never decodes
//       the rest, and noise does not compress (TLS does not either), so the bytes are realistic.
//   photo_bench upload --server URL --ca FILE --file JPEG [--user U --password P]
//                      [--chunk BYTES] [--cut-seed S]
//       One upload, as a device makes it: a fresh local store queues the blob, PhotoUploader
//       sends it (HEAD /v1/blobs/<sha256>, POST /v1/uploads, PATCHes). Without --user no one
//       signs in (a server without accounts, such as @tus/server). With --cut-seed the first
//       connection is cut after a random number of bytes towards the server and the uploader
//       resumes on the next one; `resent` is what it sent twice.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/store/blob_files.h"
#include "core/store/blob_uploads.h"
#include "core/store/local_store.h"
#include "core/util/clock.h"
#include "core/util/sha256.h"
#include "sync/curl_transport.h"
#include "sync/device_profile.h"
#include "sync/photo_upload.h"
#include "sync/sign_in.h"
#include "tests/support/fault_proxy.h"
#include "tests/support/test_photos.h"

namespace {

using namespace duban;
using nlohmann::json;
using Steady = std::chrono::steady_clock;

std::vector<std::uint8_t> readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The noise picture's size grows with its pixels (about 1.2 bytes each at quality 95); it stays
// a photo of a phone's size at most (2048 × 1536), the rest is padding.
void makePhoto(const std::filesystem::path& out, std::int64_t bytes, unsigned seed) {
    const std::int64_t pixels = std::min<std::int64_t>(2048 * 1536, bytes * 4 / 5);
    const int width =
        std::max(64, static_cast<int>(std::sqrt(static_cast<double>(pixels) * 4 / 3)));
    const int height = std::max(48, width * 3 / 4);
    test::writeNoiseJpeg(out, width, height, seed);
    const auto size = static_cast<std::int64_t>(std::filesystem::file_size(out));
    if (size < bytes) {
        std::mt19937_64 random(seed);
        std::vector<char> pad(static_cast<std::size_t>(bytes - size));
        for (char& c : pad)
            c = static_cast<char>(random() & 0xFF);
        std::ofstream append(out, std::ios::binary | std::ios::app);
        append.write(pad.data(), static_cast<std::streamsize>(pad.size()));
        if (!append)
            throw std::runtime_error("cannot write " + out.string());
    }
    std::printf("%s\n", json{{"file", out.string()},
                             {"bytes", std::filesystem::file_size(out)},
                             {"jpeg_bytes", size},
                             {"width", width},
                             {"height", height}}
                            .dump()
                            .c_str());
}

struct UploadArgs {
    std::string server;
    std::string ca;
    std::string file;
    std::string user;
    std::string password;
    std::int64_t chunk = sync::UploadOptions{}.chunkBytes;
    std::optional<std::uint64_t> cutSeed;
};

// A folder removed with everything in it when the upload is over.
struct ScratchDir {
    std::filesystem::path path;
    ScratchDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "photo-bench-XXXXXX");
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("cannot make a temporary folder");
        path = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
};

int port(const std::string& url) {
    const auto colon = url.rfind(':');
    if (colon == std::string::npos)
        throw std::runtime_error("the server URL needs a port: " + url);
    return std::stoi(url.substr(colon + 1));
}

int upload(const UploadArgs& args) {
    const SystemClock clock;
    const ScratchDir scratch;
    const std::string deviceId = sync::newDeviceId(clock);

    // The cut: the first connection is closed after a random share of the file's bytes towards
    // the server (plus the TLS handshake and headers before them, a few KiB), the rest pass.
    const std::vector<std::uint8_t> bytes = readFile(args.file);
    const auto size = static_cast<std::int64_t>(bytes.size());
    std::unique_ptr<test::FaultProxy> proxy;
    std::int64_t cutAt = 0;
    if (args.cutSeed) {
        std::mt19937_64 random(*args.cutSeed);
        cutAt = std::uniform_int_distribution<std::int64_t>(1, size - 1)(random);
        proxy = std::make_unique<test::FaultProxy>(port(args.server));
    }

    // Signed in on a connection of its own, straight to the server: the upload's connection
    // (through the proxy when cutting) is the first the proxy sees.
    sync::TransportOptions options;
    options.baseUrl = args.server;
    options.caFile = args.ca;
    if (!args.user.empty()) {
        auto direct = sync::CurlTransport::create(options);
        if (!direct)
            throw std::runtime_error(direct.error().message);
        auto signedIn =
            sync::signIn(*direct.value(), args.user, args.password, deviceId, "photo_bench");
        if (!signedIn)
            throw std::runtime_error("sign-in failed: " + signedIn.error().message);
        options.bearerToken = signedIn->token;
    }
    if (proxy) {
        proxy->queue(test::Fault::cutAfter(test::Direction::toServer, cutAt));
        options.baseUrl = proxy->url();
    }
    auto transport = sync::CurlTransport::create(options);
    if (!transport)
        throw std::runtime_error(transport.error().message);

    auto store = LocalStore::open(scratch.path / "device.db", clock, deviceId);
    if (!store)
        throw std::runtime_error(store.error().message);
    const std::string sha = sha256Hex(bytes);
    if (Status written = writeBlobFile(store.value()->blobsFolder(), sha, bytes); !written)
        throw std::runtime_error(written.error().message);
    queueBlobUpload(store.value()->database(), sha, BlobKind::photo, size, "2026-01-01T00:00:00Z");

    sync::UploadOptions uploadOptions;
    uploadOptions.chunkBytes = args.chunk;
    uploadOptions.retry.maxAttempts = 3;
    sync::PhotoUploader uploader(*store.value(), *transport.value(), uploadOptions);
    sync::UploadReport report;
    const auto started = Steady::now();
    Status status = uploader.uploadPending(report);
    // A cut that ends the run (a send failure is not retried within it) is resumed by the next
    // one, as the next sync does.
    int syncRuns = 1;
    if (proxy && !status) {
        ++syncRuns;
        status = uploader.uploadPending(report);
    }
    const double seconds = std::chrono::duration<double>(Steady::now() - started).count();

    json out{{"ok", static_cast<bool>(status) && report.uploaded == 1},
             {"sha256", sha},
             {"bytes", size},
             {"seconds", seconds},
             {"sent", report.bytesSent},
             {"resent", report.bytesSent - size},
             {"chunk", args.chunk},
             {"cut_chunk", report.largestCutChunk}};
    if (!status)
        out["error"] = status.error().code + ": " + status.error().message;
    if (const auto row = findBlobUpload(store.value()->database(), sha); row && row->errorMessage)
        out["upload_error"] = *row->errorMessage;
    if (proxy) {
        const test::ProxyCounters counters = proxy->counters();
        out["cut_after"] = cutAt;
        out["sync_runs"] = syncRuns;
        out["cuts"] = counters.cuts;
        out["connections"] = counters.connections;
    }
    std::printf("%s\n", out.dump().c_str());
    return out["ok"].get<bool>() ? 0 : 1;
}

int usage() {
    std::fprintf(stderr,
                 "usage: photo_bench make-photo OUT BYTES SEED\n"
                 "       photo_bench upload --server URL --ca FILE --file JPEG [--user U "
                 "--password P] [--chunk BYTES] [--cut-seed S]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() == 4 && args[0] == "make-photo") {
            makePhoto(args[1], std::stoll(args[2]), static_cast<unsigned>(std::stoul(args[3])));
            return 0;
        }
        if (args.empty() || args[0] != "upload")
            return usage();
        UploadArgs upload;
        for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
            const std::string& name = args[i];
            const std::string& value = args[i + 1];
            if (name == "--server")
                upload.server = value;
            else if (name == "--ca")
                upload.ca = value;
            else if (name == "--file")
                upload.file = value;
            else if (name == "--user")
                upload.user = value;
            else if (name == "--password")
                upload.password = value;
            else if (name == "--chunk")
                upload.chunk = std::stoll(value);
            else if (name == "--cut-seed")
                upload.cutSeed = std::stoull(value);
            else
                return usage();
        }
        if (upload.server.empty() || upload.file.empty())
            return usage();
        return ::upload(upload);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "photo_bench: %s\n", e.what());
        return 1;
    }
}
