// Helpers for service tests: a raw TCP connection for wire-level cases, digests, fixtures, XML.
#pragma once

#include "core/encoding.hpp"
#include "core/hash.hpp"
#include "protocol/xml.hpp"
#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cloudbox::test {

#ifdef CLOUDBOX_FIXTURES_DIR
inline std::filesystem::path fixtures_dir() {
    return CLOUDBOX_FIXTURES_DIR;
}
#endif

inline std::string read_binary_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Deterministic pseudo-random bytes (every byte value occurs, so nothing is text-only).
inline std::string random_bytes(std::size_t size, std::uint32_t seed = 1) {
    std::mt19937 gen(seed);
    std::string out(size, '\0');
    for (auto& c : out) {
        c = static_cast<char>(gen() & 0xFF);
    }
    return out;
}

inline std::string md5_hex(std::string_view data) {
    return core::to_hex(core::digest(core::digest_kind::md5, data));
}
inline std::string md5_b64(std::string_view data) {
    return core::base64_encode(core::digest(core::digest_kind::md5, data));
}
inline std::string sha256_hex(std::string_view data) {
    return core::to_hex(core::digest(core::digest_kind::sha256, data));
}
inline std::string checksum_b64(core::digest_kind kind, std::string_view data) {
    return core::base64_encode(core::digest(kind, data));
}

// The path-style target of an S3 key, percent-encoded as SDKs do ('/' kept).
inline std::string object_path(const std::string& bucket, const std::string& key) {
    return "/" + bucket + "/" + core::url_encode(key, false);
}

// Text of the first element named `name` anywhere under the document root ("" when absent).
inline std::string xml_find(const protocol::xml_node& node, std::string_view name) {
    if (node.name == name) {
        return node.text;
    }
    for (const auto& c : node.children) {
        if (auto t = xml_find(c, name); !t.empty()) {
            return t;
        }
    }
    return {};
}
inline std::string xml_find(const std::string& document, std::string_view name) {
    auto doc = protocol::parse_xml(document);
    return doc ? xml_find(*doc, name) : std::string();
}
// The root element name of an XML document ("" when it does not parse).
inline std::string xml_root(const std::string& document) {
    auto doc = protocol::parse_xml(document);
    return doc ? doc->name : std::string();
}

// Counts the regular files under dir (recursively); 0 when dir does not exist.
inline std::size_t count_files(const std::filesystem::path& dir) {
    std::size_t n = 0;
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) {
        return 0;
    }
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        n += e.is_regular_file() ? 1 : 0;
    }
    return n;
}

// One blocking TCP connection to 127.0.0.1 for tests that must control the bytes on the wire
// (keep-alive, 100-continue, truncated bodies, garbage).
class raw_connection {
  public:
    explicit raw_connection(std::uint16_t port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd_ < 0) {
            throw std::runtime_error("socket failed");
        }
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(fd_);
            throw std::runtime_error("connect failed");
        }
        int one = 1;
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    ~raw_connection() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    raw_connection(const raw_connection&) = delete;
    raw_connection& operator=(const raw_connection&) = delete;

    // Sends everything; false when the peer closed the connection meanwhile.
    bool send(std::string_view bytes) {
        while (!bytes.empty()) {
            auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n <= 0) {
                return false;
            }
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }
    void shutdown_write() { ::shutdown(fd_, SHUT_WR); }

    // Reads until `delimiter` has arrived (kept in the buffer); false on EOF or timeout.
    bool read_until(std::string_view delimiter, std::chrono::milliseconds timeout) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (buffer_.find(delimiter) == std::string::npos) {
            if (!fill(deadline)) {
                return false;
            }
        }
        return true;
    }

    // Reads one response (status line, headers, Content-Length body; no body for HEAD, 1xx, 204,
    // 304). nullopt when the connection closed (or timed out) before a whole response arrived.
    std::optional<http_response>
    read_response(bool head = false, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (buffer_.find("\r\n\r\n") == std::string::npos) {
            if (!fill(deadline)) {
                return std::nullopt;
            }
        }
        auto end = buffer_.find("\r\n\r\n");
        std::string head_text = buffer_.substr(0, end);
        buffer_.erase(0, end + 4);
        http_response out;
        auto eol = head_text.find("\r\n");
        std::string status_line = head_text.substr(0, eol);
        auto sp = status_line.find(' ');
        if (sp == std::string::npos) {
            throw std::runtime_error("bad status line: " + status_line);
        }
        out.status = std::stoi(status_line.substr(sp + 1, 3));
        std::string_view rest = eol == std::string::npos
                                    ? std::string_view{}
                                    : std::string_view(head_text).substr(eol + 2);
        while (!rest.empty()) {
            auto line_end = rest.find("\r\n");
            std::string_view line = rest.substr(0, line_end);
            rest =
                line_end == std::string_view::npos ? std::string_view{} : rest.substr(line_end + 2);
            auto colon = line.find(':');
            if (colon == std::string_view::npos) {
                continue;
            }
            std::string name = core::to_lower(line.substr(0, colon));
            std::string_view value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') {
                value.remove_prefix(1);
            }
            out.headers[name] = std::string(value);
        }
        bool no_body = head || out.status < 200 || out.status == 204 || out.status == 304;
        if (!no_body && out.has_header("content-length")) {
            auto length = static_cast<std::size_t>(std::stoull(out.header("content-length")));
            while (buffer_.size() < length) {
                if (!fill(deadline)) {
                    return std::nullopt;
                }
            }
            out.body = buffer_.substr(0, length);
            buffer_.erase(0, length);
        }
        return out;
    }

    // True when the peer closes the connection (EOF or reset) within the timeout, after
    // discarding anything it still sends.
    bool wait_closed(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            switch (receive(deadline)) {
            case received::closed:
                return true;
            case received::timeout:
                return false;
            case received::data:
                break;
            }
        }
    }

    const std::string& buffered() const { return buffer_; }

  private:
    enum class received { data, closed, timeout };

    // Appends what the peer sends next to the buffer, waiting until the deadline at most.
    received receive(std::chrono::steady_clock::time_point deadline) {
        int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        deadline - std::chrono::steady_clock::now())
                                        .count());
        if (left <= 0) {
            return received::timeout;
        }
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, left) <= 0) {
            return received::timeout;
        }
        char tmp[16384];
        auto n = ::recv(fd_, tmp, sizeof tmp, 0);
        if (n <= 0) {
            return received::closed;
        }
        buffer_.append(tmp, static_cast<std::size_t>(n));
        return received::data;
    }

    bool fill(std::chrono::steady_clock::time_point deadline) {
        return receive(deadline) == received::data;
    }

    int fd_ = -1;
    std::string buffer_;
};

// A request head as a client writes it (Host and a SigV4-shaped Authorization included).
inline std::string request_head(const std::string& method, const std::string& target,
                                std::uint16_t port, const std::string& extra_headers = {}) {
    return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
           "\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/"
           "aws4_request, SignedHeaders=host, Signature=0000\r\n" +
           extra_headers + "\r\n";
}

} // namespace cloudbox::test
