// The only SQL of the DynamoDB service (see dynamodb_store.hpp for the layout).
#include "dynamodb/dynamodb_store.hpp"

#include <mutex>

namespace cloudbox::services::dynamodb {

using nlohmann::json;
using storage::database;
using storage::statement;

namespace {

constexpr int schema_version = 1;

std::string cache_key(const std::string& account, const std::string& region,
                      const std::string& name) {
    return account + '/' + region + '/' + name;
}

json key_json(const key_attribute& k) {
    return json{{"name", k.name}, {"type", k.type}};
}
key_attribute key_from(const json& j) {
    return {j.at("name").get<std::string>(), j.at("type").get<std::string>()};
}

} // namespace

const index_info* table_info::find_index(const std::string& index_name) const {
    for (const auto& i : indexes) {
        if (i.name == index_name) {
            return &i;
        }
    }
    return nullptr;
}

json table_to_json(const table_info& t) {
    json indexes = json::array();
    for (const auto& i : t.indexes) {
        json j{{"name", i.name},
               {"global", i.global},
               {"hash", key_json(i.hash)},
               {"projection_type", i.projection_type},
               {"non_key", i.non_key_attributes}};
        if (i.range) {
            j["range"] = key_json(*i.range);
        }
        indexes.push_back(std::move(j));
    }
    json j{{"hash", key_json(t.hash)}, {"indexes", indexes}, {"meta", t.meta}};
    if (t.range) {
        j["range"] = key_json(*t.range);
    }
    return j;
}

table_info table_from_json(const json& j) {
    table_info t;
    t.hash = key_from(j.at("hash"));
    if (j.contains("range")) {
        t.range = key_from(j["range"]);
    }
    for (const auto& ij : j.at("indexes")) {
        index_info i;
        i.name = ij.at("name").get<std::string>();
        i.global = ij.at("global").get<bool>();
        i.hash = key_from(ij.at("hash"));
        if (ij.contains("range")) {
            i.range = key_from(ij["range"]);
        }
        i.projection_type = ij.at("projection_type").get<std::string>();
        i.non_key_attributes = ij.at("non_key").get<std::vector<std::string>>();
        t.indexes.push_back(std::move(i));
    }
    t.meta = j.at("meta");
    return t;
}

dynamodb_store::dynamodb_store(const std::string& db_path) : db_(db_path, 8192) {
    migrate();
    load_tables();
}

void dynamodb_store::migrate() {
    db_.write([](database& db) {
        if (db.user_version() >= schema_version) {
            return;
        }
        db.exec(R"sql(
            CREATE TABLE IF NOT EXISTS tables(
                id INTEGER PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL,
                name TEXT NOT NULL, definition TEXT NOT NULL, UNIQUE(account, region, name));
            CREATE TABLE IF NOT EXISTS items(
                table_id INTEGER NOT NULL, pk BLOB NOT NULL, sk BLOB NOT NULL,
                item TEXT NOT NULL, size INTEGER NOT NULL,
                PRIMARY KEY(table_id, pk, sk)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS index_entries(
                table_id INTEGER NOT NULL, index_name TEXT NOT NULL, ipk BLOB NOT NULL,
                isk BLOB NOT NULL, pk BLOB NOT NULL, sk BLOB NOT NULL,
                PRIMARY KEY(table_id, index_name, ipk, isk, pk, sk)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS index_entries_by_item
                ON index_entries(table_id, pk, sk);
            CREATE TABLE IF NOT EXISTS stream_records(
                sequence INTEGER PRIMARY KEY AUTOINCREMENT, table_id INTEGER NOT NULL,
                created_ms INTEGER NOT NULL, record TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS stream_records_by_table
                ON stream_records(table_id, sequence);
            CREATE TABLE IF NOT EXISTS tx_tokens(
                account TEXT NOT NULL, token TEXT NOT NULL, request_hash TEXT NOT NULL,
                response TEXT NOT NULL, created_ms INTEGER NOT NULL,
                PRIMARY KEY(account, token)) WITHOUT ROWID;
        )sql");
        db.set_user_version(schema_version);
    });
}

void dynamodb_store::load_tables() {
    std::map<std::string, table_ptr> loaded;
    db_.read([&](database& db) {
        auto& st = db.prepare("SELECT id, account, region, name, definition FROM tables");
        while (st.step()) {
            auto t = std::make_shared<table_info>(table_from_json(json::parse(st.column_view(4))));
            t->id = st.column_int64(0);
            t->account = st.column_text(1);
            t->region = st.column_text(2);
            t->name = st.column_text(3);
            loaded[cache_key(t->account, t->region, t->name)] = t;
        }
    });
    std::unique_lock lock(tables_mutex_);
    tables_ = std::move(loaded);
}

table_ptr dynamodb_store::find_table(const std::string& account, const std::string& region,
                                     const std::string& name) const {
    std::shared_lock lock(tables_mutex_);
    auto it = tables_.find(cache_key(account, region, name));
    return it == tables_.end() ? nullptr : it->second;
}

bool dynamodb_store::create_table(table_info& t) {
    std::unique_lock lock(tables_mutex_);
    auto key = cache_key(t.account, t.region, t.name);
    if (tables_.count(key) != 0) {
        return false;
    }
    t.id = db_.write([&](database& db) {
        db.prepare("INSERT INTO tables(account, region, name, definition) VALUES(?,?,?,?)")
            .bind_all(t.account, t.region, t.name, table_to_json(t).dump())
            .run();
        auto& st = db.prepare("SELECT last_insert_rowid()");
        st.step();
        return st.column_int64(0);
    });
    tables_[key] = std::make_shared<table_info>(t);
    return true;
}

void dynamodb_store::update_table(const table_info& t) {
    std::unique_lock lock(tables_mutex_);
    db_.write([&](database& db) {
        db.prepare("UPDATE tables SET definition = ? WHERE id = ?")
            .bind_all(table_to_json(t).dump(), t.id)
            .run();
    });
    tables_[cache_key(t.account, t.region, t.name)] = std::make_shared<table_info>(t);
}

void dynamodb_store::delete_table(const table_info& t) {
    std::unique_lock lock(tables_mutex_);
    db_.write([&](database& db) {
        db.prepare("DELETE FROM tables WHERE id = ?").bind(1, t.id).run();
        db.prepare("DELETE FROM items WHERE table_id = ?").bind(1, t.id).run();
        db.prepare("DELETE FROM index_entries WHERE table_id = ?").bind(1, t.id).run();
    });
    tables_.erase(cache_key(t.account, t.region, t.name));
}

std::vector<std::string> dynamodb_store::list_tables(const std::string& account,
                                                     const std::string& region) const {
    std::shared_lock lock(tables_mutex_);
    std::vector<std::string> names;
    auto prefix = account + '/' + region + '/';
    for (auto it = tables_.lower_bound(prefix); it != tables_.end(); ++it) {
        if (!it->first.starts_with(prefix)) {
            break;
        }
        names.push_back(it->second->name);
    }
    return names;
}

std::vector<table_ptr> dynamodb_store::all_tables() const {
    std::shared_lock lock(tables_mutex_);
    std::vector<table_ptr> out;
    for (const auto& [_, t] : tables_) {
        out.push_back(t);
    }
    return out;
}

table_stats dynamodb_store::stats(const table_info& t) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM items WHERE "
                              "table_id = ?");
        st.bind(1, t.id);
        st.step();
        return table_stats{st.column_int64(0), st.column_int64(1)};
    });
}

table_stats dynamodb_store::index_stats(const table_info& t, const std::string& index) {
    return db_.read([&](database& db) {
        auto& st = db.prepare(
            "SELECT COUNT(*), COALESCE(SUM(i.size), 0) FROM index_entries e JOIN items i ON "
            "i.table_id = e.table_id AND i.pk = e.pk AND i.sk = e.sk "
            "WHERE e.table_id = ? AND e.index_name = ?");
        st.bind(1, t.id).bind(2, index);
        st.step();
        return table_stats{st.column_int64(0), st.column_int64(1)};
    });
}

void dynamodb_store::rebuild_index(
    const table_info& t, const index_info& index,
    const std::function<std::optional<index_key>(const std::string&)>& key_of) {
    db_.write([&](database& db) {
        db.prepare("DELETE FROM index_entries WHERE table_id = ? AND index_name = ?")
            .bind(1, t.id)
            .bind(2, index.name)
            .run();
        std::vector<std::pair<item_row, index_key>> entries;
        auto& st = db.prepare("SELECT pk, sk, item FROM items WHERE table_id = ?");
        st.bind(1, t.id);
        while (st.step()) {
            if (auto k = key_of(st.column_text(2))) {
                entries.push_back({{st.column_blob(0), st.column_blob(1), {}}, *k});
            }
        }
        st.reset();
        auto& ins = db.prepare("INSERT OR REPLACE INTO index_entries VALUES(?,?,?,?,?,?)");
        for (const auto& [row, k] : entries) {
            ins.reset();
            ins.bind(1, t.id).bind(2, index.name);
            ins.bind_blob(3, k.pk).bind_blob(4, k.sk).bind_blob(5, row.pk).bind_blob(6, row.sk);
            ins.run();
        }
    });
}

void dynamodb_store::drop_index(const table_info& t, const std::string& index) {
    db_.write([&](database& db) {
        db.prepare("DELETE FROM index_entries WHERE table_id = ? AND index_name = ?")
            .bind(1, t.id)
            .bind(2, index)
            .run();
    });
}

std::optional<std::string> dynamodb_store::get_item(const table_info& t, const std::string& pk,
                                                    const std::string& sk) {
    return read([&](item_txn& tx) { return tx.get(t, pk, sk); });
}

std::optional<std::string> item_txn::get(const table_info& t, const std::string& pk,
                                         const std::string& sk) {
    auto& st = db_.prepare("SELECT item FROM items WHERE table_id = ? AND pk = ? AND sk = ?");
    st.bind(1, t.id).bind_blob(2, pk).bind_blob(3, sk);
    if (!st.step()) {
        return std::nullopt;
    }
    return st.column_text(0);
}

void item_txn::put(const table_info& t, const std::string& pk, const std::string& sk,
                   const std::string& item, std::int64_t size, const std::vector<index_key>& keys) {
    auto& st = db_.prepare("INSERT OR REPLACE INTO items VALUES(?,?,?,?,?)");
    st.bind(1, t.id).bind_blob(2, pk).bind_blob(3, sk).bind(4, item).bind(5, size);
    st.run();
    if (!t.indexes.empty()) {
        delete_index_entries(t, pk, sk);
        write_index_entries(t, pk, sk, keys);
    }
}

void item_txn::remove(const table_info& t, const std::string& pk, const std::string& sk) {
    auto& st = db_.prepare("DELETE FROM items WHERE table_id = ? AND pk = ? AND sk = ?");
    st.bind(1, t.id).bind_blob(2, pk).bind_blob(3, sk);
    st.run();
    if (!t.indexes.empty()) {
        delete_index_entries(t, pk, sk);
    }
}

void item_txn::append_stream_record(const table_info& t, std::int64_t created_ms,
                                    const std::string& record) {
    db_.prepare("INSERT INTO stream_records(table_id, created_ms, record) VALUES(?,?,?)")
        .bind_all(t.id, created_ms, record)
        .run();
    if (streamed_ != nullptr) {
        *streamed_ = true;
    }
}

void item_txn::write_index_entries(const table_info& t, const std::string& pk,
                                   const std::string& sk, const std::vector<index_key>& keys) {
    auto& st = db_.prepare("INSERT OR REPLACE INTO index_entries VALUES(?,?,?,?,?,?)");
    for (const auto& k : keys) {
        st.reset();
        st.bind(1, t.id).bind(2, k.index);
        st.bind_blob(3, k.pk).bind_blob(4, k.sk).bind_blob(5, pk).bind_blob(6, sk);
        st.run();
    }
}

void item_txn::delete_index_entries(const table_info& t, const std::string& pk,
                                    const std::string& sk) {
    auto& st = db_.prepare("DELETE FROM index_entries WHERE table_id = ? AND pk = ? AND sk = ?");
    st.bind(1, t.id).bind_blob(2, pk).bind_blob(3, sk);
    st.run();
}

void dynamodb_store::reset() {
    std::unique_lock lock(tables_mutex_);
    db_.write([](database& db) {
        db.exec("DELETE FROM tables; DELETE FROM items; DELETE FROM index_entries; "
                "DELETE FROM stream_records; DELETE FROM tx_tokens;");
    });
    tables_.clear();
}

} // namespace cloudbox::services::dynamodb
