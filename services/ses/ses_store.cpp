// The only SQL of SES. Address lists are stored as JSON arrays.
#include "ses/ses_store.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::services::ses {

using nlohmann::json;
using storage::database;
using storage::statement;

namespace {

constexpr int schema_version = 1;

constexpr const char* message_columns =
    "id, account, region, api, operation, source, to_json, cc_json, bcc_json, reply_to_json, "
    "subject, text_part, html_part, raw, template_name, template_data, timestamp_ms, eml_file, "
    "size";

std::string list_json(const std::vector<std::string>& v) {
    return json(v).dump();
}
std::vector<std::string> list_from(std::string_view text) {
    return json::parse(text).get<std::vector<std::string>>();
}

message_record read_message(const statement& st) {
    message_record m;
    m.id = st.column_text(0);
    m.account = st.column_text(1);
    m.region = st.column_text(2);
    m.api = st.column_text(3);
    m.operation = st.column_text(4);
    m.source = st.column_text(5);
    m.to = list_from(st.column_view(6));
    m.cc = list_from(st.column_view(7));
    m.bcc = list_from(st.column_view(8));
    m.reply_to = list_from(st.column_view(9));
    m.subject = st.column_text(10);
    m.text = st.column_optional(11);
    m.html = st.column_optional(12);
    m.raw = st.column_int64(13) != 0;
    m.template_name = st.column_optional(14);
    m.template_data = st.column_optional(15);
    m.timestamp_ms = st.column_int64(16);
    m.eml_file = st.column_text(17);
    m.size = st.column_int64(18);
    return m;
}

template_record read_template(const statement& st) {
    return {st.column_text(0), st.column_optional(1), st.column_optional(2), st.column_optional(3),
            st.column_int64(4)};
}

} // namespace

ses_store::ses_store(const std::string& db_path) : db_(db_path) {
    migrate();
}

void ses_store::migrate() {
    db_.write([](database& db) {
        if (db.user_version() >= schema_version) {
            return;
        }
        db.exec(R"sql(
            CREATE TABLE IF NOT EXISTS identities(
                account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL,
                type TEXT NOT NULL, token TEXT NOT NULL, created_ms INTEGER NOT NULL,
                PRIMARY KEY(account, region, name)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS templates(
                account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL,
                subject TEXT, text_part TEXT, html_part TEXT, created_ms INTEGER NOT NULL,
                PRIMARY KEY(account, region, name)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS messages(
                seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
                account TEXT NOT NULL, region TEXT NOT NULL, api TEXT NOT NULL,
                operation TEXT NOT NULL, source TEXT NOT NULL, to_json TEXT NOT NULL,
                cc_json TEXT NOT NULL, bcc_json TEXT NOT NULL, reply_to_json TEXT NOT NULL,
                subject TEXT NOT NULL, text_part TEXT, html_part TEXT, raw INTEGER NOT NULL,
                template_name TEXT, template_data TEXT, timestamp_ms INTEGER NOT NULL,
                eml_file TEXT NOT NULL, size INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS send_stats(
                account TEXT NOT NULL, region TEXT NOT NULL, bucket_ms INTEGER NOT NULL,
                attempts INTEGER NOT NULL, PRIMARY KEY(account, region, bucket_ms)) WITHOUT ROWID;
        )sql");
        db.set_user_version(schema_version);
    });
}

bool ses_store::put_identity(const scope& s, const identity_record& i) {
    return db_.write([&](database& db) {
        db.prepare("INSERT OR IGNORE INTO identities(account, region, name, type, token, "
                   "created_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
            .bind_all(s.account, s.region, i.name, i.type, i.token, i.created_ms)
            .run();
        return db.changes() == 1;
    });
}

std::optional<identity_record> ses_store::get_identity(const scope& s, const std::string& name) {
    return db_.read([&](database& db) -> std::optional<identity_record> {
        auto& st = db.prepare("SELECT name, type, token, created_ms FROM identities WHERE "
                              "account=?1 AND region=?2 AND name=?3");
        st.bind_all(s.account, s.region, name);
        if (!st.step()) {
            return std::nullopt;
        }
        return identity_record{st.column_text(0), st.column_text(1), st.column_text(2),
                               st.column_int64(3)};
    });
}

std::vector<identity_record> ses_store::list_identities(const scope& s, const std::string& type,
                                                        const std::string& after, int limit) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT name, type, token, created_ms FROM identities WHERE "
                              "account=?1 AND region=?2 AND (?3='' OR type=?3) AND name>?4 "
                              "ORDER BY name LIMIT ?5");
        st.bind_all(s.account, s.region, type, after, limit + 1);
        std::vector<identity_record> out;
        while (st.step()) {
            out.push_back(
                {st.column_text(0), st.column_text(1), st.column_text(2), st.column_int64(3)});
        }
        return out;
    });
}

bool ses_store::delete_identity(const scope& s, const std::string& name) {
    return db_.write([&](database& db) {
        db.prepare("DELETE FROM identities WHERE account=?1 AND region=?2 AND name=?3")
            .bind_all(s.account, s.region, name)
            .run();
        return db.changes() == 1;
    });
}

bool ses_store::create_template(const scope& s, const template_record& t) {
    return db_.write([&](database& db) {
        auto& st = db.prepare("INSERT OR IGNORE INTO templates(account, region, name, subject, "
                              "text_part, html_part, created_ms) VALUES(?1,?2,?3,?4,?5,?6,?7)");
        st.bind_all(s.account, s.region, t.name, t.subject, t.text, t.html, t.created_ms).run();
        return db.changes() == 1;
    });
}

bool ses_store::update_template(const scope& s, const template_record& t) {
    return db_.write([&](database& db) {
        auto& st = db.prepare("UPDATE templates SET subject=?4, text_part=?5, html_part=?6 WHERE "
                              "account=?1 AND region=?2 AND name=?3");
        st.bind_all(s.account, s.region, t.name, t.subject, t.text, t.html).run();
        return db.changes() == 1;
    });
}

std::optional<template_record> ses_store::get_template(const scope& s, const std::string& name) {
    return db_.read([&](database& db) -> std::optional<template_record> {
        auto& st = db.prepare("SELECT name, subject, text_part, html_part, created_ms FROM "
                              "templates WHERE account=?1 AND region=?2 AND name=?3");
        st.bind_all(s.account, s.region, name);
        if (!st.step()) {
            return std::nullopt;
        }
        return read_template(st);
    });
}

std::vector<template_record> ses_store::list_templates(const scope& s, const std::string& after,
                                                       int limit) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT name, subject, text_part, html_part, created_ms FROM "
                              "templates WHERE account=?1 AND region=?2 AND name>?3 ORDER BY "
                              "name LIMIT ?4");
        st.bind_all(s.account, s.region, after, limit + 1);
        std::vector<template_record> out;
        while (st.step()) {
            out.push_back(read_template(st));
        }
        return out;
    });
}

bool ses_store::delete_template(const scope& s, const std::string& name) {
    return db_.write([&](database& db) {
        db.prepare("DELETE FROM templates WHERE account=?1 AND region=?2 AND name=?3")
            .bind_all(s.account, s.region, name)
            .run();
        return db.changes() == 1;
    });
}

void ses_store::add_message(const message_record& m, int recipients, std::int64_t stats_bucket_ms) {
    db_.write([&](database& db) {
        auto& st = db.prepare(std::string("INSERT INTO messages(") + message_columns +
                              ") VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,"
                              "?17,?18,?19)");
        st.bind_all(m.id, m.account, m.region, m.api, m.operation, m.source, list_json(m.to),
                    list_json(m.cc), list_json(m.bcc), list_json(m.reply_to), m.subject, m.text,
                    m.html);
        st.bind(14, m.raw ? 1 : 0).bind(15, m.template_name).bind(16, m.template_data);
        st.bind(17, m.timestamp_ms).bind(18, m.eml_file).bind(19, m.size);
        st.run();
        db.prepare("INSERT INTO send_stats(account, region, bucket_ms, attempts) "
                   "VALUES(?1, ?2, ?3, ?4) ON CONFLICT(account, region, bucket_ms) DO UPDATE "
                   "SET attempts = attempts + excluded.attempts")
            .bind_all(m.account, m.region, stats_bucket_ms, recipients)
            .run();
    });
}

std::vector<message_record> ses_store::messages(const std::optional<std::string>& id) {
    return db_.read([&](database& db) {
        auto& st = db.prepare(std::string("SELECT ") + message_columns +
                              " FROM messages WHERE (?1 IS NULL OR id=?1) ORDER BY seq");
        st.bind(1, id);
        std::vector<message_record> out;
        while (st.step()) {
            out.push_back(read_message(st));
        }
        return out;
    });
}

std::vector<std::string> ses_store::delete_messages(const std::optional<std::string>& id) {
    return db_.write([&](database& db) {
        std::vector<std::string> files;
        auto& sel = db.prepare("SELECT eml_file FROM messages WHERE (?1 IS NULL OR id=?1)");
        sel.bind(1, id);
        while (sel.step()) {
            files.push_back(sel.column_text(0));
        }
        sel.reset();
        db.prepare("DELETE FROM messages WHERE (?1 IS NULL OR id=?1)").bind(1, id).run();
        return files;
    });
}

std::vector<std::pair<std::int64_t, std::int64_t>> ses_store::send_stats(const scope& s,
                                                                         std::int64_t since_ms) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT bucket_ms, attempts FROM send_stats WHERE account=?1 AND "
                              "region=?2 AND bucket_ms>=?3 ORDER BY bucket_ms");
        st.bind_all(s.account, s.region, since_ms);
        std::vector<std::pair<std::int64_t, std::int64_t>> out;
        while (st.step()) {
            out.emplace_back(st.column_int64(0), st.column_int64(1));
        }
        return out;
    });
}

void ses_store::reset() {
    db_.write([](database& db) {
        db.exec("DELETE FROM identities; DELETE FROM templates; DELETE FROM messages; "
                "DELETE FROM send_stats;");
    });
}

} // namespace cloudbox::services::ses
