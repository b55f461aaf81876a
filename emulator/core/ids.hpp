// Identifier generation (request ids, upload ids, blob ids); seedable for deterministic tests.
#pragma once

#include <cstdint>
#include <string>

namespace cloudbox::core {

// Seeds every thread's generator; call once before serving (0 = seed from the OS).
void seed_ids(std::uint64_t seed);

std::string random_hex(std::size_t bytes);
std::string new_uuid();       // 8-4-4-4-12 lowercase, version 4
std::string new_request_id(); // AWS-style request id (uuid form)

} // namespace cloudbox::core
