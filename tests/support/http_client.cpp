// A small blocking HTTP/1.1 client for service tests, on Beast.
#include "support/http_client.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <optional>

namespace cloudbox::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

struct http_client::impl {
    net::io_context ioc;
    std::uint16_t port;
    std::optional<beast::tcp_stream> stream;
    beast::flat_buffer buffer;

    explicit impl(std::uint16_t p) : port(p) {}

    void connect() {
        stream.emplace(ioc);
        stream->connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
        buffer.clear();
    }

    http_response read_response(bool head) {
        bhttp::response_parser<bhttp::string_body> parser;
        parser.body_limit(boost::none);
        parser.skip(head);
        bhttp::read(*stream, buffer, parser);
        http_response out;
        auto& msg = parser.get();
        out.status = static_cast<int>(msg.result_int());
        for (const auto& f : msg) {
            std::string name(f.name_string());
            for (char& c : name) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            auto [it, inserted] = out.headers.emplace(name, std::string(f.value()));
            if (!inserted) {
                it->second += "," + std::string(f.value());
            }
        }
        out.body = std::move(msg.body());
        if (!msg.keep_alive()) {
            stream.reset();
        }
        return out;
    }
};

http_client::http_client(std::uint16_t port) : impl_(std::make_unique<impl>(port)) {}
http_client::~http_client() = default;

http_response http_client::request(const std::string& method, const std::string& target,
                                   const std::string& body,
                                   std::vector<std::pair<std::string, std::string>> headers) {
    bhttp::request<bhttp::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(11);
    bool has_host = false;
    bool has_auth = false;
    for (auto& [name, value] : headers) {
        has_host = has_host || beast::iequals(name, "host");
        has_auth = has_auth || beast::iequals(name, "authorization");
        req.insert(name, value);
    }
    if (!has_host) {
        req.set(bhttp::field::host, "127.0.0.1:" + std::to_string(impl_->port));
    }
    if (!has_auth && !signing_service.empty()) {
        req.set(bhttp::field::authorization,
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/" + region + "/" +
                    signing_service +
                    "/aws4_request, SignedHeaders=host, Signature=0000000000000000");
    }
    req.body() = body;
    if (!req.has_content_length() && req.find(bhttp::field::transfer_encoding) == req.end()) {
        req.content_length(body.size());
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!impl_->stream) {
            impl_->connect();
        }
        beast::error_code ec;
        bhttp::write(*impl_->stream, req, ec);
        if (!ec) {
            try {
                return impl_->read_response(method == "HEAD");
            } catch (const beast::system_error&) {
                if (attempt == 1) {
                    throw;
                }
            }
        }
        impl_->stream.reset(); // the server closed a kept-alive connection: retry once
    }
    throw std::runtime_error("request failed");
}

http_response http_client::raw(const std::string& bytes, bool half_close) {
    impl_->connect();
    net::write(impl_->stream->socket(), net::buffer(bytes));
    if (half_close) {
        impl_->stream->socket().shutdown(tcp::socket::shutdown_send);
    }
    http_response out = impl_->read_response(false);
    impl_->stream.reset();
    return out;
}

} // namespace cloudbox::test
