// The S3 service: addressing, operation resolution, the dispatch table, body plans, errors.
#pragma once

#include "core/clock.hpp"
#include "events/event_bus.hpp"
#include "s3/s3_encryption.hpp"
#include "s3/s3_events.hpp"
#include "s3/s3_store.hpp"
#include "service/service.hpp"
#include "storage/blob_store.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace cloudbox::services::s3 {

struct s3_options {
    std::filesystem::path root; // s3.db and blobs/ live here
    bool in_memory = false;     // database in memory; blobs not fsynced
    std::string default_region = "us-east-1";
    std::uint64_t inline_limit = 256 * 1024;    // PutObject bodies up to this stay in the database
    cloudbox::events::event_bus* bus = nullptr; // where notifications are delivered from
};

// What every operation reaches: the store, the blobs, the clock.
struct s3_context {
    s3_store& store;
    const storage::blob_store& blobs;
    core::clock& clock;
    const s3_options& options;
    s3_notifier& notifier;
    bucket_encryption_defaults& encryption;

    // Deletes blobs no longer referenced (after the transaction that released them).
    void free_blobs(const std::vector<std::string>& blob_ids) const;
};

class s3_service final : public service::aws_service {
  public:
    s3_service(s3_options options, core::clock& clock);
    ~s3_service() override;

    std::string_view name() const override { return "s3"; }
    service::body_plan plan_body(service::request& req) override;
    service::response handle(service::request& req) override;
    service::response render_error(const core::aws_error& error,
                                   const service::request& req) const override;
    void reset() override;

    s3_notifier& notifier() { return *notifier_; }

  private:
    void load_notifications();

    s3_options options_;
    core::clock& clock_;
    std::unique_ptr<storage::blob_store> blobs_;
    std::unique_ptr<s3_store> store_;
    std::unique_ptr<s3_notifier> notifier_;
    std::unique_ptr<bucket_encryption_defaults> encryption_;
    std::unique_ptr<s3_context> context_;
};

} // namespace cloudbox::services::s3
