// Lambda's SQL.
#include "lambda/lambda_store.hpp"

namespace cloudbox::services::lambda {

using storage::database;

namespace {

std::vector<json> json_rows(storage::statement& st) {
    std::vector<json> out;
    while (st.step()) {
        out.push_back(json::parse(st.column_text(0)));
    }
    return out;
}

std::optional<json> json_row(storage::statement& st) {
    if (!st.step()) {
        return std::nullopt;
    }
    return json::parse(st.column_text(0));
}

} // namespace

lambda_store::lambda_store(const std::string& path) : db_(path) {
    create_schema();
}

void lambda_store::create_schema() {
    write([](database& db) {
        db.exec("CREATE TABLE IF NOT EXISTS versions(scope TEXT NOT NULL, name TEXT NOT NULL, "
                "version TEXT NOT NULL, ord INTEGER NOT NULL, config TEXT NOT NULL, code BLOB, "
                "PRIMARY KEY(scope, name, version))");
        db.exec("CREATE TABLE IF NOT EXISTS settings(scope TEXT NOT NULL, name TEXT NOT NULL, "
                "next_version INTEGER NOT NULL, policy TEXT, concurrency INTEGER, tags TEXT "
                "NOT NULL, PRIMARY KEY(scope, name))");
        db.exec("CREATE TABLE IF NOT EXISTS aliases(scope TEXT NOT NULL, name TEXT NOT NULL, "
                "alias TEXT NOT NULL, config TEXT NOT NULL, PRIMARY KEY(scope, name, alias))");
        db.exec("CREATE TABLE IF NOT EXISTS invoke_configs(scope TEXT NOT NULL, name TEXT NOT "
                "NULL, qualifier TEXT NOT NULL, config TEXT NOT NULL, PRIMARY KEY(scope, name, "
                "qualifier))");
        db.exec("CREATE TABLE IF NOT EXISTS mappings(uuid TEXT PRIMARY KEY, scope TEXT NOT NULL, "
                "function_name TEXT NOT NULL, config TEXT NOT NULL)");
        db.exec("CREATE TABLE IF NOT EXISTS async_queue(id INTEGER PRIMARY KEY AUTOINCREMENT, "
                "account TEXT NOT NULL, region TEXT NOT NULL, function_name TEXT NOT NULL, "
                "qualifier TEXT NOT NULL, request_id TEXT NOT NULL, payload BLOB NOT NULL, "
                "attempts INTEGER NOT NULL, enqueued_ms INTEGER NOT NULL, next_ms INTEGER NOT "
                "NULL)");
        db.exec("CREATE INDEX IF NOT EXISTS async_queue_next ON async_queue(next_ms)");
        db.exec("CREATE TABLE IF NOT EXISTS mapping_checkpoints(uuid TEXT NOT NULL, shard TEXT NOT "
                "NULL, sequence TEXT NOT NULL, PRIMARY KEY(uuid, shard))");
    });
}

bool lambda_store::create_function(const scope_key& s, const std::string& name, const json& config,
                                   const std::string& code, const json& tags) {
    return write([&](database& db) {
        auto& exists = db.prepare("SELECT 1 FROM versions WHERE scope=? AND name=?");
        exists.bind_all(s.text(), name);
        if (exists.step()) {
            return false;
        }
        db.prepare("INSERT INTO versions(scope, name, version, ord, config, code) VALUES(?, ?, "
                   "'$LATEST', 0, ?, ?)")
            .bind_all(s.text(), name, config.dump())
            .bind_blob(4, code)
            .run();
        db.prepare("INSERT OR REPLACE INTO settings(scope, name, next_version, policy, "
                   "concurrency, tags) VALUES(?, ?, 1, NULL, NULL, ?)")
            .bind_all(s.text(), name, tags.dump())
            .run();
        return true;
    });
}

std::optional<json> lambda_store::get_version(const scope_key& s, const std::string& name,
                                              const std::string& version) {
    std::string key = s.text() + '\n' + name + '\n' + version;
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(version_cache_mutex_);
        if (auto it = version_cache_.find(key); it != version_cache_.end()) {
            return it->second;
        }
        generation = version_cache_generation_;
    }
    auto config = db_.read([&](database& db) {
        auto& st = db.prepare("SELECT config FROM versions WHERE scope=? AND name=? AND version=?");
        st.bind_all(s.text(), name, version);
        return json_row(st);
    });
    std::lock_guard lock(version_cache_mutex_);
    if (generation == version_cache_generation_) {
        version_cache_.emplace(std::move(key), config);
    }
    return config;
}

void lambda_store::drop_version_cache() {
    std::lock_guard lock(version_cache_mutex_);
    ++version_cache_generation_;
    version_cache_.clear();
}

std::optional<std::string> lambda_store::get_code(const scope_key& s, const std::string& name,
                                                  const std::string& version) {
    return db_.read([&](database& db) -> std::optional<std::string> {
        auto& st = db.prepare("SELECT code FROM versions WHERE scope=? AND name=? AND version=?");
        st.bind_all(s.text(), name, version);
        if (!st.step()) {
            return std::nullopt;
        }
        return st.column_blob(0);
    });
}

void lambda_store::put_version(const scope_key& s, const std::string& name,
                               const std::string& version, const json& config,
                               const std::optional<std::string>& code) {
    write([&](database& db) {
        if (code) {
            db.prepare("UPDATE versions SET config=?, code=? WHERE scope=? AND name=? AND "
                       "version=?")
                .bind(1, config.dump())
                .bind_blob(2, *code)
                .bind(3, s.text())
                .bind(4, name)
                .bind(5, version)
                .run();
        } else {
            db.prepare("UPDATE versions SET config=? WHERE scope=? AND name=? AND version=?")
                .bind_all(config.dump(), s.text(), name, version)
                .run();
        }
    });
}

std::vector<json> lambda_store::list_latest(const scope_key& s) {
    return db_.read([&](database& db) {
        auto& st = db.prepare(
            "SELECT config FROM versions WHERE scope=? AND version='$LATEST' ORDER BY name");
        st.bind_all(s.text());
        return json_rows(st);
    });
}

std::vector<json> lambda_store::list_versions(const scope_key& s, const std::string& name) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT config FROM versions WHERE scope=? AND name=? ORDER BY ord");
        st.bind_all(s.text(), name);
        return json_rows(st);
    });
}

json lambda_store::publish(const scope_key& s, const std::string& name,
                           const std::function<json(const json&, int)>& make) {
    return write([&](database& db) {
        auto& latest = db.prepare(
            "SELECT config, code FROM versions WHERE scope=? AND name=? AND version='$LATEST'");
        latest.bind_all(s.text(), name);
        if (!latest.step()) {
            return json();
        }
        json config = json::parse(latest.column_text(0));
        std::string code = latest.column_blob(1);
        latest.reset();
        auto& next = db.prepare("SELECT next_version FROM settings WHERE scope=? AND name=?");
        next.bind_all(s.text(), name);
        int number = next.step() ? static_cast<int>(next.column_int64(0)) : 1;
        next.reset();
        json version = make(config, number);
        db.prepare("INSERT INTO versions(scope, name, version, ord, config, code) VALUES(?, ?, "
                   "?, ?, ?, ?)")
            .bind_all(s.text(), name, std::to_string(number), std::int64_t{number}, version.dump())
            .bind_blob(6, code)
            .run();
        db.prepare("UPDATE settings SET next_version=? WHERE scope=? AND name=?")
            .bind_all(std::int64_t{number + 1}, s.text(), name)
            .run();
        return version;
    });
}

void lambda_store::delete_function(const scope_key& s, const std::string& name) {
    write([&](database& db) {
        for (const char* table : {"versions", "settings", "aliases", "invoke_configs"}) {
            db.prepare(std::string("DELETE FROM ") + table + " WHERE scope=? AND name=?")
                .bind_all(s.text(), name)
                .run();
        }
    });
}

void lambda_store::delete_version(const scope_key& s, const std::string& name,
                                  const std::string& version) {
    write([&](database& db) {
        db.prepare("DELETE FROM versions WHERE scope=? AND name=? AND version=?")
            .bind_all(s.text(), name, version)
            .run();
        db.prepare("DELETE FROM invoke_configs WHERE scope=? AND name=? AND qualifier=?")
            .bind_all(s.text(), name, version)
            .run();
    });
}

function_settings lambda_store::get_settings(const scope_key& s, const std::string& name) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT next_version, policy, concurrency, tags FROM settings "
                              "WHERE scope=? AND name=?");
        st.bind_all(s.text(), name);
        function_settings out;
        if (st.step()) {
            out.next_version = static_cast<int>(st.column_int64(0));
            if (!st.column_is_null(1)) {
                out.policies = json::parse(st.column_text(1));
                if (out.policies.contains("Statement")) {
                    out.policies = {{"", out.policies}}; // written before policies by qualifier
                }
            }
            if (!st.column_is_null(2)) {
                out.concurrency = static_cast<int>(st.column_int64(2));
            }
            out.tags = json::parse(st.column_text(3));
        }
        return out;
    });
}

void lambda_store::put_settings(const scope_key& s, const std::string& name,
                                const function_settings& st) {
    write([&](database& db) {
        auto& put = db.prepare("INSERT OR REPLACE INTO settings(scope, name, next_version, "
                               "policy, concurrency, tags) VALUES(?, ?, ?, ?, ?, ?)");
        put.bind_all(s.text(), name, std::int64_t{st.next_version});
        if (st.policies.empty()) {
            put.bind_null(4);
        } else {
            put.bind(4, st.policies.dump());
        }
        if (st.concurrency) {
            put.bind(5, std::int64_t{*st.concurrency});
        } else {
            put.bind_null(5);
        }
        put.bind(6, st.tags.dump());
        put.run();
    });
}

bool lambda_store::create_alias(const scope_key& s, const std::string& name,
                                const std::string& alias, const json& config) {
    return write([&](database& db) {
        auto& exists = db.prepare("SELECT 1 FROM aliases WHERE scope=? AND name=? AND alias=?");
        exists.bind_all(s.text(), name, alias);
        if (exists.step()) {
            return false;
        }
        db.prepare("INSERT INTO aliases(scope, name, alias, config) VALUES(?, ?, ?, ?)")
            .bind_all(s.text(), name, alias, config.dump())
            .run();
        return true;
    });
}

std::optional<json> lambda_store::get_alias(const scope_key& s, const std::string& name,
                                            const std::string& alias) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT config FROM aliases WHERE scope=? AND name=? AND alias=?");
        st.bind_all(s.text(), name, alias);
        return json_row(st);
    });
}

void lambda_store::put_alias(const scope_key& s, const std::string& name, const std::string& alias,
                             const json& config) {
    write([&](database& db) {
        db.prepare("INSERT OR REPLACE INTO aliases(scope, name, alias, config) VALUES(?, ?, ?, ?)")
            .bind_all(s.text(), name, alias, config.dump())
            .run();
    });
}

std::vector<json> lambda_store::list_aliases(const scope_key& s, const std::string& name) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT config FROM aliases WHERE scope=? AND name=? ORDER BY alias");
        st.bind_all(s.text(), name);
        return json_rows(st);
    });
}

bool lambda_store::delete_alias(const scope_key& s, const std::string& name,
                                const std::string& alias) {
    return write([&](database& db) {
        db.prepare("DELETE FROM aliases WHERE scope=? AND name=? AND alias=?")
            .bind_all(s.text(), name, alias)
            .run();
        return db.changes() > 0;
    });
}

std::optional<json> lambda_store::get_invoke_config(const scope_key& s, const std::string& name,
                                                    const std::string& qualifier) {
    return db_.read([&](database& db) {
        auto& st = db.prepare(
            "SELECT config FROM invoke_configs WHERE scope=? AND name=? AND qualifier=?");
        st.bind_all(s.text(), name, qualifier);
        return json_row(st);
    });
}

void lambda_store::put_invoke_config(const scope_key& s, const std::string& name,
                                     const std::string& qualifier, const json& config) {
    write([&](database& db) {
        db.prepare("INSERT OR REPLACE INTO invoke_configs(scope, name, qualifier, config) "
                   "VALUES(?, ?, ?, ?)")
            .bind_all(s.text(), name, qualifier, config.dump())
            .run();
    });
}

bool lambda_store::delete_invoke_config(const scope_key& s, const std::string& name,
                                        const std::string& qualifier) {
    return write([&](database& db) {
        db.prepare("DELETE FROM invoke_configs WHERE scope=? AND name=? AND qualifier=?")
            .bind_all(s.text(), name, qualifier)
            .run();
        return db.changes() > 0;
    });
}

std::vector<json> lambda_store::list_invoke_configs(const scope_key& s, const std::string& name) {
    return db_.read([&](database& db) {
        auto& st = db.prepare(
            "SELECT config FROM invoke_configs WHERE scope=? AND name=? ORDER BY qualifier");
        st.bind_all(s.text(), name);
        return json_rows(st);
    });
}

void lambda_store::put_mapping(const scope_key& s, const std::string& uuid,
                               const std::string& function_name, const json& config) {
    write([&](database& db) {
        db.prepare("INSERT OR REPLACE INTO mappings(uuid, scope, function_name, config) VALUES(?, "
                   "?, ?, ?)")
            .bind_all(uuid, s.text(), function_name, config.dump())
            .run();
    });
    mappings_changed();
}

std::optional<json> lambda_store::get_mapping(const scope_key& s, const std::string& uuid) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT config FROM mappings WHERE scope=? AND uuid=?");
        st.bind_all(s.text(), uuid);
        return json_row(st);
    });
}

std::vector<json> lambda_store::list_mappings(const scope_key& s) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT config FROM mappings WHERE scope=? ORDER BY uuid");
        st.bind_all(s.text());
        return json_rows(st);
    });
}

bool lambda_store::delete_mapping(const scope_key& s, const std::string& uuid) {
    bool deleted = write([&](database& db) {
        db.prepare("DELETE FROM mappings WHERE scope=? AND uuid=?").bind_all(s.text(), uuid).run();
        if (db.changes() == 0) {
            return false;
        }
        db.prepare("DELETE FROM mapping_checkpoints WHERE uuid=?").bind_all(uuid).run();
        return true;
    });
    if (deleted) {
        mappings_changed();
    }
    return deleted;
}

std::vector<json> lambda_store::all_mappings() {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT config FROM mappings ORDER BY uuid");
        return json_rows(st);
    });
}

std::int64_t lambda_store::enqueue(const async_item& item) {
    return write([&](database& db) {
        db.prepare("INSERT INTO async_queue(account, region, function_name, qualifier, "
                   "request_id, payload, attempts, enqueued_ms, next_ms) VALUES(?, ?, ?, ?, ?, ?, "
                   "?, ?, ?)")
            .bind_all(item.account, item.region, item.function_name, item.qualifier,
                      item.request_id)
            .bind_blob(6, item.payload)
            .bind(7, std::int64_t{item.attempts})
            .bind(8, item.enqueued_ms)
            .bind(9, item.next_ms)
            .run();
        auto& id = db.prepare("SELECT last_insert_rowid()");
        id.step();
        return id.column_int64(0);
    });
}

std::vector<async_item> lambda_store::due(std::int64_t now_ms, int limit) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT id, account, region, function_name, qualifier, request_id, "
                              "payload, attempts, enqueued_ms, next_ms FROM async_queue WHERE "
                              "next_ms <= ? ORDER BY next_ms, id LIMIT ?");
        st.bind_all(now_ms, std::int64_t{limit});
        std::vector<async_item> out;
        while (st.step()) {
            async_item a;
            a.id = st.column_int64(0);
            a.account = st.column_text(1);
            a.region = st.column_text(2);
            a.function_name = st.column_text(3);
            a.qualifier = st.column_text(4);
            a.request_id = st.column_text(5);
            a.payload = st.column_blob(6);
            a.attempts = static_cast<int>(st.column_int64(7));
            a.enqueued_ms = st.column_int64(8);
            a.next_ms = st.column_int64(9);
            out.push_back(std::move(a));
        }
        return out;
    });
}

void lambda_store::reschedule(std::int64_t id, int attempts, std::int64_t next_ms) {
    write([&](database& db) {
        db.prepare("UPDATE async_queue SET attempts=?, next_ms=? WHERE id=?")
            .bind_all(std::int64_t{attempts}, next_ms, id)
            .run();
    });
}

void lambda_store::remove(std::int64_t id) {
    write(
        [&](database& db) { db.prepare("DELETE FROM async_queue WHERE id=?").bind_all(id).run(); });
}

std::int64_t lambda_store::count_due(std::int64_t now_ms) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT COUNT(*) FROM async_queue WHERE next_ms <= ?");
        st.bind_all(now_ms);
        st.step();
        return st.column_int64(0);
    });
}

std::int64_t lambda_store::count_queued() {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT COUNT(*) FROM async_queue");
        st.step();
        return st.column_int64(0);
    });
}

void lambda_store::reset() {
    write([](database& db) {
        for (const char* table : {"versions", "settings", "aliases", "invoke_configs", "mappings",
                                  "mapping_checkpoints", "async_queue"}) {
            db.exec(std::string("DELETE FROM ") + table);
        }
    });
}

} // namespace cloudbox::services::lambda
