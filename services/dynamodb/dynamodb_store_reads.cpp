// The read paths of the DynamoDB store: ordered range scans for Query and Scan (table and
// index), stream records, and transaction tokens.
#include "dynamodb/dynamodb_store.hpp"

namespace cloudbox::services::dynamodb {

using storage::database;
using storage::statement;

namespace {

// "sk >= ?3 AND sk < ?4"-style bounds for a column.
std::string range_sql(const std::string& column, const sort_range& r, int first_param) {
    std::string sql;
    int p = first_param;
    if (r.lower) {
        sql += " AND " + column + (r.lower_open ? " > ?" : " >= ?") + std::to_string(p);
    }
    ++p;
    if (r.upper) {
        sql += " AND " + column + (r.upper_open ? " < ?" : " <= ?") + std::to_string(p);
    }
    return sql;
}

void bind_range(statement& st, const sort_range& r, int first_param) {
    if (r.lower) {
        st.bind_blob(first_param, *r.lower);
    }
    if (r.upper) {
        st.bind_blob(first_param + 1, *r.upper);
    }
}

} // namespace

void dynamodb_store::query(const table_info& t, const std::string& pk, const sort_range& range,
                           bool forward, const std::optional<std::string>& after_sk,
                           const std::function<bool(const item_row&)>& fn) {
    std::string sql = "SELECT sk, item, size FROM items WHERE table_id = ?1 AND pk = ?2" +
                      range_sql("sk", range, 3);
    if (after_sk) {
        sql += forward ? " AND sk > ?5" : " AND sk < ?5";
    }
    sql += forward ? " ORDER BY sk ASC" : " ORDER BY sk DESC";
    db_.read([&](database& db) {
        auto& st = db.prepare(sql);
        st.bind(1, t.id).bind_blob(2, pk);
        bind_range(st, range, 3);
        if (after_sk) {
            st.bind_blob(5, *after_sk);
        }
        while (st.step()) {
            if (!fn(item_row{pk, st.column_blob(0), st.column_text(1), st.column_int64(2)})) {
                break;
            }
        }
    });
}

void dynamodb_store::query_index(const table_info& t, const std::string& index,
                                 const std::string& ipk, const sort_range& range, bool forward,
                                 const std::optional<index_position>& after,
                                 const std::function<bool(const index_key&, const item_row&)>& fn) {
    std::string sql = "SELECT e.isk, e.pk, e.sk, i.item FROM index_entries e JOIN items i ON "
                      "i.table_id = e.table_id AND i.pk = e.pk AND i.sk = e.sk "
                      "WHERE e.table_id = ?1 AND e.index_name = ?6 AND e.ipk = ?2" +
                      range_sql("e.isk", range, 3);
    if (after) {
        sql += forward ? " AND (e.isk, e.pk, e.sk) > (?5, ?7, ?8)"
                       : " AND (e.isk, e.pk, e.sk) < (?5, ?7, ?8)";
    }
    sql += forward ? " ORDER BY e.isk ASC, e.pk ASC, e.sk ASC"
                   : " ORDER BY e.isk DESC, e.pk DESC, e.sk DESC";
    db_.read([&](database& db) {
        auto& st = db.prepare(sql);
        st.bind(1, t.id).bind_blob(2, ipk).bind(6, index);
        bind_range(st, range, 3);
        if (after) {
            st.bind_blob(5, after->isk).bind_blob(7, after->pk).bind_blob(8, after->sk);
        }
        while (st.step()) {
            index_key k{index, ipk, st.column_blob(0)};
            if (!fn(k, item_row{st.column_blob(1), st.column_blob(2), st.column_text(3)})) {
                break;
            }
        }
    });
}

void dynamodb_store::scan(const table_info& t,
                          const std::optional<std::pair<std::string, std::string>>& after,
                          const std::function<bool(const item_row&)>& fn) {
    std::string sql = "SELECT pk, sk, item, size FROM items WHERE table_id = ?1";
    if (after) {
        sql += " AND (pk, sk) > (?2, ?3)";
    }
    sql += " ORDER BY pk, sk";
    db_.read([&](database& db) {
        auto& st = db.prepare(sql);
        st.bind(1, t.id);
        if (after) {
            st.bind_blob(2, after->first).bind_blob(3, after->second);
        }
        while (st.step()) {
            if (!fn(item_row{st.column_blob(0), st.column_blob(1), st.column_text(2),
                             st.column_int64(3)})) {
                break;
            }
        }
    });
}

void dynamodb_store::scan_index(const table_info& t, const std::string& index,
                                const std::optional<index_position>& after,
                                const std::function<bool(const index_key&, const item_row&)>& fn) {
    std::string sql = "SELECT e.ipk, e.isk, e.pk, e.sk, i.item FROM index_entries e JOIN items i "
                      "ON i.table_id = e.table_id AND i.pk = e.pk AND i.sk = e.sk "
                      "WHERE e.table_id = ?1 AND e.index_name = ?2";
    if (after) {
        sql += " AND (e.ipk, e.isk, e.pk, e.sk) > (?3, ?4, ?5, ?6)";
    }
    sql += " ORDER BY e.ipk, e.isk, e.pk, e.sk";
    db_.read([&](database& db) {
        auto& st = db.prepare(sql);
        st.bind(1, t.id).bind(2, index);
        if (after) {
            st.bind_blob(3, after->ipk).bind_blob(4, after->isk);
            st.bind_blob(5, after->pk).bind_blob(6, after->sk);
        }
        while (st.step()) {
            index_key k{index, st.column_blob(0), st.column_blob(1)};
            if (!fn(k, item_row{st.column_blob(2), st.column_blob(3), st.column_text(4)})) {
                break;
            }
        }
    });
}

std::vector<stream_record_row>
dynamodb_store::stream_records(std::int64_t table_id, std::int64_t after_seq, std::size_t limit) {
    return db_.read([&](database& db) {
        std::vector<stream_record_row> out;
        auto& st = db.prepare("SELECT sequence, created_ms, record FROM stream_records WHERE "
                              "table_id = ? AND sequence > ? ORDER BY sequence LIMIT ?");
        st.bind(1, table_id).bind(2, after_seq).bind(3, static_cast<std::int64_t>(limit));
        while (st.step()) {
            out.push_back({st.column_int64(0), st.column_int64(1), st.column_text(2)});
        }
        return out;
    });
}

std::int64_t dynamodb_store::last_stream_sequence(std::int64_t table_id) {
    return db_.read([&](database& db) {
        auto& st =
            db.prepare("SELECT COALESCE(MAX(sequence), 0) FROM stream_records WHERE table_id = ?");
        st.bind(1, table_id);
        st.step();
        return st.column_int64(0);
    });
}

std::int64_t dynamodb_store::first_stream_sequence(std::int64_t table_id) {
    return db_.read([&](database& db) {
        auto& st =
            db.prepare("SELECT COALESCE(MIN(sequence), 0) FROM stream_records WHERE table_id = ?");
        st.bind(1, table_id);
        st.step();
        return st.column_int64(0);
    });
}

void dynamodb_store::trim_stream_records(std::int64_t before_ms) {
    db_.write([&](database& db) {
        db.prepare("DELETE FROM stream_records WHERE created_ms < ?").bind(1, before_ms).run();
    });
}

std::optional<std::pair<std::string, std::string>>
dynamodb_store::find_token(const std::string& account, const std::string& token,
                           std::int64_t since_ms) {
    return db_.read([&](database& db) -> std::optional<std::pair<std::string, std::string>> {
        auto& st = db.prepare("SELECT request_hash, response FROM tx_tokens WHERE account = ? "
                              "AND token = ? AND created_ms >= ?");
        st.bind(1, account).bind(2, token).bind(3, since_ms);
        if (!st.step()) {
            return std::nullopt;
        }
        return std::make_pair(st.column_text(0), st.column_text(1));
    });
}

void dynamodb_store::save_token(const std::string& account, const std::string& token,
                                const std::string& request_hash, const std::string& response,
                                std::int64_t now_ms) {
    db_.write([&](database& db) {
        db.prepare("INSERT OR REPLACE INTO tx_tokens VALUES(?,?,?,?,?)")
            .bind_all(account, token, request_hash, response, now_ms)
            .run();
    });
}

} // namespace cloudbox::services::dynamodb
