// SigV4 credentials, parsed (not verified) from the Authorization header or a presigned query.
#pragma once

#include "service/request.hpp"

#include <cstdint>
#include <optional>
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

// nullopt when the request carries no SigV4 credential (anonymous, or SigV2).
std::optional<sigv4_credentials> parse_sigv4(const service::request& req);

// The account id AWS would see: the access key when it is 12 digits, else 000000000000.
std::string account_for_access_key(const std::string& access_key);

} // namespace cloudbox::protocol
