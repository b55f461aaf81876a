// All of Lambda's SQL: functions and versions (configuration as JSON documents, code zips),
// per-function settings (policy, concurrency, tags), aliases, event invoke configs, event
// source mappings with their stream checkpoints, and the durable queue of asynchronous invocations.
#pragma once

#include "storage/database.hpp"

#include <cstdint>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cloudbox::services::lambda {

using json = nlohmann::json;

// account:region, the scope of every row.
struct scope_key {
    std::string account;
    std::string region;
    std::string text() const { return account + ":" + region; }
};

struct function_settings {
    int next_version = 1;
    // Resource policies by qualifier ("" for the function itself; AWS keeps one per version
    // and alias): {"": {"Version": ..., "Statement": [...]}, "1": {...}}.
    json policies = json::object();
    std::optional<int> concurrency; // reserved concurrency
    json tags = json::object();
};

struct async_item {
    std::int64_t id = 0;
    std::string account;
    std::string region;
    std::string function_name;
    std::string qualifier;
    std::string request_id;
    std::string payload;
    int attempts = 0;
    std::int64_t enqueued_ms = 0;
    std::int64_t next_ms = 0;
};

class lambda_store {
  public:
    explicit lambda_store(const std::string& path);

    // Functions and versions ("$LATEST", "1", ...).
    bool create_function(const scope_key& s, const std::string& name, const json& config,
                         const std::string& code, const json& tags);
    std::optional<json> get_version(const scope_key& s, const std::string& name,
                                    const std::string& version);
    std::optional<std::string> get_code(const scope_key& s, const std::string& name,
                                        const std::string& version);
    // Replaces a version's configuration (and its code when given).
    void put_version(const scope_key& s, const std::string& name, const std::string& version,
                     const json& config, const std::optional<std::string>& code);
    std::vector<json> list_latest(const scope_key& s);
    std::vector<json> list_versions(const scope_key& s, const std::string& name);
    // Publishes $LATEST as the next version number; returns the version's configuration, made
    // by `make` from ($LATEST config, version number).
    json publish(const scope_key& s, const std::string& name,
                 const std::function<json(const json&, int)>& make);
    void delete_function(const scope_key& s, const std::string& name);
    void delete_version(const scope_key& s, const std::string& name, const std::string& version);

    function_settings get_settings(const scope_key& s, const std::string& name);
    void put_settings(const scope_key& s, const std::string& name, const function_settings& st);

    // Aliases.
    bool create_alias(const scope_key& s, const std::string& name, const std::string& alias,
                      const json& config);
    std::optional<json> get_alias(const scope_key& s, const std::string& name,
                                  const std::string& alias);
    void put_alias(const scope_key& s, const std::string& name, const std::string& alias,
                   const json& config);
    std::vector<json> list_aliases(const scope_key& s, const std::string& name);
    bool delete_alias(const scope_key& s, const std::string& name, const std::string& alias);

    // Event invoke configs, by qualifier ("$LATEST", a version or an alias).
    std::optional<json> get_invoke_config(const scope_key& s, const std::string& name,
                                          const std::string& qualifier);
    void put_invoke_config(const scope_key& s, const std::string& name,
                           const std::string& qualifier, const json& config);
    bool delete_invoke_config(const scope_key& s, const std::string& name,
                              const std::string& qualifier);
    std::vector<json> list_invoke_configs(const scope_key& s, const std::string& name);

    // Event source mappings.
    void put_mapping(const scope_key& s, const std::string& uuid, const std::string& function_name,
                     const json& config);
    std::optional<json> get_mapping(const scope_key& s, const std::string& uuid);
    std::vector<json> list_mappings(const scope_key& s);
    bool delete_mapping(const scope_key& s, const std::string& uuid);
    // Every mapping of every scope (for the lead's pollers).
    std::vector<json> all_mappings();
    // Called after a mapping is created, changed or deleted (the poller follows its queues at
    // once instead of on its next timer pass). Set before the server serves.
    void set_mappings_listener(std::function<void()> listener) {
        mappings_listener_ = std::move(listener);
    }
    // A stream mapping's position in one shard: the last sequence number it processed (handed
    // to the function successfully or sent to OnFailure). Dropped with the mapping.
    std::optional<std::string> get_checkpoint(const std::string& uuid, const std::string& shard_id);
    void put_checkpoint(const std::string& uuid, const std::string& shard_id,
                        const std::string& sequence);

    // The asynchronous invocation queue.
    std::int64_t enqueue(const async_item& item);
    std::vector<async_item> due(std::int64_t now_ms, int limit);
    void reschedule(std::int64_t id, int attempts, std::int64_t next_ms);
    void remove(std::int64_t id);
    std::int64_t count_due(std::int64_t now_ms);
    std::int64_t count_queued();

    void reset();

  private:
    void create_schema();
    void mappings_changed() const {
        if (mappings_listener_) {
            mappings_listener_();
        }
    }
    // Every write goes through here: once it is over, the cached versions are dropped.
    template <class Fn> auto write(Fn&& fn) {
        struct drop_cache_after {
            lambda_store& store;
            ~drop_cache_after() { store.drop_version_cache(); }
        } guard{*this};
        return db_.write(std::forward<Fn>(fn));
    }
    void drop_version_cache();

    storage::database db_;
    std::function<void()> mappings_listener_;
    // get_version's answers, read on every Invoke (a query and a JSON parse each time before).
    // A write clears it; an answer read from the database is cached only if no write ended
    // since the read began (generation unchanged), so a stale config is never kept.
    std::mutex version_cache_mutex_;
    std::uint64_t version_cache_generation_ = 0;
    std::unordered_map<std::string, std::optional<json>> version_cache_;
};

} // namespace cloudbox::services::lambda
