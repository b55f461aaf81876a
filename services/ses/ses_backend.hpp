// The state SES v1 and v2 share: the store, the mailbox directory of .eml files, the clock and
// the options (sandbox). One instance, held by both services.
#pragma once

#include "core/clock.hpp"
#include "service/request.hpp"
#include "service/response.hpp"
#include "ses/ses_store.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cloudbox::services::ses {

struct ses_options {
    std::filesystem::path root; // ses.db and mailbox/ live here
    bool in_memory = false;     // database in memory; .eml files not fsynced
    bool sandbox = false;       // sender and recipients must be verified
};

class ses_backend {
  public:
    ses_backend(ses_options options, core::clock& clock);

    ses_store& store() { return *store_; }
    core::clock& clock() { return clock_; }
    const ses_options& options() const { return options_; }

    // Writes a mailbox file atomically (temporary file, fsync, rename, fsync directory).
    void write_eml(const std::string& file_name, std::string_view bytes) const;
    std::optional<std::string> read_eml(const std::string& file_name) const;
    void remove_emls(const std::vector<std::string>& file_names) const;
    std::filesystem::path mailbox_dir() const { return options_.root / "mailbox"; }

    void reset();

    // The mailbox control routes (/_cloudbox/ses/messages..., LocalStack's /_aws/ses).
    std::optional<service::response> control(service::request& req);

  private:
    ses_options options_;
    core::clock& clock_;
    std::unique_ptr<ses_store> store_;
};

// The account and region a request acts in.
inline scope scope_of(const service::request& req) {
    return {req.ctx.account_id, req.ctx.region};
}

} // namespace cloudbox::services::ses
