// A real cloudbox server on port 0 in a background thread.
#include "support/test_server.hpp"

#include "core/ids.hpp"

namespace cloudbox::test {

namespace fs = std::filesystem;

temp_dir::temp_dir() {
    path_ = fs::temp_directory_path() / ("cloudbox-test-" + core::random_hex(8));
    fs::create_directories(path_);
}

temp_dir::~temp_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

test_server::test_server(server_options options) {
    core::config cfg;
    cfg.port = 0;
    cfg.in_memory = options.in_memory;
    cfg.data_dir = options.data_dir.string();
    cfg.ses_sandbox = options.ses_sandbox;
    cfg.sync_events = options.sync_events;
    cfg.log_level = "warn";
    cfg.threads = 2;
    app_ = std::make_unique<cloudbox::app>(cfg);
    port_ = app_->listen();
    thread_ = std::thread([this] { app_->run(false); });
}

test_server::~test_server() {
    app_->stop();
    thread_.join();
}

} // namespace cloudbox::test
