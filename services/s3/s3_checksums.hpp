// S3 flexible checksums: algorithm names, header names, and which one a request asks for.
#pragma once

#include "core/hash.hpp"
#include "service/request.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cloudbox::services::s3 {

struct checksum_spec {
    std::string_view algorithm; // "CRC32", "CRC32C", "SHA1", "SHA256"
    core::digest_kind kind;
    std::string_view header; // "x-amz-checksum-crc32"
};

// By algorithm name, any case; nullopt for an unknown one.
std::optional<checksum_spec> checksum_by_name(std::string_view name);

// The checksum a request asks S3 to verify or store: x-amz-sdk-checksum-algorithm,
// x-amz-checksum-<alg>, or x-amz-trailer. Throws InvalidRequest for an unknown algorithm.
std::optional<checksum_spec> requested_checksum(const service::request& req);

} // namespace cloudbox::services::s3
