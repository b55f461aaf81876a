// CloudWatch Logs' SQL.
#include "logs/logs_store.hpp"

#include <algorithm>
#include <climits>

namespace cloudbox::services::logs {

using storage::database;

logs_store::logs_store(const std::string& path) : db_(path) {
    db_.write([](database& db) {
        db.exec("CREATE TABLE IF NOT EXISTS groups(scope TEXT NOT NULL, name TEXT NOT NULL, "
                "created_ms INTEGER NOT NULL, retention INTEGER, PRIMARY KEY(scope, name))");
        db.exec("CREATE TABLE IF NOT EXISTS streams(scope TEXT NOT NULL, grp TEXT NOT NULL, name "
                "TEXT NOT NULL, created_ms INTEGER NOT NULL, first_ms INTEGER, last_ms INTEGER, "
                "ingestion_ms INTEGER, bytes INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(scope, grp, "
                "name))");
        db.exec("CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY AUTOINCREMENT, scope "
                "TEXT NOT NULL, grp TEXT NOT NULL, stream TEXT NOT NULL, ts INTEGER NOT NULL, "
                "ingestion INTEGER NOT NULL, message TEXT NOT NULL)");
        db.exec("CREATE INDEX IF NOT EXISTS events_by_group ON events(scope, grp, ts, id)");
    });
}

bool logs_store::create_group(const std::string& scope, const std::string& name,
                              std::int64_t now_ms) {
    return db_.write([&](database& db) {
        db.prepare("INSERT OR IGNORE INTO groups(scope, name, created_ms) VALUES(?, ?, ?)")
            .bind_all(scope, name, now_ms)
            .run();
        return db.changes() > 0;
    });
}

std::optional<log_group_row> logs_store::get_group(const std::string& scope,
                                                   const std::string& name) {
    auto all = list_groups(scope, name);
    for (auto& g : all) {
        if (g.name == name) {
            return g;
        }
    }
    return std::nullopt;
}

std::vector<log_group_row> logs_store::list_groups(const std::string& scope,
                                                   const std::string& prefix) {
    return db_.read([&](database& db) {
        auto& st = db.prepare(
            "SELECT g.name, g.created_ms, g.retention, (SELECT COALESCE(SUM(bytes), 0) FROM "
            "streams s WHERE s.scope=g.scope AND s.grp=g.name) FROM groups g WHERE g.scope=? AND "
            "substr(g.name, 1, length(?))=? ORDER BY g.name");
        st.bind_all(scope, prefix, prefix);
        std::vector<log_group_row> out;
        while (st.step()) {
            log_group_row g;
            g.name = st.column_text(0);
            g.created_ms = st.column_int64(1);
            if (!st.column_is_null(2)) {
                g.retention_days = static_cast<int>(st.column_int64(2));
            }
            g.stored_bytes = st.column_int64(3);
            out.push_back(std::move(g));
        }
        return out;
    });
}

bool logs_store::delete_group(const std::string& scope, const std::string& name) {
    return db_.write([&](database& db) {
        db.prepare("DELETE FROM groups WHERE scope=? AND name=?").bind_all(scope, name).run();
        bool existed = db.changes() > 0;
        db.prepare("DELETE FROM streams WHERE scope=? AND grp=?").bind_all(scope, name).run();
        db.prepare("DELETE FROM events WHERE scope=? AND grp=?").bind_all(scope, name).run();
        return existed;
    });
}

void logs_store::set_retention(const std::string& scope, const std::string& name,
                               std::optional<int> days) {
    db_.write([&](database& db) {
        auto& st = db.prepare("UPDATE groups SET retention=? WHERE scope=? AND name=?");
        if (days) {
            st.bind(1, std::int64_t{*days});
        } else {
            st.bind_null(1);
        }
        st.bind(2, scope).bind(3, name).run();
    });
}

bool logs_store::create_stream(const std::string& scope, const std::string& group,
                               const std::string& name, std::int64_t now_ms) {
    return db_.write([&](database& db) {
        db.prepare("INSERT OR IGNORE INTO streams(scope, grp, name, created_ms) VALUES(?, ?, ?, ?)")
            .bind_all(scope, group, name, now_ms)
            .run();
        return db.changes() > 0;
    });
}

std::optional<log_stream_row> logs_store::get_stream(const std::string& scope,
                                                     const std::string& group,
                                                     const std::string& name) {
    for (auto& s : list_streams(scope, group, name)) {
        if (s.name == name) {
            return s;
        }
    }
    return std::nullopt;
}

std::vector<log_stream_row> logs_store::list_streams(const std::string& scope,
                                                     const std::string& group,
                                                     const std::string& prefix) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT name, created_ms, first_ms, last_ms, ingestion_ms, bytes "
                              "FROM streams WHERE scope=? AND grp=? AND substr(name, 1, "
                              "length(?))=? ORDER BY name");
        st.bind_all(scope, group, prefix, prefix);
        std::vector<log_stream_row> out;
        while (st.step()) {
            log_stream_row s;
            s.name = st.column_text(0);
            s.created_ms = st.column_int64(1);
            if (!st.column_is_null(2)) {
                s.first_event_ms = st.column_int64(2);
                s.last_event_ms = st.column_int64(3);
                s.last_ingestion_ms = st.column_int64(4);
            }
            s.stored_bytes = st.column_int64(5);
            out.push_back(std::move(s));
        }
        return out;
    });
}

bool logs_store::delete_stream(const std::string& scope, const std::string& group,
                               const std::string& name) {
    return db_.write([&](database& db) {
        db.prepare("DELETE FROM streams WHERE scope=? AND grp=? AND name=?")
            .bind_all(scope, group, name)
            .run();
        bool existed = db.changes() > 0;
        db.prepare("DELETE FROM events WHERE scope=? AND grp=? AND stream=?")
            .bind_all(scope, group, name)
            .run();
        return existed;
    });
}

namespace {

// One stream's events, inside the caller's write transaction.
void append_in(database& db, const std::string& scope, const std::string& group,
               const std::string& stream,
               const std::vector<std::pair<std::int64_t, std::string>>& events, std::int64_t now_ms,
               bool create_missing) {
    if (events.empty()) {
        return;
    }
    if (create_missing) {
        db.prepare("INSERT OR IGNORE INTO groups(scope, name, created_ms) VALUES(?, ?, ?)")
            .bind_all(scope, group, now_ms)
            .run();
        db.prepare("INSERT OR IGNORE INTO streams(scope, grp, name, created_ms) VALUES(?, ?, ?, ?)")
            .bind_all(scope, group, stream, now_ms)
            .run();
    }
    std::int64_t first = events.front().first;
    std::int64_t last = events.front().first;
    std::int64_t bytes = 0;
    auto& insert = db.prepare("INSERT INTO events(scope, grp, stream, ts, ingestion, message) "
                              "VALUES(?, ?, ?, ?, ?, ?)");
    for (const auto& [ts, message] : events) {
        insert.reset();
        insert.bind_all(scope, group, stream, ts, now_ms, message);
        insert.run();
        first = std::min(first, ts);
        last = std::max(last, ts);
        bytes += static_cast<std::int64_t>(message.size());
    }
    db.prepare("UPDATE streams SET first_ms=MIN(COALESCE(first_ms, ?), ?), "
               "last_ms=MAX(COALESCE(last_ms, ?), ?), ingestion_ms=?, bytes=bytes+? WHERE "
               "scope=? AND grp=? AND name=?")
        .bind_all(first, first, last, last, now_ms, bytes, scope, group, stream)
        .run();
}

} // namespace

void logs_store::append(const std::string& scope, const std::string& group,
                        const std::string& stream,
                        const std::vector<std::pair<std::int64_t, std::string>>& events,
                        std::int64_t now_ms) {
    if (!events.empty()) {
        db_.write(
            [&](database& db) { append_in(db, scope, group, stream, events, now_ms, false); });
    }
}

void logs_store::append_all(const std::vector<stream_events>& appends, std::int64_t now_ms) {
    if (appends.empty()) {
        return;
    }
    db_.write([&](database& db) {
        for (const auto& a : appends) {
            append_in(db, a.scope, a.group, a.stream, a.events, now_ms, true);
        }
    });
}

std::vector<log_event_row> logs_store::events(const std::string& scope, const event_query& q) {
    return db_.read([&](database& db) {
        std::string sql = "SELECT id, stream, ts, ingestion, message FROM events WHERE scope=? "
                          "AND grp=? AND ts >= ? AND ts < ? AND substr(stream, 1, length(?))=?";
        if (q.after) {
            sql += q.descending ? " AND (ts < ? OR (ts = ? AND id < ?))"
                                : " AND (ts > ? OR (ts = ? AND id > ?))";
        }
        sql += q.descending ? " ORDER BY ts DESC, id DESC" : " ORDER BY ts, id";
        auto& st = db.prepare(sql);
        st.bind_all(scope, q.group, q.start_ms.value_or(INT64_MIN), q.end_ms.value_or(INT64_MAX),
                    q.stream_prefix, q.stream_prefix);
        if (q.after) {
            st.bind(7, q.after->first).bind(8, q.after->first).bind(9, q.after->second);
        }
        std::vector<log_event_row> out;
        while (st.step() && static_cast<int>(out.size()) < q.limit) {
            log_event_row e;
            e.id = st.column_int64(0);
            e.stream = st.column_text(1);
            if (!q.streams.empty() &&
                std::find(q.streams.begin(), q.streams.end(), e.stream) == q.streams.end()) {
                continue;
            }
            e.timestamp = st.column_int64(2);
            e.ingestion = st.column_int64(3);
            e.message = st.column_text(4);
            out.push_back(std::move(e));
        }
        return out;
    });
}

void logs_store::reset() {
    db_.write([](database& db) {
        db.exec("DELETE FROM groups");
        db.exec("DELETE FROM streams");
        db.exec("DELETE FROM events");
    });
}

} // namespace cloudbox::services::logs
