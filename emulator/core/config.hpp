// Server configuration, filled by the command line.
#pragma once

#include <cstdint>
#include <string>

namespace cloudbox::core {

struct config {
    std::string host = "127.0.0.1";
    std::uint16_t port = 4566;
    std::string data_dir = "./.cloudbox";
    bool in_memory = false;
    std::string region = "us-east-1";
    std::string log_level = "info";
    unsigned threads = 0;       // 0 = hardware concurrency
    unsigned busy_poll_us = 50; // an idle I/O thread polls this long before it sleeps
    std::uint64_t id_seed = 0;  // 0 = random
    bool sync_events = false;   // deliver events before the request that caused them answers
    std::size_t max_header_bytes = 64 * 1024; // larger headers get 431/400
    bool ses_sandbox = false; // SES: sender and recipients must be verified identities
};

} // namespace cloudbox::core
