// The HTTP/1.1 server: a coroutine per connection on a multi-threaded io_context.
#include "http/server.hpp"

#include "core/aws_error.hpp"
#include "core/logging.hpp"
#include "core/time_format.hpp"
#include "http/control_routes.hpp"
#include "http/response_body.hpp"
#include "http/run_loop.hpp"
#include "protocol/query_string.hpp"
#include "service/pending.hpp"

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

namespace cloudbox::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

namespace {

// The Date header, formatted once per second per thread (a response is far more frequent).
std::string http_date_now(const core::clock& clock) {
    thread_local std::int64_t cached_second = -1;
    thread_local std::string cached;
    auto second = clock.now_seconds();
    if (second != cached_second) {
        cached = core::format_http_date(core::from_millis(second * 1000));
        cached_second = second;
    }
    return cached;
}

constexpr auto nothrow = net::as_tuple(net::use_awaitable);
constexpr std::size_t read_chunk = 256 * 1024;
constexpr std::size_t body_read_size = 64 * 1024;
constexpr auto idle_timeout = std::chrono::minutes(5);
constexpr auto body_timeout = std::chrono::seconds(60);

// AWS sends x-amz-* lower-case and the standard headers in their usual casing.
std::string wire_name(const std::string& lower) {
    if (lower.starts_with("x-amz") || lower.starts_with("x-amzn")) {
        return lower;
    }
    if (lower == "etag") {
        return "ETag";
    }
    std::string out = lower;
    bool start = true;
    for (char& c : out) {
        if (start && c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        start = c == '-';
    }
    return out;
}

// Builds the canonical request from the parsed head. Throws aws_error for an undecodable query.
void fill_request(const bhttp::request_parser<bhttp::buffer_body>::value_type& head,
                  service::request& req) {
    req.method = std::string(head.method_string());
    req.target = std::string(head.target());
    auto q = req.target.find('?');
    req.raw_path = req.target.substr(0, q);
    req.raw_query = q == std::string::npos ? std::string() : req.target.substr(q + 1);
    for (const auto& field : head) {
        req.headers.add(field.name_string(), std::string(field.value()));
    }
    req.host = std::string(req.headers.get("host").value_or(""));
    auto params = protocol::parse_query(req.raw_query);
    if (!params) {
        throw core::aws_error("InvalidArgument", "Invalid query string: bad percent-encoding.",
                              400);
    }
    req.query = std::move(*params);
}

struct buffered_sink final : service::body_sink {
    std::string& target;
    std::uint64_t limit;
    buffered_sink(std::string& t, std::uint64_t l) : target(t), limit(l) {}
    void write(const char* data, std::size_t size) override {
        if (target.size() + size > limit) {
            throw core::aws_error("EntityTooLarge",
                                  "Your proposed upload exceeds the maximum allowed size", 413);
        }
        target.append(data, size);
    }
    void finish() override {}
};

} // namespace

struct server::impl {
    const core::config& config;
    service::dispatcher& dispatcher;
    control_routes& control;
    const core::clock& clock;
    // One io_context per thread, each run by exactly one thread: a connection lives on one
    // context, so its handlers never hop threads (a shared multi-threaded context spent a quarter
    // of the CPU on futex wake-ups and context switches). ioc also runs the acceptor.
    net::io_context ioc{1};
    std::vector<std::unique_ptr<net::io_context>> workers;
    std::size_t next_context = 0; // round-robin, used by the accept loop only
    tcp::acceptor acceptor{ioc};
    std::atomic<int> in_flight{0};
    std::atomic<bool> stopping{false};

    impl(const core::config& c, service::dispatcher& d, control_routes& r, const core::clock& k)
        : config(c), dispatcher(d), control(r), clock(k) {}

    net::awaitable<void> accept_loop();
    net::awaitable<void> session(tcp::socket socket);
    net::awaitable<std::optional<service::response>>
    await_pending(beast::tcp_stream& stream, std::shared_ptr<service::pending_response> p);
    net::awaitable<bool> write_response(beast::tcp_stream& stream, service::response&& res,
                                        unsigned version, bool keep_alive, bool head);
    void log_request(const service::request& req, int status,
                     std::chrono::steady_clock::time_point start) const;
    void begin_stop();
};

server::server(const core::config& config, service::dispatcher& dispatcher, control_routes& control,
               const core::clock& clock)
    : impl_(std::make_unique<impl>(config, dispatcher, control, clock)) {}

server::~server() = default;

std::uint16_t server::listen() {
    auto address = net::ip::make_address(impl_->config.host);
    tcp::endpoint endpoint(address, impl_->config.port);
    auto& acc = impl_->acceptor;
    acc.open(endpoint.protocol());
    acc.set_option(net::socket_base::reuse_address(true));
    acc.bind(endpoint);
    acc.listen(net::socket_base::max_listen_connections);
    return acc.local_endpoint().port();
}

void server::run(unsigned threads, bool handle_signals) {
    if (threads == 0) {
        threads = std::max(2U, std::thread::hardware_concurrency());
    }
    for (unsigned i = 1; i < threads; ++i) {
        impl_->workers.push_back(std::make_unique<net::io_context>(1));
    }
    net::co_spawn(impl_->ioc, impl_->accept_loop(), net::detached);
    net::signal_set signals(impl_->ioc);
    if (handle_signals) {
        signals.add(SIGINT);
        signals.add(SIGTERM);
        signals.async_wait([this](const beast::error_code& ec, int) {
            if (!ec) {
                core::log_info("shutting down: finishing in-flight requests");
                impl_->begin_stop();
            }
        });
    }
    // At most one thread in two polls while idle, so that polling never takes every core.
    std::chrono::microseconds spin(impl_->config.busy_poll_us);
    int max_spinners = static_cast<int>(std::max(1U, threads / 2));
    std::atomic<int> spinners{0};
    std::vector<std::thread> pool;
    for (auto& worker : impl_->workers) {
        pool.emplace_back([ctx = worker.get(), spin, &spinners, max_spinners] {
            auto guard = net::make_work_guard(*ctx); // idle until stopped
            run_polling(*ctx, spin, spinners, max_spinners);
        });
    }
    run_polling(impl_->ioc, spin, spinners, max_spinners);
    for (auto& worker : impl_->workers) {
        worker->stop();
    }
    for (auto& t : pool) {
        t.join();
    }
}

void server::stop() {
    net::post(impl_->ioc, [this] { impl_->begin_stop(); });
}

void server::impl::begin_stop() {
    if (stopping.exchange(true)) {
        return;
    }
    beast::error_code ec;
    acceptor.close(ec);
    // Wait for in-flight requests, then stop (idle keep-alive connections are dropped).
    auto timer = std::make_shared<net::steady_timer>(ioc);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    auto poll = std::make_shared<std::function<void()>>();
    *poll = [this, timer, deadline, poll] {
        if (in_flight.load() == 0 || std::chrono::steady_clock::now() > deadline) {
            ioc.stop();
            *poll = nullptr; // break the self-reference
            return;
        }
        timer->expires_after(std::chrono::milliseconds(5));
        timer->async_wait([poll](const beast::error_code&) {
            if (*poll) {
                (*poll)();
            }
        });
    };
    (*poll)();
}

net::awaitable<void> server::impl::accept_loop() {
    while (!stopping) {
        // Spread connections over the contexts round-robin (the acceptor's own included).
        std::size_t index = next_context++ % (workers.size() + 1);
        net::io_context& target = index == 0 ? ioc : *workers[index - 1];
        auto [ec, socket] = co_await acceptor.async_accept(target, nothrow);
        if (ec) {
            if (stopping || ec == net::error::operation_aborted) {
                break;
            }
            core::log_warn("accept failed: " + ec.message());
            continue;
        }
        socket.set_option(tcp::no_delay(true), ec);
        auto executor = socket.get_executor();
        net::co_spawn(executor, session(std::move(socket)), net::detached);
    }
}

void server::impl::log_request(const service::request& req, int status,
                               std::chrono::steady_clock::time_point start) const {
    if (core::current_log_level() > core::log_level::info) {
        return;
    }
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    char line[512];
    std::snprintf(line, sizeof line, "%s %s %d %.3fms %s", req.ctx.service.c_str(),
                  req.ctx.operation.empty() ? req.method.c_str() : req.ctx.operation.c_str(),
                  status, static_cast<double>(us) / 1000.0, req.ctx.request_id.c_str());
    core::log_info(line);
}

// Waits for a deferred response without holding the thread: a timer sleeps until the deadline
// (or the service's recheck time, or a stop check), the service's wake() posts a cancel of that
// timer to this session's executor, and a readable socket while waiting means the client closed
// the connection (clients do not pipeline behind a long poll), which cancels the wait.
net::awaitable<std::optional<service::response>>
server::impl::await_pending(beast::tcp_stream& stream,
                            std::shared_ptr<service::pending_response> p) {
    using namespace net::experimental::awaitable_operators;
    auto executor = stream.get_executor();
    auto timer = std::make_shared<net::steady_timer>(executor);
    std::weak_ptr<net::steady_timer> weak_timer = timer;
    p->set_waker([executor, weak_timer] {
        net::post(executor, [weak_timer] {
            if (auto t = weak_timer.lock()) {
                t->cancel();
            }
        });
    });
    bool watch_socket = true;
    std::optional<service::response> result;
    for (;;) {
        bool at_deadline = stopping || std::chrono::steady_clock::now() >= p->deadline();
        if ((result = p->try_complete(at_deadline))) {
            break;
        }
        if (p->cancelled()) {
            break;
        }
        if (p->signalled()) {
            continue; // woken while attempting: try again at once
        }
        auto until = std::min(p->deadline(), p->recheck_at());
        // Re-check stopping now and then so that a shutdown does not wait for every long poll.
        until = std::min(until, std::chrono::steady_clock::now() + std::chrono::seconds(1));
        timer->expires_at(until);
        if (!watch_socket) {
            co_await timer->async_wait(nothrow);
            continue;
        }
        auto which = co_await (timer->async_wait(nothrow) ||
                               stream.socket().async_wait(tcp::socket::wait_read, nothrow));
        if (which.index() == 1) {
            char probe = 0;
            beast::error_code ec;
            auto n = stream.socket().receive(net::buffer(&probe, 1), tcp::socket::message_peek, ec);
            if (ec || n == 0) {
                p->cancel(); // the client closed the connection
                break;
            }
            watch_socket = false; // pipelined bytes: answer first, then read them
        }
    }
    p->set_waker(nullptr);
    co_return result; // nullopt: the client is gone
}

net::awaitable<bool> server::impl::write_response(beast::tcp_stream& stream,
                                                  service::response&& res, unsigned version,
                                                  bool keep_alive, bool head) {
    bhttp::response<response_body> msg{static_cast<bhttp::status>(res.status), version};
    for (const auto& [name, value] : res.headers.entries()) {
        msg.insert(wire_name(name), value);
    }
    if (!msg.has_content_length() && res.status != 204 && res.status != 304 && res.status >= 200) {
        msg.content_length(res.omit_body ? res.declared_length : res.body_size());
    }
    if (!msg.count(bhttp::field::server)) {
        msg.set(bhttp::field::server, "cloudbox");
    }
    if (!msg.count(bhttp::field::date)) {
        msg.set(bhttp::field::date, http_date_now(clock));
    }
    if (!res.omit_body && !head && res.status != 204 && res.status != 304) {
        msg.body().text = std::move(res.body);
        msg.body().segments = std::move(res.segments);
    }
    msg.keep_alive(keep_alive);
    stream.expires_after(body_timeout);
    bhttp::response_serializer<response_body> serializer(msg);
    if (head || res.omit_body) {
        serializer.split(true);
        auto [ec, n] = co_await bhttp::async_write_header(stream, serializer, nothrow);
        co_return !ec;
    }
    auto [ec, n] = co_await bhttp::async_write(stream, serializer, nothrow);
    co_return !ec;
}

net::awaitable<void> server::impl::session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    std::unique_ptr<char[]> chunk;
    std::string remote;
    {
        beast::error_code ec;
        auto ep = stream.socket().remote_endpoint(ec);
        if (!ec) {
            remote = ep.address().to_string();
        }
    }
    for (;;) {
        bhttp::request_parser<bhttp::buffer_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(config.max_header_bytes));
        parser.body_limit(boost::none);
        stream.expires_after(idle_timeout);
        auto [rec, rn] = co_await bhttp::async_read_header(stream, buffer, parser, nothrow);
        if (rec) {
            if (rec == bhttp::error::header_limit) {
                service::request bad;
                bad.ctx.service = "s3";
                dispatcher.route(bad);
                auto res = dispatcher.render_error(
                    nullptr,
                    core::aws_error("RequestHeaderSectionTooLarge",
                                    "Your request header section exceeds the maximum allowed "
                                    "size.",
                                    400),
                    bad);
                co_await write_response(stream, std::move(res), 11, false, false);
            } else if (rec != bhttp::error::end_of_stream && rec != net::error::eof &&
                       rec != beast::error::timeout && rec != net::error::operation_aborted &&
                       rec != net::error::connection_reset) {
                service::request bad;
                dispatcher.route(bad);
                auto res = dispatcher.render_error(
                    nullptr, core::aws_error("BadRequest", "Malformed HTTP request.", 400), bad);
                co_await write_response(stream, std::move(res), 11, false, false);
            }
            break;
        }
        in_flight.fetch_add(1);
        auto start = std::chrono::steady_clock::now();
        const auto& head = parser.get();
        unsigned version = head.version();
        bool keep_alive = head.keep_alive() && !stopping;
        bool is_head = head.method() == bhttp::verb::head;

        service::request req;
        req.remote_address = remote;
        service::aws_service* svc = nullptr;
        bool is_control = false;
        std::optional<service::response> early; // an answer given before the body was read
        std::optional<service::body_plan> plan;
        try {
            fill_request(head, req);
            is_control = control_routes::matches(req.raw_path);
            if (is_control) {
                req.ctx.service = "cloudbox";
                plan.emplace();
                plan->max_buffered = 1 << 20;
            } else {
                svc = dispatcher.route(req);
                if (svc == nullptr) {
                    early = dispatcher.unknown_service(req);
                } else {
                    plan = dispatcher.prepare(*svc, req);
                }
            }
        } catch (const core::aws_error& e) {
            if (req.ctx.request_id.empty()) {
                dispatcher.route(req);
            }
            early = dispatcher.render_error(svc, e, req);
        }

        bool body_ok = true;
        if (early && !parser.is_done()) {
            keep_alive = false; // the body is left unread: this connection cannot be reused
        }
        if (!early) {
            if (!parser.is_done() && beast::iequals(head[bhttp::field::expect], "100-continue")) {
                bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, version};
                auto [cec, cn] = co_await bhttp::async_write(stream, cont, nothrow);
                if (cec) {
                    in_flight.fetch_sub(1);
                    break;
                }
            }
            buffered_sink buffered(req.body, plan->max_buffered);
            service::body_sink& sink = plan->sink ? *plan->sink : buffered;
            try {
                while (!parser.is_done()) {
                    if (!chunk) {
                        chunk = std::make_unique<char[]>(read_chunk);
                        // Beast sizes each socket read by the buffer's free space, which a
                        // header alone leaves at ~512 bytes: give body reads room.
                        buffer.reserve(body_read_size);
                    }
                    parser.get().body().data = chunk.get();
                    parser.get().body().size = read_chunk;
                    stream.expires_after(body_timeout);
                    auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, nothrow);
                    if (bec == bhttp::error::need_buffer) {
                        bec = {};
                    }
                    std::size_t got = read_chunk - parser.get().body().size;
                    if (got > 0) {
                        sink.write(chunk.get(), got);
                    }
                    if (bec == beast::error::timeout) {
                        throw core::aws_error("RequestTimeout",
                                              "Your socket connection to the server was not read "
                                              "from or written to within the timeout period. Idle "
                                              "connections will be closed.",
                                              400);
                    }
                    if (bec) {
                        body_ok = false; // truncated body or broken connection: nothing stored
                        break;
                    }
                }
                if (body_ok) {
                    sink.finish(); // also for an empty body: the sink computes its digests
                }
            } catch (const core::aws_error& e) {
                early = dispatcher.render_error(svc, e, req);
                keep_alive = keep_alive && parser.is_done();
            }
            if (plan->sink && body_ok && !early) {
                req.sink = std::move(plan->sink);
            }
        }
        if (!body_ok) {
            in_flight.fetch_sub(1);
            break;
        }
        service::response res = early        ? std::move(*early)
                                : is_control ? control.handle(req)
                                             : dispatcher.invoke(*svc, req);
        if (res.pending) {
            auto completed = co_await await_pending(stream, std::move(res.pending));
            if (!completed) {
                in_flight.fetch_sub(1);
                break;
            }
            res = std::move(*completed);
        }
        if (!is_control) {
            dispatcher.after_request();
        }
        int status = res.status;
        bool ok = co_await write_response(stream, std::move(res), version, keep_alive, is_head);
        log_request(req, status, start);
        in_flight.fetch_sub(1);
        if (!ok || !keep_alive || stopping) {
            break;
        }
    }
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

} // namespace cloudbox::http
