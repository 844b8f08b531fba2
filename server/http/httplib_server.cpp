// HttpServer on cpp-httplib: the one file that includes httplib.h. httplib's routing is reduced
// to catch-alls; our Router decides, and each request and response is copied across.
#include <httplib.h>
#include <sys/socket.h>

#include <charconv>
#include <chrono>
#include <thread>

#include "server/http/http_server.h"
#include "server/log/json_log.h"

namespace duban::server {
namespace {

constexpr std::size_t kSendBufferBytes = 64 * 1024;

Request fromLibrary(const httplib::Request& in) {
    Request out;
    out.method = in.method;
    out.path = in.path;
    for (const auto& [name, value] : in.params)
        out.query.emplace_back(name, value);
    for (const auto& [name, value] : in.headers)
        out.headers.add(name, value);
    out.remoteAddress = in.remote_addr;
    return out;
}

void toLibrary(Response& in, httplib::Response& out) {
    out.status = in.status;
    const std::string type = in.header("Content-Type");
    for (const auto& [name, value] : in.headers) {
        // httplib writes both itself, from the content it is given.
        if (!equalsIgnoringCase(name, "Content-Length") &&
            !equalsIgnoringCase(name, "Content-Type"))
            out.set_header(name.c_str(), value);
    }
    if (in.streams()) {
        out.set_content_provider(
            static_cast<std::size_t>(in.streamLength), type.c_str(),
            [provider = std::move(in.provider)](std::size_t offset, std::size_t length,
                                                httplib::DataSink& sink) {
                std::vector<char> buffer(std::min(length, kSendBufferBytes));
                const std::size_t got = provider(offset, buffer.data(), buffer.size());
                return got > 0 && sink.write(buffer.data(), got);
            });
    } else if (!in.body.empty() || !type.empty()) {
        out.set_content(std::move(in.body), type.c_str());
    }
}

// A streaming route's body, read through httplib's ContentReader.
class ReaderSource final : public BodySource {
public:
    explicit ReaderSource(const httplib::ContentReader& reader) : m_reader(reader) {}
    bool read(const BodySink& sink) override {
        return m_reader([&sink](const char* data, std::size_t size) { return sink(data, size); });
    }

private:
    const httplib::ContentReader& m_reader;
};

std::optional<std::uint64_t> declaredLength(const Request& request) {
    const std::string text = request.header("Content-Length");
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

void refuseOversize(Response& response) {
    response = Response{};
    answerTransportError(response, 413);
    response.setHeader("Connection", "close");  // the unread body must not be taken for a request
}

class HttplibServer final : public HttpServer {
public:
    HttplibServer(const HttpServerOptions& options, const Router& router)
        : m_router(router),
          m_http(options.certFile.c_str(), options.keyFile.c_str()),
          m_threads(options.workerThreads) {}

    Status setUp(const HttpServerOptions& options);
    [[nodiscard]] int port() const override { return m_port; }
    void run() override { m_http.listen_after_bind(); }
    void stop() override { m_http.stop(); }
    void waitUntilRunning() const override {
        while (!m_http.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }

private:
    void serve(const httplib::Request& in, httplib::Response& out,
               const httplib::ContentReader* reader) const;

    const Router& m_router;
    httplib::SSLServer m_http;
    int m_threads;
    int m_port = 0;
};

void HttplibServer::serve(const httplib::Request& in, httplib::Response& out,
                          const httplib::ContentReader* reader) const {
    Request request = fromLibrary(in);
    Response response;
    const RouteMatch match = m_router.match(request.method, request.path);
    const std::size_t limit = m_router.bodyLimit(match);
    // An oversize declared body is refused before a byte of it is read.
    const auto length = declaredLength(request);
    if (length && *length > limit) {
        refuseOversize(response);
        return toLibrary(response, out);
    }
    std::optional<ReaderSource> source;
    bool oversize = false;
    if (reader != nullptr) {
        source.emplace(*reader);
        request.bodySource = &*source;
        if (!m_router.streamsBody(match) && request.hasBody()) {
            std::string body;
            request.readBody([&](const char* data, std::size_t size) {
                oversize = body.size() + size > limit;
                if (!oversize)
                    body.append(data, size);
                return !oversize;
            });
            request.body = std::move(body);
            request.bodySource = nullptr;
        }
    } else {
        request.body = in.body;
    }
    if (oversize)
        refuseOversize(response);
    else
        m_router.serve(match, request, response);
    toLibrary(response, out);
}

Status HttplibServer::setUp(const HttpServerOptions& options) {
    if (!m_http.is_valid()) {
        return makeError("tls_setup_failed",
                         "the certificate or key could not be loaded (" +
                             options.certFile.string() + ", " + options.keyFile.string() +
                             "); check both files are PEM and belong together.");
    }
    const int threads = m_threads;
    m_http.new_task_queue = [threads] {
        return new httplib::ThreadPool(static_cast<std::size_t>(threads));
    };
    m_http.set_read_timeout(30);
    m_http.set_write_timeout(30);
    m_http.set_keep_alive_max_count(1000);
    // Every response is written in more than one piece (headers, body; TLS records): with
    // Nagle's algorithm on, a piece waits for the ACK of the one before, which the client delays
    // by up to 40 ms — on every request (bench/photos: a 1 MiB chunk took 40 ms longer).
    m_http.set_tcp_nodelay(true);
    // A declared length is checked against the route's limit in serve(); httplib's own limit
    // bounds the rest (it counts only Content-Length bodies, CVE-2025-46728).
    m_http.set_payload_max_length(m_router.largestBodyLimit());
    m_http.set_logger([this](const httplib::Request& in, const httplib::Response& out) {
        logRequest(m_router.log(), fromLibrary(in), out.status);
    });
    // httplib answers some requests itself (a malformed request, no route): the body of
    // docs/api.md for those too. Its ranges are not applied: routes answer Range themselves.
    m_http.set_pre_routing_handler([](const httplib::Request& in, httplib::Response&) {
        const_cast<httplib::Request&>(in).ranges.clear();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    m_http.set_error_handler([](const httplib::Request&, httplib::Response& out) {
        if (!out.body.empty())
            return;  // a route already wrote its JSON error
        Response response;
        answerTransportError(response, out.status);
        toLibrary(response, out);
    });
    const auto plain = [this](const httplib::Request& in, httplib::Response& out) {
        serve(in, out, nullptr);
    };
    const auto withBody = [this](const httplib::Request& in, httplib::Response& out,
                                 const httplib::ContentReader& reader) { serve(in, out, &reader); };
    m_http.Get(".*", plain);  // HEAD too
    m_http.Options(".*", plain);
    m_http.Post(".*", withBody);
    m_http.Put(".*", withBody);
    m_http.Patch(".*", withBody);
    m_http.Delete(".*", withBody);

    // The system's httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, compiled into
    // the library): when many devices connect at once, the kernel drops the SYNs beyond it and
    // each of those clients waits a second or more to try again (bench/load). Listening again on
    // the bound socket only raises the backlog (capped by net.core.somaxconn).
    int listening = -1;
    m_http.set_socket_options([&listening](int socket) {
        httplib::default_socket_options(socket);
        listening = socket;
    });
    m_port = options.port == 0
                 ? m_http.bind_to_any_port(options.host)
                 : (m_http.bind_to_port(options.host, options.port) ? options.port : -1);
    m_http.set_socket_options(httplib::default_socket_options);  // `listening` goes
    if (m_port <= 0) {
        return makeError("listen_failed", "cannot listen on " + options.host + ":" +
                                              std::to_string(options.port) +
                                              " (in use, or not an address of this machine).");
    }
    if (listening >= 0)
        ::listen(listening, SOMAXCONN);
    return Ok{};
}

}  // namespace

Result<std::unique_ptr<HttpServer>> HttpServer::bind(const HttpServerOptions& options,
                                                     const Router& router) {
    auto server = std::make_unique<HttplibServer>(options, router);
    if (Status ready = server->setUp(options); !ready)
        return ready.error();
    return std::unique_ptr<HttpServer>(std::move(server));
}

}  // namespace duban::server
