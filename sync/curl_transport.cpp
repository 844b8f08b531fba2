#include "sync/curl_transport.h"

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <system_error>

#include "sync/cancel_token.h"
#include "sync/curl_handles.h"
#include "sync/curl_transfer.h"
#include "sync/request_checks.h"

namespace duban::sync {
namespace {

std::string megabytes(std::int64_t bytes) {
    return std::to_string(bytes / (1024 * 1024)) + " MiB";
}

// With no CA file the system's CAs are trusted: libcurl's built-in bundle, unless SSL_CERT_FILE
// names another — OpenSSL's own way to point at the system's trust store, which the curl tool
// honours and libcurl alone does not.
std::filesystem::path systemCaFileOverride() {
    const char* file = std::getenv("SSL_CERT_FILE");
    return file != nullptr ? std::filesystem::path(file) : std::filesystem::path();
}

}  // namespace

class CurlTransport::Impl {
public:
    explicit Impl(TransportOptions options)
        : m_options(std::move(options)),
          m_bearerToken(m_options.bearerToken),
          m_systemCaFile(systemCaFileOverride()),
          m_easy(curl_easy_init()),
          m_multi(curl_multi_init()) {}

    [[nodiscard]] bool valid() const { return m_easy && m_multi; }
    [[nodiscard]] const TransportOptions& options() const { return m_options; }
    [[nodiscard]] long connectionsOpened() const { return m_connections.load(); }
    CancelToken& cancelToken() { return m_cancel; }

    void setBearerToken(std::string token) {
        std::lock_guard lock(m_tokenMutex);
        m_bearerToken = std::move(token);
    }

    void cancel() {
        m_cancel.cancel();
        // Wakes a curl_multi_poll that waits for a silent server; without this a cancel would
        // only be noticed at libcurl's next timer, up to a second later.
        curl_multi_wakeup(m_multi.get());
    }

    Result<HttpResponse> send(const HttpRequest& request, const ProgressCallback& progress) {
        std::lock_guard lock(m_sendMutex);
        if (m_cancel.isCancelled())
            return makeTransportError(TransportErrorKind::cancelled, "The request was cancelled.");
        CURL* easy = m_easy.get();
        // Reset clears every option of the previous request but keeps the live connection, the
        // TLS session and the DNS cache: one request's settings never leak into the next.
        curl_easy_reset(easy);
        m_errorBuffer[0] = '\0';

        Transfer transfer(request, progress, m_cancel, m_options.maxResponseBytes);
        HeaderList headers;
        if (auto failure = buildHeaders(request, headers))
            return *failure;
        const std::string url = m_options.baseUrl + request.path;
        if (auto failure = configure(easy, request, transfer, headers.get(), url))
            return *failure;

        const CURLcode code = perform(easy);
        long connects = 0;
        if (curl_easy_getinfo(easy, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK)
            m_connections += connects;
        if (code != CURLE_OK) {
            long verifyResult = 0;  // OpenSSL's verdict on the certificate (X509_V_*)
            if (curl_easy_getinfo(easy, CURLINFO_SSL_VERIFYRESULT, &verifyResult) != CURLE_OK)
                verifyResult = 0;
            return describe(code, verifyResult, transfer);
        }
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &transfer.response.status);
        return std::move(transfer.response);
    }

private:
    std::optional<Error> buildHeaders(const HttpRequest& request, HeaderList& list) {
        bool failed = false;
        const auto add = [&](const std::string& line) {
            curl_slist* grown = curl_slist_append(list.get(), line.c_str());
            if (grown == nullptr) {
                failed = true;  // the list so far is intact and still owned
                return;
            }
            (void)list.release();  // grown is the same head, or the first node
            list.reset(grown);
        };
        {
            std::lock_guard lock(m_tokenMutex);
            if (!m_bearerToken.empty() && !hasHeader(request, "Authorization"))
                add("Authorization: Bearer " + m_bearerToken);
        }
        // libcurl would label a POST body application/x-www-form-urlencoded; the protocol is JSON
        // and streamed bodies are bytes.
        if (sendsBody(request) && !hasHeader(request, "Content-Type"))
            add(request.bodySource ? "Content-Type: application/octet-stream"
                                   : "Content-Type: application/json");
        // No "Expect: 100-continue": it costs a round trip on every large body, and a server that
        // ignores it stalls the upload for a second.
        if (!hasHeader(request, "Expect"))
            add("Expect:");
        for (const auto& [name, value] : request.headers)
            add(value.empty() ? name + ";" : name + ": " + value);  // "Name;" sends it empty
        if (failed)
            return makeTransportError(TransportErrorKind::other,
                                      "Out of memory while preparing request headers.");
        return std::nullopt;
    }

    std::optional<Error> configure(CURL* easy, const HttpRequest& request, Transfer& transfer,
                                   curl_slist* headers, const std::string& url) {
        const auto refused = [&](const char* option, CURLcode code) {
            return makeTransportError(TransportErrorKind::other,
                                      std::string("libcurl refused ") + option + ": " +
                                          curl_easy_strerror(code) +
                                          ". This libcurl cannot make requests safely; update it.");
        };
        // Every option is checked: a libcurl that does not know one (too old, built without it)
        // must fail the request rather than quietly send it with weaker settings.
#define DUBAN_SETOPT(option, value)                                            \
    do {                                                                       \
        if (const CURLcode setoptCode = curl_easy_setopt(easy, option, value); \
            setoptCode != CURLE_OK)                                            \
            return refused(#option, setoptCode);                               \
    } while (false)

        DUBAN_SETOPT(CURLOPT_ERRORBUFFER, m_errorBuffer);
        DUBAN_SETOPT(CURLOPT_URL, url.c_str());
        DUBAN_SETOPT(CURLOPT_PROTOCOLS_STR, "https");
        DUBAN_SETOPT(CURLOPT_REDIR_PROTOCOLS_STR, "https");
        // A redirect is never followed: the protocol has none, and following one would carry the
        // bearer token and the body to wherever the server points.
        DUBAN_SETOPT(CURLOPT_FOLLOWLOCATION, 0L);
        DUBAN_SETOPT(CURLOPT_SSL_VERIFYPEER, 1L);
        DUBAN_SETOPT(CURLOPT_SSL_VERIFYHOST, 2L);
        DUBAN_SETOPT(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
        const std::filesystem::path& caFile =
            m_options.caFile.empty() ? m_systemCaFile : m_options.caFile;
        if (!caFile.empty()) {
            DUBAN_SETOPT(CURLOPT_CAINFO, caFile.c_str());
            // Debian's libcurl also searches /etc/ssl/certs by default; "exactly this CA" means
            // switching that directory off, or any public CA could vouch for the server.
            DUBAN_SETOPT(CURLOPT_CAPATH, static_cast<const char*>(nullptr));
        }
        if (!m_options.pinnedPublicKey.empty())
            DUBAN_SETOPT(CURLOPT_PINNEDPUBLICKEY, m_options.pinnedPublicKey.c_str());
        DUBAN_SETOPT(CURLOPT_NOSIGNAL, 1L);  // many threads; no SIGALRM for DNS timeouts
        DUBAN_SETOPT(CURLOPT_TCP_KEEPALIVE, 1L);
        DUBAN_SETOPT(CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(m_options.connectTimeout.count()));
        if (m_options.lowSpeedLimitBytes > 0 && m_options.lowSpeedTime.count() > 0) {
            DUBAN_SETOPT(CURLOPT_LOW_SPEED_LIMIT, m_options.lowSpeedLimitBytes);
            DUBAN_SETOPT(CURLOPT_LOW_SPEED_TIME,
                         static_cast<long>((m_options.lowSpeedTime.count() + 999) / 1000));
        }
        if (m_options.totalTimeout.count() > 0)
            DUBAN_SETOPT(CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.totalTimeout.count()));
        // Refuses early when Content-Length already says too much; onBody enforces the cap for
        // chunked or compressed responses, which this libcurl (7.88) does not check on the way.
        // A HEAD names the size of a body it does not send (a blob's, say): no limit applies.
        if (request.method != "HEAD")
            DUBAN_SETOPT(CURLOPT_MAXFILESIZE_LARGE,
                         static_cast<curl_off_t>(m_options.maxResponseBytes));
        // Pull responses are JSON and compress well on a slow link; the cap counts decoded bytes.
        DUBAN_SETOPT(CURLOPT_ACCEPT_ENCODING, "");
        DUBAN_SETOPT(CURLOPT_USERAGENT, m_options.userAgent.c_str());
        DUBAN_SETOPT(CURLOPT_HTTPHEADER, headers);
        DUBAN_SETOPT(CURLOPT_WRITEFUNCTION, onBody);
        DUBAN_SETOPT(CURLOPT_WRITEDATA, &transfer);
        DUBAN_SETOPT(CURLOPT_HEADERFUNCTION, onHeader);
        DUBAN_SETOPT(CURLOPT_HEADERDATA, &transfer);
        DUBAN_SETOPT(CURLOPT_NOPROGRESS, 0L);
        DUBAN_SETOPT(CURLOPT_XFERINFOFUNCTION, onProgress);
        DUBAN_SETOPT(CURLOPT_XFERINFODATA, &transfer);

        if (request.method == "HEAD") {
            DUBAN_SETOPT(CURLOPT_NOBODY, 1L);
        } else if (sendsBody(request)) {
            DUBAN_SETOPT(CURLOPT_POST, 1L);
            if (request.bodySource) {
                DUBAN_SETOPT(CURLOPT_READFUNCTION, onReadBody);
                DUBAN_SETOPT(CURLOPT_READDATA, &transfer);
                // Without a size libcurl sends the body chunked.
                if (request.bodySize >= 0)
                    DUBAN_SETOPT(CURLOPT_POSTFIELDSIZE_LARGE,
                                 static_cast<curl_off_t>(request.bodySize));
            } else {
                DUBAN_SETOPT(CURLOPT_POSTFIELDSIZE_LARGE,
                             static_cast<curl_off_t>(request.body.size()));
                DUBAN_SETOPT(CURLOPT_POSTFIELDS, request.body.data());
            }
            if (request.method != "POST")
                DUBAN_SETOPT(CURLOPT_CUSTOMREQUEST, request.method.c_str());
        } else {
            DUBAN_SETOPT(CURLOPT_HTTPGET, 1L);
            if (request.method != "GET")
                DUBAN_SETOPT(CURLOPT_CUSTOMREQUEST, request.method.c_str());
        }
#undef DUBAN_SETOPT
        return std::nullopt;
    }

    // Runs the transfer through the multi interface so cancel() can wake curl_multi_poll at once.
    // The progress callback alone is called only about once a second while the server is silent,
    // and a silent server is what a cancel most often interrupts.
    CURLcode perform(CURL* easy) {
        if (curl_multi_add_handle(m_multi.get(), easy) != CURLM_OK)
            return CURLE_FAILED_INIT;
        struct Detach {
            CURLM* multi;
            CURL* easy;
            // Removing an unfinished transfer aborts it and closes its connection.
            ~Detach() { curl_multi_remove_handle(multi, easy); }
        } detach{m_multi.get(), easy};

        for (;;) {
            int running = 0;
            if (curl_multi_perform(m_multi.get(), &running) != CURLM_OK)
                return CURLE_FAILED_INIT;
            int queued = 0;
            while (CURLMsg* message = curl_multi_info_read(m_multi.get(), &queued)) {
                if (message->msg == CURLMSG_DONE && message->easy_handle == easy)
                    return message->data.result;
            }
            if (m_cancel.isCancelled())
                return CURLE_ABORTED_BY_CALLBACK;
            if (running == 0)
                return CURLE_FAILED_INIT;  // finished without a result: cannot happen
            if (curl_multi_poll(m_multi.get(), nullptr, 0, 1000, nullptr) != CURLM_OK)
                return CURLE_FAILED_INIT;
        }
    }

    Error describe(CURLcode code, long verifyResult, const Transfer& transfer) const {
        const std::string& server = m_options.baseUrl;
        const std::string what = transfer.request.method + " " + transfer.request.path;
        if (!transfer.callbackFailure.empty())
            return makeTransportError(TransportErrorKind::other, "A callback failed during " +
                                                                     what +
                                                                     ", so the request "
                                                                     "was stopped: " +
                                                                     transfer.callbackFailure);
        if (transfer.tooLarge || code == CURLE_FILESIZE_EXCEEDED)
            return makeTransportError(
                TransportErrorKind::tooLarge,
                "The response to " + what + " from " + server + " is larger than the " +
                    megabytes(m_options.maxResponseBytes) +
                    " limit, so it was stopped. Duban's server never sends this much; check the "
                    "server address.");
        if (transfer.bodyAborted)
            return makeTransportError(
                TransportErrorKind::other,
                "The body of " + what + " could not be read, so the upload was stopped.");

        std::string detail = m_errorBuffer[0] != '\0' ? m_errorBuffer : curl_easy_strerror(code);
        while (!detail.empty() && (detail.back() == '\n' || detail.back() == '\r'))
            detail.pop_back();
        const TransportErrorKind kind = kindOf(code);
        // The code names the cause where libcurl said it (the app's sentence depends on it); the
        // message keeps libcurl's own words for the log.
        const auto cause = causeOf(code, verifyResult, m_options.caFile.empty());
        const auto fail = [&](std::string message) {
            return cause ? makeTransportError(*cause, std::move(message))
                         : makeTransportError(kind, std::move(message));
        };
        switch (kind) {
            case TransportErrorKind::cancelled:
                return fail("The request was cancelled.");
            case TransportErrorKind::connect:
                return fail("Could not connect to " + server + " (" + detail +
                            "). Check the network connection and the "
                            "server address.");
            case TransportErrorKind::timeout:
                return fail(what + " to " + server + " timed out (" + detail +
                            "). The network may be slow or down.");
            case TransportErrorKind::reset:
                return fail("The connection to " + server + " broke during " + what + " (" +
                            detail + ").");
            case TransportErrorKind::tls:
                if (code == CURLE_SSL_PINNEDPUBKEYNOTMATCH)
                    return fail("The server at " + server +
                                " presented a public key that does not match the pinned key, "
                                "so the connection was refused: either the server's key was "
                                "replaced (update the pin) or someone is intercepting the "
                                "connection (" +
                                detail + ").");
                return fail("The server at " + server +
                            " could not be verified, so the connection "
                            "was refused: " +
                            detail +
                            ". Check that this device trusts the "
                            "server's CA, that the certificate is valid today and that it was "
                            "issued for this host name.");
            default:
                return fail(what + " to " + server + " failed: " + detail);
        }
    }

    TransportOptions m_options;
    std::mutex m_tokenMutex;
    std::string m_bearerToken;
    std::filesystem::path m_systemCaFile;  // SSL_CERT_FILE, when no CA file is given
    std::mutex m_sendMutex;  // libcurl handles are not thread-safe: one request at a time
    CancelToken m_cancel;
    std::atomic<long> m_connections{0};
    char m_errorBuffer[CURL_ERROR_SIZE] = {};
    // libcurl's order of cleanup: detach (done after each request), the multi handle, then the
    // easy handle; members are destroyed in reverse.
    EasyHandle m_easy;
    MultiHandle m_multi;
};

Result<std::unique_ptr<CurlTransport>> CurlTransport::create(TransportOptions options) {
    initialiseCurlOnce();
    auto base = normaliseBaseUrl(options.baseUrl);
    if (!base)
        return base.error();
    options.baseUrl = std::move(base).value();
    if (!options.caFile.empty()) {
        std::error_code ignored;
        if (!std::filesystem::is_regular_file(options.caFile, ignored))
            return makeError("transport_ca_file_missing",
                             "The CA certificate file " + options.caFile.string() +
                                 " does not exist. Copy the server's ca.crt to the device, or "
                                 "leave the CA file empty to trust the system's CAs.");
    }
    if (!options.pinnedPublicKey.empty() && !options.pinnedPublicKey.starts_with("sha256//"))
        return invalidOptions(
            "A pinned public key must look like sha256//<base64>, the form "
            "publicKeyPin() prints; got \"" +
            options.pinnedPublicKey + "\".");
    if (options.maxResponseBytes <= 0)
        return invalidOptions("The response size limit must be positive.");
    auto transport = std::make_unique<CurlTransport>(Key{}, std::move(options));
    if (!transport->m_impl->valid())
        return makeTransportError(TransportErrorKind::other,
                                  "libcurl could not be initialised (out of memory?).");
    return transport;
}

CurlTransport::CurlTransport(Key, TransportOptions options)
    : m_impl(std::make_unique<Impl>(std::move(options))) {}

CurlTransport::~CurlTransport() = default;

Result<HttpResponse> CurlTransport::send(const HttpRequest& request,
                                         const ProgressCallback& progress) {
    if (auto problem = requestProblem(request))
        return makeTransportError(TransportErrorKind::invalidRequest, std::move(*problem));
    return m_impl->send(request, progress);
}

void CurlTransport::cancel() {
    m_impl->cancel();
}

void CurlTransport::resetCancel() {
    m_impl->cancelToken().reset();
}

bool CurlTransport::isCancelled() const {
    return m_impl->cancelToken().isCancelled();
}

bool CurlTransport::sleepUnlessCancelled(std::chrono::milliseconds delay) {
    return m_impl->cancelToken().sleepFor(delay);
}

void CurlTransport::setBearerToken(std::string token) {
    m_impl->setBearerToken(std::move(token));
}

const std::string& CurlTransport::baseUrl() const {
    return m_impl->options().baseUrl;
}

long CurlTransport::connectionsOpened() const {
    return m_impl->connectionsOpened();
}

}  // namespace duban::sync
