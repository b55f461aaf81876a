// Digests over an object's stored bytes (inline or in blobs), for checksums S3 computes on the
// server side: CopyObject with a new x-amz-checksum-algorithm, and part checksums.
#pragma once

#include "core/hash.hpp"
#include "s3/s3_service.hpp"
#include "s3/s3_types.hpp"

#include <cstdint>
#include <string>

namespace cloudbox::services::s3 {

// The raw digest of bytes [offset, offset + length) of the object. Throws std::runtime_error
// when a blob has gone (the object was replaced or deleted meanwhile).
std::string digest_object_range(const s3_context& s3, const object_record& object,
                                std::uint64_t offset, std::uint64_t length, core::digest_kind kind);

} // namespace cloudbox::services::s3
