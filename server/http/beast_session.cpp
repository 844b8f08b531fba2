// A connection's life on the Beast server: TLS handshake, then requests one after another, each
// stage under its own deadline (handshake, whole header, body stall and average rate, write,
// keep-alive idle); limits checked while the bytes arrive; handlers on the worker pool.
#include "server/http/beast_session.h"

#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>

#include <random>

#include "server/http/api.h"
#include "server/http/change_feed.h"
#include "server/http/client_address.h"
#include "server/http/header_text.h"
#include "server/http/url_text.h"

namespace duban::server::net {
namespace {

constexpr std::size_t kPieceBytes = 64 * 1024;
constexpr std::size_t kQueuedPieces = 4;  // a streamed body holds at most this many in memory
constexpr std::chrono::seconds kShutdownTimeout{1};

auto noThrow(beast::error_code& ec) {
    return asio::redirect_error(asio::use_awaitable, ec);
}

// Wakes the session's coroutine from a worker thread: notify() runs on the session's strand.
class Wakeup : public std::enable_shared_from_this<Wakeup> {
public:
    explicit Wakeup(const asio::any_io_executor& executor) : m_timer(executor) {}

    void notify() {
        asio::post(m_timer.get_executor(), [self = shared_from_this()] {
            self->m_pending = true;
            self->m_timer.cancel();
        });
    }
    // Returns after a notify() since the last wait (at once if one came meanwhile).
    asio::awaitable<void> wait() { co_await waitUntil(asio::steady_timer::time_point::max()); }
    // As wait(), or when `deadline` comes.
    asio::awaitable<void> waitUntil(asio::steady_timer::time_point deadline) {
        if (!m_pending) {
            m_timer.expires_at(deadline);
            beast::error_code ec;
            co_await m_timer.async_wait(noThrow(ec));
        }
        m_pending = false;
    }

private:
    asio::steady_timer m_timer;
    bool m_pending = false;
};

// A streaming route's body, handed from the session (which reads the socket) to the handler on
// a worker thread, a few pieces at a time.
class BodyChannel final : public BodySource {
public:
    explicit BodyChannel(std::shared_ptr<Wakeup> wakeup) : m_wakeup(std::move(wakeup)) {}

    bool read(const BodySink& sink) override {
        for (;;) {
            std::string piece;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [this] { return !m_pieces.empty() || m_ended; });
                if (m_pieces.empty())
                    return m_complete;
                piece = std::move(m_pieces.front());
                m_pieces.pop_front();
            }
            m_wakeup->notify();
            if (!sink(piece.data(), piece.size())) {
                consumerDone();
                return false;
            }
        }
    }

    // The session's side.
    void push(std::string piece) {
        {
            const std::lock_guard lock(m_mutex);
            m_pieces.push_back(std::move(piece));
        }
        m_ready.notify_one();
    }
    void finish(bool complete) {
        {
            const std::lock_guard lock(m_mutex);
            m_ended = true;
            m_complete = complete;
        }
        m_ready.notify_one();
    }
    [[nodiscard]] bool wantsMore() const {
        const std::lock_guard lock(m_mutex);
        return !m_gone && m_pieces.size() < kQueuedPieces;
    }
    [[nodiscard]] bool gone() const {
        const std::lock_guard lock(m_mutex);
        return m_gone;
    }
    // The handler returned (or its sink stopped): nothing more will be read.
    void consumerDone() {
        {
            const std::lock_guard lock(m_mutex);
            m_gone = true;
            m_pieces.clear();
        }
        m_wakeup->notify();
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::string> m_pieces;
    bool m_ended = false;
    bool m_complete = false;
    bool m_gone = false;
    std::shared_ptr<Wakeup> m_wakeup;
};

// A request handed to the worker pool and its answer.
struct Job {
    Request request;
    Response response;
    std::atomic<bool> done{false};
};

bool submit(const SessionShared& shared, const RouteMatch& match, const std::shared_ptr<Job>& job,
            const std::shared_ptr<BodyChannel>& channel, const std::shared_ptr<Wakeup>& wakeup) {
    return shared.workers.tryPost([&router = shared.router, match, job, channel, wakeup] {
        try {
            router.serve(match, job->request, job->response);
        } catch (const std::exception&) {
            job->response = Response{};
            answerTransportError(job->response, 500);
        }
        if (channel)
            channel->consumerDone();
        job->done = true;
        wakeup->notify();
    });
}

asio::awaitable<void> untilDone(const Job& job, Wakeup& wakeup) {
    while (!job.done)
        co_await wakeup.wait();
}

// A parked request (Response::parking): held with no thread until the change feed passes what
// it waits beyond, the deadline comes or the server stops, then its handler runs again (and may
// park again). A full worker pool makes it wait a moment and try again, not answer 503: these
// wake together when one change is published.
asio::awaitable<Response> resumeParked(const SessionShared& shared, const RouteMatch& match,
                                       const std::shared_ptr<Job>& job,
                                       const std::shared_ptr<Wakeup>& wakeup, Parking parking) {
    {
        const ChangeFeed::Subscription subscription =
            shared.options.changes->subscribe(parking.beyond, [wakeup] { wakeup->notify(); });
        co_await wakeup->waitUntil(parking.until);
    }
    job->request.mayPark = !shared.stopping && std::chrono::steady_clock::now() < parking.until;
    job->request.parked = std::move(parking);
    job->response = Response{};
    job->done = false;
    thread_local std::minstd_rand jitter{std::random_device{}()};
    while (!submit(shared, match, job, nullptr, wakeup)) {
        const auto pause = std::chrono::milliseconds(20 + jitter() % 60);
        co_await wakeup->waitUntil(std::chrono::steady_clock::now() + pause);
    }
    co_await untilDone(*job, *wakeup);
    co_return std::move(job->response);
}

void answerBusy(Response& response) {
    response = Response{};
    response.setHeader("Retry-After", "1");
    sendError(response, 503, "busy", "the server is busy; send the same request again shortly.");
}

template <class Fields>
void copyHeaders(const Response& from, Fields& to) {
    for (const auto& [name, value] : from.headers) {
        if (!equalsIgnoringCase(name, "Content-Length") && !equalsIgnoringCase(name, "Connection"))
            to.insert(name, value);
    }
}

template <class Message>
void setStatus(Message& message, int status) {
    message.result(static_cast<unsigned>(status));
    if (http::int_to_status(static_cast<unsigned>(status)) == http::status::unknown)
        message.reason(status == 460 ? "Checksum Mismatch" : "Unknown");
}

bool carriesNoBody(int status) {
    return status == 204 || status == 304 || status < 200;
}

// Writes `response`; false when the connection can no longer be used.
asio::awaitable<bool> writeResponse(const SessionShared& shared, TlsStream& stream,
                                    Response& response, bool head, bool keepAlive,
                                    unsigned version) {
    auto& lowest = beast::get_lowest_layer(stream);
    beast::error_code ec;
    if (head || !response.streams() || carriesNoBody(response.status)) {
        http::response<http::string_body> message;
        message.version(version);
        setStatus(message, response.status);
        copyHeaders(response, message);
        message.keep_alive(keepAlive);
        if (!carriesNoBody(response.status))
            message.content_length(response.contentLength());
        if (!head && !carriesNoBody(response.status))
            message.body() = std::move(response.body);
        http::response_serializer<http::string_body> serializer(message);
        if (head)
            serializer.split(true);
        lowest.expires_after(shared.options.writeTimeout);
        if (head)
            co_await http::async_write_header(stream, serializer, noThrow(ec));
        else
            co_await http::async_write(stream, serializer, noThrow(ec));
        co_return !ec;
    }
    // A streamed body: the header, then pieces read from the provider (memory O(piece)).
    http::response<http::buffer_body> message;
    message.version(version);
    setStatus(message, response.status);
    copyHeaders(response, message);
    message.keep_alive(keepAlive);
    message.content_length(response.streamLength);
    message.body().data = nullptr;
    message.body().more = true;
    http::response_serializer<http::buffer_body> serializer(message);
    lowest.expires_after(shared.options.writeTimeout);
    co_await http::async_write_header(stream, serializer, noThrow(ec));
    if (ec)
        co_return false;
    std::vector<char> piece(kPieceBytes);
    std::uint64_t sent = 0;
    while (sent < response.streamLength) {
        const std::size_t want = static_cast<std::size_t>(
            std::min<std::uint64_t>(piece.size(), response.streamLength - sent));
        const std::size_t got = response.provider(sent, piece.data(), want);
        if (got == 0)
            co_return false;  // cut short: the client sees fewer bytes than Content-Length
        message.body().data = piece.data();
        message.body().size = got;
        message.body().more = true;
        lowest.expires_after(shared.options.writeTimeout);
        co_await http::async_write(stream, serializer, noThrow(ec));
        if (ec == http::error::need_buffer)
            ec = {};
        if (ec)
            co_return false;
        sent += got;
    }
    message.body().data = nullptr;
    message.body().size = 0;
    message.body().more = false;
    co_await http::async_write(stream, serializer, noThrow(ec));
    co_return !ec;
}

enum class BodyEnd { complete, tooLarge, failed };

// What a connection does after a request.
enum class Next { carryOn, close, drainThenClose };

constexpr std::chrono::seconds kLingerTime{2};
constexpr std::uint64_t kLingerBytes = 32 * 1024 * 1024;

// After refusing a body that is still arriving: read and drop it for a moment before closing,
// so the client reads the refusal instead of a connection reset (nginx's lingering close).
asio::awaitable<void> linger(Connection& connection) {
    beast::get_lowest_layer(connection.stream).expires_after(kLingerTime);
    std::array<char, 16 * 1024> scratch{};
    std::uint64_t drained = 0;
    beast::error_code ec;
    while (!ec && drained < kLingerBytes)
        drained += co_await connection.stream.async_read_some(asio::buffer(scratch), noThrow(ec));
}

// Reads the body of `parser` piece by piece: into `into` (a buffered route) or to `channel` (a
// streaming one, waiting while the handler is behind). The limit is counted as bytes arrive,
// whatever the framing; a body that stalls or trickles below the minimum rate fails.
asio::awaitable<BodyEnd> readBody(const SessionShared& shared, TlsStream& stream,
                                  beast::flat_buffer& buffer,
                                  http::request_parser<http::buffer_body>& parser,
                                  std::size_t limit, std::string* into, BodyChannel* channel,
                                  Wakeup& wakeup) {
    const HttpServerOptions& options = shared.options;
    parser.body_limit(limit);
    auto& lowest = beast::get_lowest_layer(stream);
    const auto started = std::chrono::steady_clock::now();
    std::uint64_t total = 0;
    std::array<char, kPieceBytes> piece{};
    while (!parser.is_done()) {
        parser.get().body().data = piece.data();
        parser.get().body().size = piece.size();
        lowest.expires_after(options.bodyStallTimeout);
        beast::error_code ec;
        co_await http::async_read_some(stream, buffer, parser, noThrow(ec));
        if (ec == http::error::need_buffer)
            ec = {};
        // What arrived counts even when the connection then failed (a cut upload keeps it).
        const std::size_t got = piece.size() - parser.get().body().size;
        total += got;
        if (into != nullptr) {
            into->append(piece.data(), got);
        } else if (got > 0) {
            channel->push(std::string(piece.data(), got));
            while (!channel->wantsMore() && !channel->gone())
                co_await wakeup.wait();
            if (channel->gone())
                co_return BodyEnd::failed;  // the handler stopped reading: the rest is not wanted
        }
        if (ec == http::error::body_limit)
            co_return BodyEnd::tooLarge;
        if (ec)
            co_return BodyEnd::failed;
        const auto elapsed = std::chrono::steady_clock::now() - started;
        if (elapsed > options.bodyStallTimeout &&
            static_cast<double>(total) < static_cast<double>(options.minBodyBytesPerSecond) *
                                             std::chrono::duration<double>(elapsed).count()) {
            co_return BodyEnd::failed;
        }
    }
    co_return BodyEnd::complete;
}

std::string text(beast::string_view view) {
    return {view.data(), view.size()};
}

Request requestOf(const http::request_parser<http::empty_body>& header, const std::string& remote,
                  const std::vector<std::string>& trustedProxies) {
    const auto& message = header.get();
    Request request;
    request.method = text(message.method_string());
    const std::string rawTarget = text(message.target());
    Target target = parseTarget(rawTarget);
    request.path = std::move(target.path);
    request.query = std::move(target.query);
    for (const auto& field : message)
        request.headers.add(text(field.name_string()), text(field.value()));
    request.remoteAddress = clientAddress(remote, request.headers, trustedProxies);
    return request;
}

bool encodedBody(const Request& request) {
    const std::string_view coding = trimHeaderSpace(request.header("Content-Encoding"));
    return !coding.empty() && !equalsIgnoringCase(coding, "identity");
}

// Serves one request whose header has been read.
asio::awaitable<Next> serveRequest(const SessionShared& shared, Connection& connection,
                                   beast::flat_buffer& buffer,
                                   http::request_parser<http::empty_body>& header) {
    const Router& router = shared.router;
    auto job = std::make_shared<Job>();
    job->request = requestOf(header, connection.remote, shared.options.trustedProxies);
    job->request.mayPark = shared.options.changes != nullptr && !shared.stopping;
    const Request& request = job->request;
    const unsigned version = header.get().version();
    bool keepAlive = header.get().keep_alive();
    const bool head = request.method == "HEAD";
    const bool bodyFollows = header.chunked() || header.content_length().value_or(0) > 0;
    const RouteMatch match = router.match(request.method, request.path);
    const std::size_t limit = router.bodyLimit(match);
    auto wakeup = std::make_shared<Wakeup>(connection.stream.get_executor());
    Response response;
    bool bodyLeft = bodyFollows;  // until it has been read to its end

    if (encodedBody(request)) {
        sendError(response, 415, "unsupported_media_type",
                  "request bodies are taken as they are: send this one without Content-Encoding.");
        keepAlive = keepAlive && !bodyFollows;
    } else if (header.content_length().value_or(0) > limit) {
        sendError(response, 413, "payload_too_large",
                  "the request body is larger than " + std::to_string(limit) + " bytes.");
        keepAlive = false;  // the unread body must not be taken for a request
    } else {
        if (bodyFollows && equalsIgnoringCase(request.header("Expect"), "100-continue")) {
            http::response<http::empty_body> proceed{http::status::continue_, version};
            beast::error_code ec;
            beast::get_lowest_layer(connection.stream).expires_after(shared.options.writeTimeout);
            co_await http::async_write(connection.stream, proceed, noThrow(ec));
            if (ec)
                co_return Next::close;
        }
        http::request_parser<http::buffer_body> parser(std::move(header));
        if (router.streamsBody(match) && bodyFollows) {
            auto channel = std::make_shared<BodyChannel>(wakeup);
            job->request.bodySource = channel.get();
            if (!submit(shared, match, job, channel, wakeup)) {
                answerBusy(response);
                keepAlive = false;
            } else {
                const BodyEnd end = co_await readBody(shared, connection.stream, buffer, parser,
                                                      limit, nullptr, channel.get(), *wakeup);
                channel->finish(end == BodyEnd::complete);
                bodyLeft = end != BodyEnd::complete;
                co_await untilDone(*job, *wakeup);
                response = std::move(job->response);
                if (end == BodyEnd::tooLarge && response.status < 400) {
                    response = Response{};
                    answerTransportError(response, 413);
                }
                keepAlive = keepAlive && end == BodyEnd::complete;
            }
        } else {
            const BodyEnd end = co_await readBody(shared, connection.stream, buffer, parser, limit,
                                                  &job->request.body, nullptr, *wakeup);
            if (end == BodyEnd::failed)
                co_return Next::close;  // the client went away or is too slow: nobody to answer
            bodyLeft = end != BodyEnd::complete;
            if (end == BodyEnd::tooLarge) {
                sendError(response, 413, "payload_too_large",
                          "the request body is larger than " + std::to_string(limit) + " bytes.");
                keepAlive = false;
            } else if (!submit(shared, match, job, nullptr, wakeup)) {
                answerBusy(response);
            } else {
                co_await untilDone(*job, *wakeup);
                response = std::move(job->response);
                while (response.parking) {
                    response = co_await resumeParked(shared, match, job, wakeup,
                                                     std::move(*response.parking));
                }
            }
        }
    }
    if (equalsIgnoringCase(response.header("Connection"), "close") || shared.stopping)
        keepAlive = false;
    const int status = response.status;
    const bool written =
        co_await writeResponse(shared, connection.stream, response, head, keepAlive, version);
    logRequest(router.log(), request, status);
    if (!written)
        co_return Next::close;
    if (bodyLeft)
        co_return Next::drainThenClose;
    co_return keepAlive ? Next::carryOn : Next::close;
}

// Answers a request whose header could not be read, then the connection ends.
asio::awaitable<void> refuseHeader(const SessionShared& shared, Connection& connection,
                                   int status) {
    Response response;
    answerTransportError(response, status);
    co_await writeResponse(shared, connection.stream, response, false, false, 11);
    Request request;
    request.remoteAddress = connection.remote;
    logRequest(shared.router.log(), request, status);
}

}  // namespace

asio::awaitable<void> serveConnection(const SessionShared& shared,
                                      std::shared_ptr<Connection> connection) {
    const HttpServerOptions& options = shared.options;
    auto& lowest = beast::get_lowest_layer(connection->stream);
    beast::error_code ec;
    lowest.socket().set_option(tcp::no_delay(true), ec);
    lowest.expires_after(options.handshakeTimeout);
    co_await connection->stream.async_handshake(ssl::stream_base::server, noThrow(ec));
    if (ec)
        co_return;
    beast::flat_buffer buffer;
    auto headerDeadline = std::chrono::steady_clock::now() + options.headerTimeout;
    bool first = true;
    bool orderly = true;
    for (;;) {
        if (buffer.size() == 0) {
            // Waiting for the next request: the keep-alive deadline (the first request's wait
            // counts against its header deadline).
            connection->idle = true;
            if (shared.stopping)
                break;
            if (first)
                lowest.expires_at(headerDeadline);
            else
                lowest.expires_after(options.keepAliveTimeout);
            const std::size_t got =
                co_await connection->stream.async_read_some(buffer.prepare(1024), noThrow(ec));
            buffer.commit(got);
            connection->idle = false;
            if (ec) {
                orderly = false;
                break;
            }
            if (!first)
                headerDeadline = std::chrono::steady_clock::now() + options.headerTimeout;
        }
        first = false;
        http::request_parser<http::empty_body> header;
        header.header_limit(static_cast<std::uint32_t>(options.maxHeaderBytes));
        header.body_limit(std::numeric_limits<std::uint64_t>::max());  // the route's, later
        lowest.expires_at(headerDeadline);
        co_await http::async_read_header(connection->stream, buffer, header, noThrow(ec));
        if (ec == http::error::header_limit) {
            co_await refuseHeader(shared, *connection, 431);
            co_await linger(*connection);
            break;
        }
        if (ec) {
            if (ec.category() == http::make_error_code(http::error::bad_method).category())
                co_await refuseHeader(shared, *connection, 400);
            orderly = false;
            break;
        }
        const Next next = co_await serveRequest(shared, *connection, buffer, header);
        if (next == Next::drainThenClose)
            co_await linger(*connection);
        if (next != Next::carryOn)
            break;
        headerDeadline = std::chrono::steady_clock::now() + options.headerTimeout;
        if (buffer.size() > 0)  // a pipelined request is already here
            continue;
    }
    if (orderly) {
        lowest.expires_after(kShutdownTimeout);
        co_await connection->stream.async_shutdown(noThrow(ec));
    }
}

}  // namespace duban::server::net
