// Decoder for aws-chunked bodies: "<hex>[;chunk-signature=..]\r\n<data>\r\n ...
// 0\r\n<trailers>\r\n".
#include "protocol/aws_chunked.hpp"

#include "core/aws_error.hpp"
#include "core/encoding.hpp"

#include <algorithm>

namespace cloudbox::protocol {

namespace {
constexpr std::size_t max_line = 4096;

core::aws_error malformed(std::string_view what) {
    return core::aws_error("InvalidRequest",
                           "Invalid aws-chunked encoding: " + std::string(what) + ".", 400);
}
} // namespace

void aws_chunked_decoder::on_line(std::string_view line) {
    if (state_ == state::size_line) {
        auto semi = line.find(';');
        std::string_view hex = line.substr(0, semi);
        if (hex.empty() || hex.size() > 16) {
            throw malformed("bad chunk size");
        }
        std::uint64_t size = 0;
        for (char c : hex) {
            int v = (c >= '0' && c <= '9')   ? c - '0'
                    : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                             : -1;
            if (v < 0) {
                throw malformed("bad chunk size");
            }
            size = size * 16 + static_cast<std::uint64_t>(v);
        }
        remaining_ = size;
        state_ = size == 0 ? state::trailers : state::data;
        return;
    }
    // Trailer section: "name:value" lines until an empty line.
    if (line.empty()) {
        state_ = state::done;
        return;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos) {
        throw malformed("bad trailer");
    }
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') {
        value.remove_prefix(1);
    }
    trailers_.emplace_back(core::to_lower(line.substr(0, colon)), std::string(value));
}

void aws_chunked_decoder::write(const char* data, std::size_t size) {
    while (size > 0) {
        switch (state_) {
        case state::data: {
            auto n = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, size));
            payload_.write(data, n);
            decoded_ += n;
            remaining_ -= n;
            data += n;
            size -= n;
            if (remaining_ == 0) {
                state_ = state::data_crlf;
            }
            break;
        }
        case state::data_crlf:
            // Expect "\r\n" after each chunk's data; tolerate it split across writes.
            line_.push_back(*data++);
            --size;
            if (line_.size() == 2) {
                if (line_ != "\r\n") {
                    throw malformed("missing CRLF after chunk data");
                }
                line_.clear();
                state_ = state::size_line;
            }
            break;
        case state::size_line:
        case state::trailers: {
            char c = *data++;
            --size;
            if (c == '\n') {
                std::string_view line(line_);
                if (!line.empty() && line.back() == '\r') {
                    line.remove_suffix(1);
                }
                on_line(line);
                line_.clear();
            } else if (line_.size() >= max_line) {
                throw malformed("line too long");
            } else {
                line_.push_back(c);
            }
            break;
        }
        case state::done:
            // Some clients end with an extra CRLF; anything else is an error.
            if (*data != '\r' && *data != '\n') {
                throw malformed("data after the final chunk");
            }
            ++data;
            --size;
            break;
        }
    }
}

void aws_chunked_decoder::finish() {
    // The empty line after trailers is optional in practice: accept a body that ends after them.
    if (state_ == state::trailers && line_.empty()) {
        state_ = state::done;
    }
    if (state_ != state::done) {
        throw core::aws_error("IncompleteBody", "The request body terminated unexpectedly", 400);
    }
    payload_.finish();
}

} // namespace cloudbox::protocol
