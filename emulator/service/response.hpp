// The canonical response: status, headers, and a body held in memory or streamed from files.
#pragma once

#include "core/file_handle.hpp"
#include "service/headers.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cloudbox::service {

// A byte range of an open file; the descriptor keeps the data readable even if the blob is
// deleted before the response is written.
struct file_segment {
    std::shared_ptr<core::file_handle> file;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
};

class pending_response; // service/pending.hpp

struct response {
    int status = 200;
    header_map headers;
    std::string body;                   // used when segments is empty
    std::vector<file_segment> segments; // streamed in order
    // HEAD and 304: send Content-Length of the entity but no body bytes.
    bool omit_body = false;
    std::uint64_t declared_length = 0; // Content-Length sent when omit_body
    // Set when the answer is deferred (long polling): the transport waits on it without holding
    // a thread and sends what it completes with; the other fields are unused.
    std::shared_ptr<pending_response> pending;

    std::uint64_t body_size() const {
        if (segments.empty()) {
            return body.size();
        }
        std::uint64_t total = 0;
        for (const auto& s : segments) {
            total += s.length;
        }
        return total;
    }
};

} // namespace cloudbox::service
