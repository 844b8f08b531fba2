#pragma once
// One transfer as libcurl's callbacks see it: the request, where the response goes, the cap on
// its size, and what went wrong in a callback (libcurl reports only "aborted" or "write error";
// the transport needs to say which).
#include <curl/curl.h>

#include <cstdint>
#include <optional>
#include <string>

#include "sync/cancel_token.h"
#include "sync/http_transport.h"

namespace duban::sync {

// What the callbacks of one transfer share with send().
struct Transfer {
    Transfer(const HttpRequest& r, const ProgressCallback& p, const CancelToken& c,
             std::int64_t max)
        : request(r), progress(p), cancel(c), maxBytes(max) {}

    const HttpRequest& request;
    const ProgressCallback& progress;
    const CancelToken& cancel;
    std::int64_t maxBytes;
    HttpResponse response;
    std::int64_t receivedBytes = 0;
    Progress lastProgress;
    bool tooLarge = false;
    bool bodyAborted = false;
    std::string callbackFailure;

    bool admit(std::size_t bytes) {
        if (receivedBytes + static_cast<std::int64_t>(bytes) > maxBytes) {
            tooLarge = true;
            return false;
        }
        receivedBytes += static_cast<std::int64_t>(bytes);
        return true;
    }
};

// libcurl callbacks; `user` is the Transfer. None lets an exception escape into libcurl's C frames.
std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user);
std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user);
std::size_t onReadBody(char* buffer, std::size_t size, std::size_t count, void* user);
int onProgress(void* user, curl_off_t downloadTotal, curl_off_t downloaded, curl_off_t uploadTotal,
               curl_off_t uploaded);

// How a libcurl result code reads to the sync engine.
[[nodiscard]] TransportErrorKind kindOf(CURLcode code);

// What a person can act on, where libcurl's code (and OpenSSL's verdict on the certificate,
// CURLINFO_SSL_VERIFYRESULT) says it; nullopt where the kind is all there is to say.
// `systemTrust`: no CA file was given, so the system's CAs were asked.
[[nodiscard]] std::optional<TransportCause> causeOf(CURLcode code, long verifyResult,
                                                    bool systemTrust);

}  // namespace duban::sync
