#include "sync/curl_transfer.h"

#include <openssl/x509_vfy.h>

#include <algorithm>
#include <exception>
#include <string_view>

namespace duban::sync {
namespace {

char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (!transfer.admit(bytes))
        return 0;  // anything but `bytes` makes libcurl stop with CURLE_WRITE_ERROR
    const long status = transfer.response.status;
    if (!transfer.request.responseSink || status < 200 || status > 299) {
        transfer.response.body.append(data, bytes);
        return bytes;
    }
    try {
        if (transfer.request.responseSink(std::string_view(data, bytes)))
            return bytes;
        transfer.callbackFailure = "the response body could not be stored";
    } catch (const std::exception& e) {
        transfer.callbackFailure = e.what();
    } catch (...) {
        transfer.callbackFailure = "unknown exception from the response sink";
    }
    return 0;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (!transfer.admit(bytes))
        return 0;
    const std::string_view line(data, bytes);
    if (line.starts_with("HTTP/")) {
        // A new status line: after a 1xx only the final response's headers may count. Its code
        // decides where the body goes (responseSink takes 2xx bodies only).
        transfer.response.headers.clear();
        const auto space = line.find(' ');
        long status = 0;
        for (std::size_t i = space + 1; space != std::string_view::npos && i < line.size(); ++i) {
            if (line[i] < '0' || line[i] > '9')
                break;
            status = status * 10 + (line[i] - '0');
        }
        transfer.response.status = status;
        return bytes;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return bytes;  // the blank line that ends the headers
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(), lowerAscii);
    std::string_view value = line.substr(colon + 1);
    const auto first = value.find_first_not_of(" \t");
    const auto last = value.find_last_not_of(" \t\r\n");
    value = first == std::string_view::npos ? std::string_view()
                                            : value.substr(first, last - first + 1);
    transfer.response.headers.emplace_back(std::move(name), std::string(value));
    return bytes;
}

std::size_t onReadBody(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t max = size * count;
    std::size_t filled = 0;
    try {
        filled = transfer.request.bodySource(buffer, max);
    } catch (const std::exception& e) {
        // An exception must not unwind through libcurl's C frames.
        transfer.callbackFailure = e.what();
        return CURL_READFUNC_ABORT;
    } catch (...) {
        transfer.callbackFailure = "unknown exception from the body source";
        return CURL_READFUNC_ABORT;
    }
    if (filled == kAbortBody || filled > max) {
        transfer.bodyAborted = true;
        return CURL_READFUNC_ABORT;
    }
    return filled;
}

int onProgress(void* user, curl_off_t downloadTotal, curl_off_t downloaded, curl_off_t uploadTotal,
               curl_off_t uploaded) {
    auto& transfer = *static_cast<Transfer*>(user);
    if (transfer.cancel.isCancelled())
        return 1;  // libcurl aborts with CURLE_ABORTED_BY_CALLBACK
    if (!transfer.progress)
        return 0;
    const Progress now{uploaded, uploadTotal, downloaded, downloadTotal};
    // libcurl calls this about once a second even while nothing moves; report changes only.
    if (now.sentBytes == transfer.lastProgress.sentBytes &&
        now.totalSendBytes == transfer.lastProgress.totalSendBytes &&
        now.receivedBytes == transfer.lastProgress.receivedBytes &&
        now.totalReceiveBytes == transfer.lastProgress.totalReceiveBytes)
        return 0;
    transfer.lastProgress = now;
    try {
        transfer.progress(now);
    } catch (const std::exception& e) {
        transfer.callbackFailure = e.what();
        return 1;
    } catch (...) {
        transfer.callbackFailure = "unknown exception from the progress callback";
        return 1;
    }
    return 0;
}

TransportErrorKind kindOf(CURLcode code) {
    switch (code) {
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT:
            return TransportErrorKind::connect;
        case CURLE_OPERATION_TIMEDOUT:
            return TransportErrorKind::timeout;
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        // A handshake that did not finish: with OpenSSL almost always the connection closing or
        // resetting under it (a server restarting, a link dropping). An untrusted certificate or
        // key is CURLE_PEER_FAILED_VERIFICATION or CURLE_SSL_PINNEDPUBKEYNOTMATCH, below.
        case CURLE_SSL_CONNECT_ERROR:
            return TransportErrorKind::reset;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_USE_SSL_FAILED:
            return TransportErrorKind::tls;
        case CURLE_FILESIZE_EXCEEDED:
            return TransportErrorKind::tooLarge;
        case CURLE_ABORTED_BY_CALLBACK:
            return TransportErrorKind::cancelled;
        case CURLE_URL_MALFORMAT:
        case CURLE_UNSUPPORTED_PROTOCOL:
            return TransportErrorKind::invalidRequest;
        default:
            return TransportErrorKind::other;
    }
}

std::optional<TransportCause> causeOf(CURLcode code, long verifyResult, bool systemTrust) {
    switch (code) {
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_RESOLVE_HOST:
            return TransportCause::dnsFailed;
        case CURLE_COULDNT_CONNECT:
            return TransportCause::connectFailed;
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return TransportCause::tlsPinMismatch;
        case CURLE_SSL_CACERT_BADFILE:
            return TransportCause::tlsCaFileUnusable;
        case CURLE_PEER_FAILED_VERIFICATION:
            break;
        default:
            return std::nullopt;
    }
    switch (verifyResult) {
        case X509_V_ERR_CERT_HAS_EXPIRED:
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return TransportCause::tlsExpired;
        // libcurl (7.88) checks the host name itself before it reads OpenSSL's verdict, and
        // until then the verdict it reports is 1 (X509_V_ERR_UNSPECIFIED, its "not ok yet").
        case X509_V_ERR_UNSPECIFIED:
        case X509_V_ERR_HOSTNAME_MISMATCH:
        case X509_V_ERR_IP_ADDRESS_MISMATCH:
            return TransportCause::tlsWrongHost;
        default:
            return systemTrust ? TransportCause::tlsUntrustedBySystem
                               : TransportCause::tlsUntrusted;
    }
}

}  // namespace duban::sync
