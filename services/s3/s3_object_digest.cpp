// Digests over an object's stored bytes, read in 1 MiB slices.
#include "s3/s3_object_digest.hpp"

#include <algorithm>
#include <stdexcept>

namespace cloudbox::services::s3 {

std::string digest_object_range(const s3_context& s3, const object_record& object,
                                std::uint64_t offset, std::uint64_t length,
                                core::digest_kind kind) {
    core::hasher h(kind);
    if (object.inline_data) {
        const std::string& data = *object.inline_data;
        if (offset < data.size()) {
            h.update(std::string_view(data).substr(static_cast<std::size_t>(offset),
                                                   static_cast<std::size_t>(length)));
        }
        return h.final_bytes();
    }
    std::string buffer(1 << 20, '\0');
    std::uint64_t position = 0; // object offset of the current segment
    for (const auto& seg : object.segments) {
        std::uint64_t seg_end = position + seg.length;
        if (length > 0 && offset < seg_end && offset + length > position) {
            std::uint64_t from = std::max(offset, position);
            std::uint64_t to = std::min(offset + length, seg_end);
            auto file = s3.blobs.open(seg.blob_id);
            if (!file) {
                throw std::runtime_error("object data missing for " + object.key);
            }
            std::uint64_t at = seg.offset + (from - position);
            std::uint64_t left = to - from;
            while (left > 0) {
                auto want = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
                long n = file->read_at(buffer.data(), want, at);
                if (n <= 0) {
                    throw std::runtime_error("object data shorter than expected for " + object.key);
                }
                h.update(buffer.data(), static_cast<std::size_t>(n));
                at += static_cast<std::uint64_t>(n);
                left -= static_cast<std::uint64_t>(n);
            }
        }
        position = seg_end;
    }
    return h.final_bytes();
}

} // namespace cloudbox::services::s3
