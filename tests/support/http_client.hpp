// A small blocking HTTP/1.1 client for service tests (keep-alive, raw requests allowed).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cloudbox::test {

struct http_response {
    int status = 0;
    std::map<std::string, std::string> headers; // names lower-cased
    std::string body;
    std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
    bool has_header(const std::string& name) const { return headers.count(name) > 0; }
};

class http_client {
  public:
    explicit http_client(std::uint16_t port);
    ~http_client();

    // Sends one request on the kept-alive connection (reconnecting when the server closed it).
    // Adds Host, Content-Length and a SigV4-shaped Authorization for service `signing_service`
    // unless the caller set them.
    http_response request(const std::string& method, const std::string& target,
                          const std::string& body = {},
                          std::vector<std::pair<std::string, std::string>> headers = {});

    // Writes raw bytes and reads one response (for malformed-input tests). The connection is
    // closed afterwards.
    http_response raw(const std::string& bytes, bool half_close = false);

    std::string signing_service = "s3";
    std::string region = "us-east-1";

  private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace cloudbox::test
