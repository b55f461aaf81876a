// SigV4 credentials, parsed (not verified) from the Authorization header or a presigned query.
#pragma once

#include "protocol/sigv4_credentials.hpp"
#include "service/request.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace cloudbox::protocol {

// nullopt when the request carries no SigV4 credential (anonymous, or SigV2).
std::optional<sigv4_credentials> parse_sigv4(const service::request& req);

// The account id AWS would see: the access key when it is 12 digits, else 000000000000.
std::string account_for_access_key(const std::string& access_key);

} // namespace cloudbox::protocol
