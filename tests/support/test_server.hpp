// A real cloudbox server on port 0 in a background thread, for service tests.
#pragma once

#include "app.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

namespace cloudbox::test {

// A temporary directory removed on destruction.
class temp_dir {
  public:
    temp_dir();
    ~temp_dir();
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

struct server_options {
    bool in_memory = true;
    std::filesystem::path data_dir; // used when !in_memory
    bool ses_sandbox = false;
    bool sync_events = false; // --sync-events
};

// Options for a server that keeps its state in `dir` (restart and blob-file tests).
inline server_options on_disk(const temp_dir& dir) {
    server_options options;
    options.in_memory = false;
    options.data_dir = dir.path();
    return options;
}

class test_server {
  public:
    explicit test_server(server_options options = {});
    ~test_server(); // graceful stop and join
    test_server(const test_server&) = delete;
    test_server& operator=(const test_server&) = delete;

    std::uint16_t port() const { return port_; }
    std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }
    cloudbox::app& app() { return *app_; }

  private:
    std::unique_ptr<cloudbox::app> app_;
    std::uint16_t port_ = 0;
    std::thread thread_;
};

} // namespace cloudbox::test
