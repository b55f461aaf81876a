// The only SQL of the DynamoDB service. Items are rows keyed by (table, partition key bytes, sort
// key bytes) in DynamoDB's order, so a Query is one index range scan; secondary index entries
// live in their own ordered table and change in the same transaction as the item.
#pragma once

#include "storage/database.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

namespace cloudbox::services::dynamodb {

struct key_attribute {
    std::string name;
    std::string type; // "S", "N" or "B"
};

struct index_info {
    std::string name;
    bool global = false;
    key_attribute hash;
    std::optional<key_attribute> range;
    std::string projection_type = "ALL"; // ALL, KEYS_ONLY, INCLUDE
    std::vector<std::string> non_key_attributes;
};

// A table as the service sees it; `meta` holds what DescribeTable returns that the data path
// does not need (throughput, stream and SSE settings, tags, TTL, creation time, ...).
struct table_info {
    std::int64_t id = 0;
    std::string account;
    std::string region;
    std::string name;
    key_attribute hash;
    std::optional<key_attribute> range;
    std::vector<index_info> indexes;
    nlohmann::json meta = nlohmann::json::object();

    const index_info* find_index(const std::string& index_name) const;
};
using table_ptr = std::shared_ptr<const table_info>;

// One index entry of an item (partition and sort key bytes of the index).
struct index_key {
    std::string index;
    std::string pk;
    std::string sk;
};

// A stored item: its key bytes and its attribute map as DynamoDB JSON text.
struct item_row {
    std::string pk;
    std::string sk;
    std::string item;       // the stored JSON text (json::dump of the item)
    std::int64_t size = -1; // its DynamoDB size, when the query read it (-1: not read)
};

// Bounds of a sort-key range scan (encoded key bytes).
struct sort_range {
    std::optional<std::string> lower; // inclusive unless lower_open
    bool lower_open = false;
    std::optional<std::string> upper; // inclusive unless upper_open
    bool upper_open = false;
};

// A position in an index: index keys, then the base table keys (unique).
struct index_position {
    std::string ipk;
    std::string isk;
    std::string pk;
    std::string sk;
};

struct table_stats {
    std::int64_t item_count = 0;
    std::int64_t size_bytes = 0;
};

struct stream_record_row {
    std::int64_t sequence = 0;
    std::int64_t created_ms = 0;
    std::string record; // JSON of the record (without SequenceNumber)
};

class dynamodb_store;

// The item statements of one transaction, on the connection that transaction holds: the
// writer's inside write(), a reader's inside read() (a read on the writer's connection
// without its lock corrupted the statement cache under concurrent GetItem and PutItem).
class item_txn {
  public:
    // streamed: set when the transaction appends a stream record (write() tells the stream
    // listener after the commit); null for reads.
    explicit item_txn(storage::database& db, bool* streamed = nullptr)
        : db_(db), streamed_(streamed) {}
    std::optional<std::string> get(const table_info& t, const std::string& pk,
                                   const std::string& sk);
    // Replaces the item (or inserts it) and its index entries.
    void put(const table_info& t, const std::string& pk, const std::string& sk,
             const std::string& item, std::int64_t size, const std::vector<index_key>& keys);
    void remove(const table_info& t, const std::string& pk, const std::string& sk);
    void append_stream_record(const table_info& t, std::int64_t created_ms,
                              const std::string& record);

  private:
    void write_index_entries(const table_info& t, const std::string& pk, const std::string& sk,
                             const std::vector<index_key>& keys);
    void delete_index_entries(const table_info& t, const std::string& pk, const std::string& sk);

    storage::database& db_;
    bool* streamed_;
};

class dynamodb_store {
  public:
    explicit dynamodb_store(const std::string& db_path);

    // Tables (cached in memory; the database is the truth across restarts).
    table_ptr find_table(const std::string& account, const std::string& region,
                         const std::string& name) const;
    // Inserts a new table; returns false when the name is taken.
    bool create_table(table_info& t);
    void update_table(const table_info& t); // meta and indexes
    void delete_table(const table_info& t);
    std::vector<std::string> list_tables(const std::string& account,
                                         const std::string& region) const;
    std::vector<table_ptr> all_tables() const;
    table_stats stats(const table_info& t);
    table_stats index_stats(const table_info& t, const std::string& index);
    void rebuild_index(const table_info& t, const index_info& index,
                       const std::function<std::optional<index_key>(const std::string&)>& key_of);
    void drop_index(const table_info& t, const std::string& index);

    // Runs fn(item_txn&) in one write transaction. When it appended stream records, the stream
    // listener hears of it once the transaction is over (an early wake-up is harmless: readers
    // find nothing new and wait again).
    template <class Fn> auto write(Fn&& fn) {
        bool streamed = false;
        struct notify_after {
            const dynamodb_store& store;
            const bool& streamed;
            ~notify_after() {
                if (streamed && store.stream_listener_) {
                    store.stream_listener_();
                }
            }
        } notify{*this, streamed};
        return db_.write([&](storage::database& db) {
            item_txn tx(db, &streamed);
            return fn(tx);
        });
    }
    // Called (on the writing thread, no lock held) after a write that appended stream records:
    // Lambda's stream event sources wake on it instead of waiting for their timer. Set before
    // the server serves.
    void set_stream_listener(std::function<void()> listener) {
        stream_listener_ = std::move(listener);
    }
    // Runs fn(item_txn&) in one read transaction: every get sees the same snapshot, on a
    // reader connection (only get() belongs in it).
    template <class Fn> auto read(Fn&& fn) {
        return db_.read([&](storage::database& db) {
            item_txn tx(db);
            return fn(tx);
        });
    }
    std::optional<std::string> get_item(const table_info& t, const std::string& pk,
                                        const std::string& sk);

    // Items of one partition within `range`, in order (or reverse), strictly after
    // `after_sk` when given; fn returns false to stop.
    void query(const table_info& t, const std::string& pk, const sort_range& range, bool forward,
               const std::optional<std::string>& after_sk,
               const std::function<bool(const item_row&)>& fn);
    // The same over an index: rows carry the base table keys.
    void query_index(const table_info& t, const std::string& index, const std::string& ipk,
                     const sort_range& range, bool forward,
                     const std::optional<index_position>& after,
                     const std::function<bool(const index_key&, const item_row&)>& fn);
    // Every item in key order, strictly after (pk, sk) when given.
    void scan(const table_info& t, const std::optional<std::pair<std::string, std::string>>& after,
              const std::function<bool(const item_row&)>& fn);
    void scan_index(const table_info& t, const std::string& index,
                    const std::optional<index_position>& after,
                    const std::function<bool(const index_key&, const item_row&)>& fn);

    // Streams.
    std::vector<stream_record_row> stream_records(std::int64_t table_id, std::int64_t after_seq,
                                                  std::size_t limit);
    std::int64_t last_stream_sequence(std::int64_t table_id);
    std::int64_t first_stream_sequence(std::int64_t table_id);
    void trim_stream_records(std::int64_t before_ms);

    // Transaction idempotency tokens: the response JSON of a token seen in the last 10 minutes.
    std::optional<std::pair<std::string, std::string>>
    find_token(const std::string& account, const std::string& token, std::int64_t since_ms);
    void save_token(const std::string& account, const std::string& token,
                    const std::string& request_hash, const std::string& response,
                    std::int64_t now_ms);

    void reset();

  private:
    void migrate();
    void load_tables();
    storage::database db_;
    std::function<void()> stream_listener_;
    mutable std::shared_mutex tables_mutex_;
    std::map<std::string, table_ptr> tables_; // account/region/name
};

// Table metadata to and from its stored JSON.
nlohmann::json table_to_json(const table_info& t);
table_info table_from_json(const nlohmann::json& j);

} // namespace cloudbox::services::dynamodb
