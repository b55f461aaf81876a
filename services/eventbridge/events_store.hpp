// EventBridge rules and their targets in SQLite (the only SQL of this service).
#pragma once

#include "storage/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cloudbox::services::eventbridge {

struct rule_record {
    std::string account, region, bus, name;
    std::string schedule;      // ScheduleExpression, or empty
    std::string event_pattern; // EventPattern JSON text, or empty
    std::string state = "ENABLED";
    std::string description;
    std::string role_arn;
    std::int64_t anchor_ms = 0; // rate() schedules count periods from here (creation/enabling)
};

struct target_record {
    std::string id;
    std::string arn;
    std::string spec; // the Target object as sent (JSON text), returned by ListTargetsByRule
};

class events_store {
  public:
    explicit events_store(const std::string& path);

    void put_rule(const rule_record& rule); // insert or replace
    std::optional<rule_record> get_rule(const std::string& account, const std::string& region,
                                        const std::string& bus, const std::string& name);
    // Rules of one bus in name order, names starting with prefix, after `after`.
    std::vector<rule_record> list_rules(const std::string& account, const std::string& region,
                                        const std::string& bus, const std::string& prefix,
                                        const std::string& after, std::size_t limit);
    std::vector<rule_record> all_rules(); // every account and region (to arm schedules)
    void delete_rule(const rule_record& rule);

    void put_target(const rule_record& rule, const target_record& target);
    bool delete_target(const rule_record& rule, const std::string& id);
    std::vector<target_record> targets(const rule_record& rule);

    void reset();

  private:
    void create_schema();
    storage::database db_;
};

} // namespace cloudbox::services::eventbridge
