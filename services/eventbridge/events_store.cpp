// EventBridge rules and targets: schema and queries.
#include "eventbridge/events_store.hpp"

namespace cloudbox::services::eventbridge {

using storage::database;

namespace {

rule_record read_rule(storage::statement& st) {
    rule_record r;
    r.account = st.column_text(0);
    r.region = st.column_text(1);
    r.bus = st.column_text(2);
    r.name = st.column_text(3);
    r.schedule = st.column_text(4);
    r.event_pattern = st.column_text(5);
    r.state = st.column_text(6);
    r.description = st.column_text(7);
    r.role_arn = st.column_text(8);
    r.anchor_ms = st.column_int64(9);
    return r;
}

constexpr const char* rule_columns =
    "account, region, bus, name, schedule, event_pattern, state, description, role_arn, anchor_ms";

} // namespace

events_store::events_store(const std::string& path) : db_(path) {
    create_schema();
}

void events_store::create_schema() {
    db_.exec("CREATE TABLE IF NOT EXISTS rules (account TEXT, region TEXT, bus TEXT, name TEXT, "
             "schedule TEXT, event_pattern TEXT, state TEXT, description TEXT, role_arn TEXT, "
             "anchor_ms INTEGER, PRIMARY KEY (account, region, bus, name)) WITHOUT ROWID");
    db_.exec("CREATE TABLE IF NOT EXISTS targets (account TEXT, region TEXT, bus TEXT, rule TEXT, "
             "id TEXT, arn TEXT, spec TEXT, PRIMARY KEY (account, region, bus, rule, id)) "
             "WITHOUT ROWID");
}

void events_store::put_rule(const rule_record& r) {
    db_.write([&](database& db) {
        db.prepare("INSERT OR REPLACE INTO rules VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind_all(r.account, r.region, r.bus, r.name, r.schedule, r.event_pattern, r.state,
                      r.description, r.role_arn, r.anchor_ms)
            .run();
    });
}

std::optional<rule_record> events_store::get_rule(const std::string& account,
                                                  const std::string& region, const std::string& bus,
                                                  const std::string& name) {
    return db_.read([&](database& db) -> std::optional<rule_record> {
        auto& st = db.prepare(std::string("SELECT ") + rule_columns +
                              " FROM rules WHERE account = ? AND region = ? AND bus = ? AND "
                              "name = ?");
        st.bind_all(account, region, bus, name);
        if (!st.step()) {
            return std::nullopt;
        }
        return read_rule(st);
    });
}

std::vector<rule_record> events_store::list_rules(const std::string& account,
                                                  const std::string& region, const std::string& bus,
                                                  const std::string& prefix,
                                                  const std::string& after, std::size_t limit) {
    return db_.read([&](database& db) {
        auto& st = db.prepare(std::string("SELECT ") + rule_columns +
                              " FROM rules WHERE account = ? AND region = ? AND bus = ? AND "
                              "name > ? AND substr(name, 1, length(?)) = ? ORDER BY name LIMIT ?");
        st.bind_all(account, region, bus, after, prefix, prefix, static_cast<std::int64_t>(limit));
        std::vector<rule_record> rules;
        while (st.step()) {
            rules.push_back(read_rule(st));
        }
        return rules;
    });
}

std::vector<rule_record> events_store::all_rules() {
    return db_.read([&](database& db) {
        auto& st = db.prepare(std::string("SELECT ") + rule_columns + " FROM rules");
        std::vector<rule_record> rules;
        while (st.step()) {
            rules.push_back(read_rule(st));
        }
        return rules;
    });
}

void events_store::delete_rule(const rule_record& r) {
    db_.write([&](database& db) {
        db.prepare("DELETE FROM rules WHERE account = ? AND region = ? AND bus = ? AND name = ?")
            .bind_all(r.account, r.region, r.bus, r.name)
            .run();
    });
}

void events_store::put_target(const rule_record& r, const target_record& t) {
    db_.write([&](database& db) {
        db.prepare("INSERT OR REPLACE INTO targets VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind_all(r.account, r.region, r.bus, r.name, t.id, t.arn, t.spec)
            .run();
    });
}

bool events_store::delete_target(const rule_record& r, const std::string& id) {
    return db_.write([&](database& db) {
        db.prepare("DELETE FROM targets WHERE account = ? AND region = ? AND bus = ? AND rule = ? "
                   "AND id = ?")
            .bind_all(r.account, r.region, r.bus, r.name, id)
            .run();
        return db.changes() > 0;
    });
}

std::vector<target_record> events_store::targets(const rule_record& r) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT id, arn, spec FROM targets WHERE account = ? AND region = ? "
                              "AND bus = ? AND rule = ? ORDER BY id");
        st.bind_all(r.account, r.region, r.bus, r.name);
        std::vector<target_record> out;
        while (st.step()) {
            out.push_back({st.column_text(0), st.column_text(1), st.column_text(2)});
        }
        return out;
    });
}

void events_store::reset() {
    db_.write([](database& db) {
        db.exec("DELETE FROM targets");
        db.exec("DELETE FROM rules");
    });
}

} // namespace cloudbox::services::eventbridge
