// The benchmark's S3 client: SigV4 signing and one blocking keep-alive HTTP/1.1 connection.
#include "bench_client.hpp"

#include "core/encoding.hpp"
#include "core/hash.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>

namespace cloudbox::bench {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

namespace {

constexpr std::size_t scratch_size = 256 * 1024;
constexpr std::size_t error_snippet = 300;
constexpr std::size_t read_reserve = 64 * 1024;

std::string sha256_hex(std::string_view data) {
    return core::to_hex(core::digest(core::digest_kind::sha256, data));
}

} // namespace

sigv4_signer::sigv4_signer(std::string access_key, std::string secret_key, std::string region,
                           std::string service)
    : access_key_(std::move(access_key)), secret_key_(std::move(secret_key)),
      region_(std::move(region)), service_(std::move(service)) {}

std::string
sigv4_signer::authorization(std::string_view method, std::string_view canonical_uri,
                            std::string_view canonical_query,
                            const std::vector<std::pair<std::string, std::string>>& headers,
                            std::string_view payload_hash, std::string_view amz_date) {
    std::string_view date = amz_date.substr(0, 8);
    if (date != key_date_) {
        std::string k = core::hmac_sha256("AWS4" + secret_key_, date);
        k = core::hmac_sha256(k, region_);
        k = core::hmac_sha256(k, service_);
        signing_key_ = core::hmac_sha256(k, "aws4_request");
        key_date_ = std::string(date);
    }
    std::string canonical;
    canonical.reserve(256);
    canonical.append(method).push_back('\n');
    canonical.append(canonical_uri).push_back('\n');
    canonical.append(canonical_query).push_back('\n');
    std::string signed_headers;
    for (const auto& [name, value] : headers) {
        canonical.append(name).append(":").append(value).push_back('\n');
        if (!signed_headers.empty()) {
            signed_headers.push_back(';');
        }
        signed_headers.append(name);
    }
    canonical.push_back('\n');
    canonical.append(signed_headers).push_back('\n');
    canonical.append(payload_hash);

    std::string scope = key_date_ + "/" + region_ + "/" + service_ + "/aws4_request";
    std::string to_sign = "AWS4-HMAC-SHA256\n";
    to_sign.append(amz_date).push_back('\n');
    to_sign.append(scope).push_back('\n');
    to_sign.append(sha256_hex(canonical));
    std::string signature = core::to_hex(core::hmac_sha256(signing_key_, to_sign));
    return "AWS4-HMAC-SHA256 Credential=" + access_key_ + "/" + scope +
           ", SignedHeaders=" + signed_headers + ", Signature=" + signature;
}

const std::string& amz_clock::now() {
    std::time_t t = std::time(nullptr);
    if (t != second_ || text_.empty()) {
        std::tm tm{};
        gmtime_r(&t, &tm);
        std::array<char, 32> buf{};
        std::size_t n = std::strftime(buf.data(), buf.size(), "%Y%m%dT%H%M%SZ", &tm);
        text_.assign(buf.data(), n);
        second_ = t;
    }
    return text_;
}

s3_connection::s3_connection(std::string host, std::uint16_t port, sigv4_signer signer)
    : host_(std::move(host)), port_(port), signer_(std::move(signer)), socket_(ioc_),
      scratch_(scratch_size) {
    host_header_ = host_ + ":" + std::to_string(port_);
    // Beast sizes each socket read by the buffer's free capacity (at least 512 bytes, at most
    // 64 KiB): without this reserve a streamed body arrives 512 bytes per recv and the client,
    // not the server, sets the pace.
    buffer_.reserve(read_reserve);
}

void s3_connection::close() {
    boost::system::error_code ec;
    socket_.close(ec);
    buffer_.clear();
}

bool s3_connection::ensure_connected(std::string& error) {
    if (socket_.is_open()) {
        return true;
    }
    boost::system::error_code ec;
    auto address = net::ip::make_address(host_ == "localhost" ? "127.0.0.1" : host_, ec);
    if (!ec) {
        socket_.connect(tcp::endpoint(address, port_), ec);
    }
    if (!ec) {
        socket_.set_option(tcp::no_delay(true), ec);
    }
    if (ec) {
        error = "connect: " + ec.message();
        close();
        return false;
    }
    buffer_.clear();
    return true;
}

response_info
s3_connection::request(std::string_view method, std::string_view path, const request_body& body,
                       const std::vector<std::pair<std::string, std::string>>& extra_headers) {
    response_info out;
    if (!ensure_connected(out.error)) {
        return out;
    }
    const std::string& amz_date = clock_.now();
    constexpr std::string_view payload_hash = "UNSIGNED-PAYLOAD";
    std::vector<std::pair<std::string, std::string>> signed_headers{
        {"host", host_header_},
        {"x-amz-content-sha256", std::string(payload_hash)},
        {"x-amz-date", amz_date}};
    // A path may carry one query parameter ("/bucket?notification"): signed as its canonical
    // form ("notification=").
    auto question = path.find('?');
    std::string query;
    if (question != std::string_view::npos) {
        query = std::string(path.substr(question + 1));
        if (query.find('=') == std::string::npos) {
            query += '=';
        }
    }
    std::string auth = signer_.authorization(method, path.substr(0, question), query,
                                             signed_headers, payload_hash, amz_date);
    bool has_body = method == "PUT" || method == "POST";
    head_.clear();
    head_.append(method).append(" ").append(path).append(" HTTP/1.1\r\n");
    head_.append("Host: ").append(host_header_).append("\r\n");
    head_.append("User-Agent: cloudbox-s3-bench/1.0\r\n");
    bool typed = false;
    for (const auto& [name, value] : extra_headers) {
        head_.append(name).append(": ").append(value).append("\r\n");
        typed = typed || name == "Content-Type" || name == "content-type";
    }
    if (has_body && !typed) {
        head_.append("Content-Type: ").append(body.content_type).append("\r\n");
    }
    if (has_body) {
        head_.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
    }
    head_.append("x-amz-content-sha256: ").append(payload_hash).append("\r\n");
    head_.append("x-amz-date: ").append(amz_date).append("\r\n");
    head_.append("Authorization: ").append(auth).append("\r\n\r\n");

    boost::system::error_code ec;
    if (body.repeat == 0) {
        std::array<net::const_buffer, 2> bufs{net::buffer(head_),
                                              net::buffer(body.bytes.data(), body.bytes.size())};
        net::write(socket_, bufs, ec);
    } else {
        net::write(socket_, net::buffer(head_), ec);
        std::uint64_t left = body.repeat;
        while (!ec && left > 0) {
            std::size_t n =
                static_cast<std::size_t>(std::min<std::uint64_t>(left, body.pattern.size()));
            net::write(socket_, net::buffer(body.pattern.data(), n), ec);
            left -= n;
        }
    }
    if (ec) {
        out.error = "write: " + ec.message();
        close();
        return out;
    }

    bhttp::response_parser<bhttp::buffer_body> parser;
    parser.body_limit(boost::none);
    if (method == "HEAD") {
        parser.skip(true);
    }
    bhttp::read_header(socket_, buffer_, parser, ec);
    std::string snippet;
    while (!ec && !parser.is_done()) {
        parser.get().body().data = scratch_.data();
        parser.get().body().size = scratch_.size();
        bhttp::read(socket_, buffer_, parser, ec);
        if (ec == bhttp::error::need_buffer) {
            ec = {};
        }
        std::size_t got = scratch_.size() - parser.get().body().size;
        out.body += got;
        if (body.keep_response) {
            out.text.append(scratch_.data(), got);
        }
        if (parser.get().result_int() >= 300 && snippet.size() < error_snippet) {
            snippet.append(scratch_.data(), std::min(got, error_snippet - snippet.size()));
        }
    }
    if (ec) {
        out.error = "read: " + ec.message();
        close();
        return out;
    }
    out.status = static_cast<int>(parser.get().result_int());
    if (out.status >= 300) {
        out.error = snippet;
    }
    if (!parser.get().keep_alive()) {
        close();
    }
    return out;
}

bool is_loopback(std::string_view host) {
    if (host == "localhost") {
        return true;
    }
    boost::system::error_code ec;
    auto address = net::ip::make_address(std::string(host), ec);
    return !ec && address.is_loopback();
}

} // namespace cloudbox::bench
