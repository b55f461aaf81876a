// All of CloudWatch Logs' SQL: log groups, streams and events.
#pragma once

#include "storage/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cloudbox::services::logs {

struct log_group_row {
    std::string name;
    std::int64_t created_ms = 0;
    std::optional<int> retention_days;
    std::int64_t stored_bytes = 0;
};

struct log_stream_row {
    std::string name;
    std::int64_t created_ms = 0;
    std::optional<std::int64_t> first_event_ms;
    std::optional<std::int64_t> last_event_ms;
    std::optional<std::int64_t> last_ingestion_ms;
    std::int64_t stored_bytes = 0;
};

struct log_event_row {
    std::int64_t id = 0;
    std::string stream;
    std::int64_t timestamp = 0;
    std::int64_t ingestion = 0;
    std::string message;
};

struct event_query {
    std::string group;
    std::vector<std::string> streams; // empty: every stream (or by prefix)
    std::string stream_prefix;
    std::optional<std::int64_t> start_ms; // inclusive
    std::optional<std::int64_t> end_ms;   // exclusive
    // Paging: only events after (before, when descending) this (timestamp, id) position.
    std::optional<std::pair<std::int64_t, std::int64_t>> after;
    bool descending = false;
    int limit = 10000;
};

class logs_store {
  public:
    explicit logs_store(const std::string& path);

    bool create_group(const std::string& scope, const std::string& name, std::int64_t now_ms);
    std::optional<log_group_row> get_group(const std::string& scope, const std::string& name);
    std::vector<log_group_row> list_groups(const std::string& scope, const std::string& prefix);
    bool delete_group(const std::string& scope, const std::string& name);
    void set_retention(const std::string& scope, const std::string& name, std::optional<int> days);

    bool create_stream(const std::string& scope, const std::string& group, const std::string& name,
                       std::int64_t now_ms);
    std::optional<log_stream_row> get_stream(const std::string& scope, const std::string& group,
                                             const std::string& name);
    std::vector<log_stream_row> list_streams(const std::string& scope, const std::string& group,
                                             const std::string& prefix);
    bool delete_stream(const std::string& scope, const std::string& group, const std::string& name);

    // Appends events to an existing stream (PutLogEvents).
    void append(const std::string& scope, const std::string& group, const std::string& stream,
                const std::vector<std::pair<std::int64_t, std::string>>& events,
                std::int64_t now_ms);
    // Many streams' events in one transaction, creating what is missing (batched Lambda lines).
    struct stream_events {
        std::string scope;
        std::string group;
        std::string stream;
        std::vector<std::pair<std::int64_t, std::string>> events;
    };
    void append_all(const std::vector<stream_events>& appends, std::int64_t now_ms);

    std::vector<log_event_row> events(const std::string& scope, const event_query& q);

    void reset();

  private:
    storage::database db_;
};

} // namespace cloudbox::services::logs
