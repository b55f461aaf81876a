// The only SQL of the SQS service.
#include "sqs/sqs_store.hpp"

namespace cloudbox::services::sqs {

using nlohmann::json;
using storage::database;
using storage::statement;

namespace {

constexpr int schema_version = 1;

constexpr const char* message_columns =
    "account, queue, seq, id, body, attributes, system_attributes, md5_body, md5_attributes, "
    "md5_system_attributes, sender_id, sent_ms, visible_at_ms, first_receive_ms, receive_count, "
    "in_flight, receipt_handle, group_id, dedup_id, sequence_number, dead_letter_source_arn";

void insert_message(database& db, const queue_record& q, const message_record& m) {
    auto& st = db.prepare(std::string("INSERT OR REPLACE INTO messages(") + message_columns +
                          ") VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,"
                          "?18,?19,?20,?21)");
    st.bind(1, q.account).bind(2, q.name).bind(3, m.seq).bind(4, m.id).bind_blob(5, m.body);
    st.bind(6, m.attributes.dump()).bind(7, m.system_attributes.dump());
    st.bind(8, m.md5_body).bind(9, m.md5_attributes).bind(10, m.md5_system_attributes);
    st.bind(11, m.sender_id).bind(12, m.sent_ms).bind(13, m.visible_at_ms);
    st.bind(14, m.first_receive_ms).bind(15, m.receive_count).bind(16, m.in_flight ? 1 : 0);
    st.bind(17, m.receipt_handle).bind(18, m.group_id).bind(19, m.dedup_id);
    st.bind(20, m.sequence_number).bind(21, m.dead_letter_source_arn);
    st.run();
}

void save_queue(database& db, const queue_record& q) {
    auto& st = db.prepare("INSERT OR REPLACE INTO queues(account, name, attributes, tags, "
                          "permissions, created_s, modified_s, next_seq, last_purge_ms) "
                          "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    st.bind(1, q.account).bind(2, q.name).bind(3, json(q.attributes).dump());
    st.bind(4, json(q.tags).dump()).bind(5, q.permissions.dump()).bind(6, q.created_s);
    st.bind(7, q.modified_s).bind(8, q.next_seq).bind(9, q.last_purge_ms);
    st.run();
}

void delete_seqs(database& db, const queue_record& q, const std::vector<std::int64_t>& seqs) {
    auto& st = db.prepare("DELETE FROM messages WHERE account=?1 AND queue=?2 AND seq=?3");
    for (auto seq : seqs) {
        st.reset();
        st.bind(1, q.account).bind(2, q.name).bind(3, seq);
        st.run();
    }
}

} // namespace

sqs_store::sqs_store(const std::string& db_path) : db_(db_path) {
    migrate();
}

void sqs_store::migrate() {
    db_.write([](database& db) {
        if (db.user_version() >= schema_version) {
            return;
        }
        db.exec("CREATE TABLE IF NOT EXISTS queues(account TEXT NOT NULL, name TEXT NOT NULL, "
                "attributes TEXT NOT NULL, tags TEXT NOT NULL, permissions TEXT NOT NULL, "
                "created_s INTEGER NOT NULL, modified_s INTEGER NOT NULL, "
                "next_seq INTEGER NOT NULL, last_purge_ms INTEGER NOT NULL, "
                "PRIMARY KEY(account, name))");
        db.exec("CREATE TABLE IF NOT EXISTS messages(account TEXT NOT NULL, queue TEXT NOT NULL, "
                "seq INTEGER NOT NULL, id TEXT NOT NULL, body BLOB NOT NULL, attributes TEXT, "
                "system_attributes TEXT, md5_body TEXT, md5_attributes TEXT, "
                "md5_system_attributes TEXT, sender_id TEXT, sent_ms INTEGER, "
                "visible_at_ms INTEGER, first_receive_ms INTEGER, receive_count INTEGER, "
                "in_flight INTEGER, receipt_handle TEXT, group_id TEXT, dedup_id TEXT, "
                "sequence_number TEXT, dead_letter_source_arn TEXT, "
                "PRIMARY KEY(account, queue, seq)) WITHOUT ROWID");
        db.exec("CREATE TABLE IF NOT EXISTS dedup(account TEXT NOT NULL, queue TEXT NOT NULL, "
                "dedup_id TEXT NOT NULL, message_id TEXT NOT NULL, sequence_number TEXT, "
                "expires_ms INTEGER NOT NULL, PRIMARY KEY(account, queue, dedup_id))");
        db.exec("CREATE TABLE IF NOT EXISTS move_tasks(handle TEXT PRIMARY KEY, "
                "source_arn TEXT NOT NULL, document TEXT NOT NULL, "
                "started INTEGER NOT NULL DEFAULT 0)");
        db.set_user_version(schema_version);
    });
}

void sqs_store::load(const std::function<void(queue_record, std::vector<message_record>,
                                              std::vector<dedup_record>)>& on_queue) {
    db_.read([&](database& db) {
        std::vector<queue_record> queues;
        auto& qs = db.prepare("SELECT account, name, attributes, tags, permissions, created_s, "
                              "modified_s, next_seq, last_purge_ms FROM queues");
        while (qs.step()) {
            queue_record q;
            q.account = qs.column_text(0);
            q.name = qs.column_text(1);
            q.attributes = json::parse(qs.column_view(2)).get<string_map>();
            q.tags = json::parse(qs.column_view(3)).get<string_map>();
            q.permissions = json::parse(qs.column_view(4));
            q.created_s = qs.column_int64(5);
            q.modified_s = qs.column_int64(6);
            q.next_seq = qs.column_int64(7);
            q.last_purge_ms = qs.column_int64(8);
            queues.push_back(std::move(q));
        }
        qs.reset();
        for (auto& q : queues) {
            std::vector<message_record> messages;
            auto& ms = db.prepare(std::string("SELECT ") + message_columns +
                                  " FROM messages WHERE account=?1 AND queue=?2 ORDER BY seq");
            ms.bind(1, q.account).bind(2, q.name);
            while (ms.step()) {
                message_record m;
                m.seq = ms.column_int64(2);
                m.id = ms.column_text(3);
                m.body = ms.column_blob(4);
                m.attributes = json::parse(ms.column_view(5));
                m.system_attributes = json::parse(ms.column_view(6));
                m.md5_body = ms.column_text(7);
                m.md5_attributes = ms.column_text(8);
                m.md5_system_attributes = ms.column_text(9);
                m.sender_id = ms.column_text(10);
                m.sent_ms = ms.column_int64(11);
                m.visible_at_ms = ms.column_int64(12);
                m.first_receive_ms = ms.column_int64(13);
                m.receive_count = static_cast<int>(ms.column_int64(14));
                m.in_flight = ms.column_int64(15) != 0;
                m.receipt_handle = ms.column_text(16);
                m.group_id = ms.column_text(17);
                m.dedup_id = ms.column_text(18);
                m.sequence_number = ms.column_text(19);
                m.dead_letter_source_arn = ms.column_text(20);
                messages.push_back(std::move(m));
            }
            ms.reset();
            std::vector<dedup_record> dedups;
            auto& ds = db.prepare("SELECT dedup_id, message_id, sequence_number, expires_ms FROM "
                                  "dedup WHERE account=?1 AND queue=?2");
            ds.bind(1, q.account).bind(2, q.name);
            while (ds.step()) {
                dedups.push_back(
                    {ds.column_text(0), ds.column_text(1), ds.column_text(2), ds.column_int64(3)});
            }
            ds.reset();
            on_queue(std::move(q), std::move(messages), std::move(dedups));
        }
    });
}

void sqs_store::put_queue(const queue_record& queue) {
    db_.write([&](database& db) { save_queue(db, queue); });
}

void sqs_store::delete_queue(const std::string& account, const std::string& name) {
    db_.write([&](database& db) {
        for (const char* sql : {"DELETE FROM queues WHERE account=?1 AND name=?2",
                                "DELETE FROM messages WHERE account=?1 AND queue=?2",
                                "DELETE FROM dedup WHERE account=?1 AND queue=?2"}) {
            auto& st = db.prepare(sql);
            st.bind(1, account).bind(2, name);
            st.run();
        }
    });
}

void sqs_store::insert_messages(const queue_record& queue,
                                const std::vector<const message_record*>& added,
                                const std::vector<dedup_record>& dedups) {
    db_.write([&](database& db) {
        for (const auto* m : added) {
            insert_message(db, queue, *m);
        }
        auto& st = db.prepare("INSERT OR REPLACE INTO dedup(account, queue, dedup_id, "
                              "message_id, sequence_number, expires_ms) VALUES(?1,?2,?3,?4,?5,?6)");
        for (const auto& d : dedups) {
            st.reset();
            st.bind(1, queue.account).bind(2, queue.name).bind(3, d.dedup_id);
            st.bind(4, d.message_id).bind(5, d.sequence_number).bind(6, d.expires_ms);
            st.run();
        }
        auto& seq = db.prepare("UPDATE queues SET next_seq=?3 WHERE account=?1 AND name=?2");
        seq.bind(1, queue.account).bind(2, queue.name).bind(3, queue.next_seq);
        seq.run();
    });
}

void sqs_store::update_messages(const queue_record& queue,
                                const std::vector<const message_record*>& changed) {
    db_.write([&](database& db) {
        auto& st = db.prepare("UPDATE messages SET visible_at_ms=?4, first_receive_ms=?5, "
                              "receive_count=?6, in_flight=?7, receipt_handle=?8 "
                              "WHERE account=?1 AND queue=?2 AND seq=?3");
        for (const auto* m : changed) {
            st.reset();
            st.bind(1, queue.account).bind(2, queue.name).bind(3, m->seq);
            st.bind(4, m->visible_at_ms).bind(5, m->first_receive_ms).bind(6, m->receive_count);
            st.bind(7, m->in_flight ? 1 : 0).bind(8, m->receipt_handle);
            st.run();
        }
    });
}

void sqs_store::delete_messages(const queue_record& queue, const std::vector<std::int64_t>& seqs) {
    db_.write([&](database& db) { delete_seqs(db, queue, seqs); });
}

void sqs_store::move_messages(const queue_record& from, const std::vector<std::int64_t>& seqs,
                              const queue_record& to,
                              const std::vector<const message_record*>& added) {
    db_.write([&](database& db) {
        delete_seqs(db, from, seqs);
        for (const auto* m : added) {
            insert_message(db, to, *m);
        }
        auto& seq = db.prepare("UPDATE queues SET next_seq=?3 WHERE account=?1 AND name=?2");
        seq.bind(1, to.account).bind(2, to.name).bind(3, to.next_seq);
        seq.run();
    });
}

void sqs_store::purge(const queue_record& queue) {
    db_.write([&](database& db) {
        auto& st = db.prepare("DELETE FROM messages WHERE account=?1 AND queue=?2");
        st.bind(1, queue.account).bind(2, queue.name);
        st.run();
        save_queue(db, queue);
    });
}

void sqs_store::put_move_task(const std::string& handle, const std::string& source_arn,
                              const std::string& document) {
    db_.write([&](database& db) {
        auto& st = db.prepare("INSERT INTO move_tasks(handle, source_arn, document, started) "
                              "VALUES(?1,?2,?3,(SELECT COUNT(*) FROM move_tasks)) "
                              "ON CONFLICT(handle) DO UPDATE SET document=excluded.document");
        st.bind(1, handle).bind(2, source_arn).bind(3, document);
        st.run();
    });
}

std::vector<std::string> sqs_store::list_move_tasks(const std::string& source_arn) {
    return db_.read([&](database& db) {
        std::vector<std::string> out;
        auto& st =
            db.prepare("SELECT document FROM move_tasks WHERE source_arn=?1 ORDER BY started DESC");
        st.bind(1, source_arn);
        while (st.step()) {
            out.push_back(st.column_text(0));
        }
        return out;
    });
}

bool sqs_store::has_move_task(const std::string& handle) {
    return db_.read([&](database& db) {
        auto& st = db.prepare("SELECT 1 FROM move_tasks WHERE handle=?1");
        st.bind(1, handle);
        return st.step();
    });
}

void sqs_store::reset() {
    db_.write([](database& db) {
        db.exec("DELETE FROM queues");
        db.exec("DELETE FROM messages");
        db.exec("DELETE FROM dedup");
        db.exec("DELETE FROM move_tasks");
    });
}

} // namespace cloudbox::services::sqs
