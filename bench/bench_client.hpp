// The benchmark's S3 client: SigV4 signing and one blocking keep-alive HTTP/1.1 connection.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cloudbox::bench {

// AWS Signature Version 4 for the Authorization header. The signing key depends only on the
// date, so it is derived once per day; each request then costs one SHA-256 and one HMAC.
class sigv4_signer {
  public:
    sigv4_signer(std::string access_key, std::string secret_key, std::string region,
                 std::string service);

    // headers: lower-case names, sorted by name, values trimmed; host must be among them.
    std::string authorization(std::string_view method, std::string_view canonical_uri,
                              std::string_view canonical_query,
                              const std::vector<std::pair<std::string, std::string>>& headers,
                              std::string_view payload_hash, std::string_view amz_date);

  private:
    std::string access_key_;
    std::string secret_key_;
    std::string region_;
    std::string service_;
    std::string key_date_; // yyyymmdd the cached key was derived for
    std::string signing_key_;
};

// x-amz-date for "now" (20260101T000000Z), recomputed once per second.
class amz_clock {
  public:
    const std::string& now();

  private:
    std::time_t second_ = 0;
    std::string text_;
};

// A request body: either bytes in memory, or `repeat` bytes produced by cycling `pattern`
// (a large streamed upload that never exists whole in memory).
struct request_body {
    std::string_view bytes;
    std::uint64_t repeat = 0;
    std::string_view pattern;
    std::string_view content_type = "application/octet-stream"; // SES/SQS bodies: forms, JSON
    bool keep_response = false; // keep the response body in response_info::text
    std::uint64_t size() const { return repeat > 0 ? repeat : bytes.size(); }
};

struct response_info {
    int status = 0;         // 0: transport error (see error)
    std::uint64_t body = 0; // bytes received, discarded
    std::string error;      // transport error text, or the start of an error body
    std::string text;       // the body, when request_body::keep_response
};

// One keep-alive connection to host:port. Not thread-safe: one per worker thread. A transport
// error closes the socket; the next request reconnects.
class s3_connection {
  public:
    s3_connection(std::string host, std::uint16_t port, sigv4_signer signer);

    // path: already URI-encoded, with at most one query parameter. Reads and discards the
    // response body (unless body.keep_response).
    // extra_headers are sent unsigned (DynamoDB's X-Amz-Target, Content-Type).
    response_info
    request(std::string_view method, std::string_view path, const request_body& body = {},
            const std::vector<std::pair<std::string, std::string>>& extra_headers = {});

  private:
    bool ensure_connected(std::string& error);
    void close();

    std::string host_;
    std::uint16_t port_;
    std::string host_header_;
    sigv4_signer signer_;
    amz_clock clock_;
    boost::asio::io_context ioc_;
    boost::asio::ip::tcp::socket socket_;
    boost::beast::flat_buffer buffer_;
    std::vector<char> scratch_;
    std::string head_;
};

// Only loopback targets are allowed: 127.0.0.0/8, ::1 or localhost.
bool is_loopback(std::string_view host);

} // namespace cloudbox::bench
