// The SigV4 credential of a request (header or presigned query), as cloudbox reads it.
#pragma once

#include <cstdint>
#include <string>

namespace cloudbox::protocol {

struct sigv4_credentials {
    std::string access_key;
    std::string date; // yyyymmdd of the scope
    std::string region;
    std::string service;
    bool presigned = false;
    std::string amz_date;             // X-Amz-Date of a presigned URL
    std::int64_t expires_seconds = 0; // X-Amz-Expires of a presigned URL
};

} // namespace cloudbox::protocol
