// Loads the real client request captures under fixtures/wire for unit tests that replay them.
#pragma once

#include "protocol/query_string.hpp"
#include "service/request.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef CLOUDBOX_WIRE_DIR
#error "CLOUDBOX_WIRE_DIR must name the fixtures/wire directory"
#endif

namespace cloudbox::test {

inline std::filesystem::path wire_dir() {
    return CLOUDBOX_WIRE_DIR;
}

inline std::string read_whole_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One captured request: "METHOD target HTTP/1.1", header lines, blank line, body (as sent).
struct wire_capture {
    std::filesystem::path path;
    std::string method;
    std::string target;
    std::vector<std::pair<std::string, std::string>> headers; // as captured (original case)
    std::string body;

    std::string raw_path() const { return target.substr(0, target.find('?')); }
    std::string raw_query() const {
        auto q = target.find('?');
        return q == std::string::npos ? std::string{} : target.substr(q + 1);
    }
    std::string header(std::string_view name) const {
        for (const auto& [n, v] : headers) {
            if (n.size() == name.size() &&
                std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) {
                    return std::tolower(static_cast<unsigned char>(a)) ==
                           std::tolower(static_cast<unsigned char>(b));
                })) {
                return v;
            }
        }
        return {};
    }

    // The canonical request the transport would build (no ctx filled in).
    service::request to_request() const {
        service::request req;
        req.method = method;
        req.target = target;
        req.raw_path = raw_path();
        req.raw_query = raw_query();
        auto query = protocol::parse_query(req.raw_query);
        if (!query) {
            throw std::runtime_error("bad query string in " + path.string());
        }
        req.query = std::move(*query);
        for (const auto& [n, v] : headers) {
            req.headers.add(n, v);
        }
        req.host = header("host");
        req.body = body;
        return req;
    }
};

inline wire_capture load_capture(const std::filesystem::path& path) {
    std::string raw = read_whole_file(path);
    auto head_end = raw.find("\r\n\r\n");
    if (head_end == std::string::npos) {
        throw std::runtime_error("no end of headers in " + path.string());
    }
    wire_capture c;
    c.path = path;
    c.body = raw.substr(head_end + 4);
    std::string_view head(raw.data(), head_end);
    auto eol = head.find("\r\n");
    std::string_view request_line = head.substr(0, eol);
    auto sp1 = request_line.find(' ');
    auto sp2 = request_line.rfind(' ');
    if (sp1 == std::string_view::npos || sp2 == sp1) {
        throw std::runtime_error("bad request line in " + path.string());
    }
    c.method = request_line.substr(0, sp1);
    c.target = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
    head = eol == std::string_view::npos ? std::string_view{} : head.substr(eol + 2);
    while (!head.empty()) {
        eol = head.find("\r\n");
        std::string_view line = head.substr(0, eol);
        head = eol == std::string_view::npos ? std::string_view{} : head.substr(eol + 2);
        auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            throw std::runtime_error("bad header line in " + path.string());
        }
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') {
            value.remove_prefix(1);
        }
        c.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
    }
    return c;
}

// Every *.raw capture, sorted so test output is stable.
inline std::vector<std::filesystem::path> all_captures() {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(wire_dir())) {
        if (entry.is_regular_file() && entry.path().extension() == ".raw") {
            out.push_back(entry.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Removes an HTTP/1.1 "Transfer-Encoding: chunked" layer (the SDK v3 capture has one around its
// aws-chunked body; the transport strips it before the body reaches a sink).
inline std::string http_dechunk(std::string_view body) {
    std::string out;
    for (;;) {
        auto eol = body.find("\r\n");
        if (eol == std::string_view::npos) {
            throw std::runtime_error("truncated HTTP chunk size");
        }
        std::size_t size = std::stoul(std::string(body.substr(0, eol)), nullptr, 16);
        body.remove_prefix(eol + 2);
        if (size == 0) {
            return out;
        }
        if (body.size() < size + 2 || body.substr(size, 2) != "\r\n") {
            throw std::runtime_error("truncated HTTP chunk");
        }
        out.append(body.substr(0, size));
        body.remove_prefix(size + 2);
    }
}

} // namespace cloudbox::test
