// SQLite database: WAL mode, cached prepared statements, one writer at a time, reads on a small
// pool of reader connections, WAL checkpoints on a background thread. The only place that talks
// to the sqlite3 C API; services keep their SQL in their *_store files.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace cloudbox::storage {

class statement {
  public:
    explicit statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    ~statement();
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;

    statement& bind(int index, std::int64_t value);
    statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    statement& bind(int index, std::string_view text); // TEXT
    statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    statement& bind_blob(int index, std::string_view bytes); // BLOB
    statement& bind_null(int index);
    statement& bind(int index, const std::optional<std::string>& text);

    template <class... Args> statement& bind_all(const Args&... args) {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    bool step(); // true while a row is available; throws on error
    void run() { step(); }
    void reset();

    std::int64_t column_int64(int col) const;
    std::string column_text(int col) const;
    std::string column_blob(int col) const;
    std::string_view column_view(int col) const; // valid until the next step/reset
    bool column_is_null(int col) const;
    std::optional<std::string> column_optional(int col) const;

  private:
    friend class database;
    sqlite3_stmt* stmt_;
};

class database {
  public:
    // path ":memory:" keeps the database in memory. page_size (bytes, 0 = SQLite's default)
    // applies only when the database is created.
    explicit database(const std::string& path, int page_size = 0);
    ~database();
    database(const database&) = delete;
    database& operator=(const database&) = delete;

    // Writes hold the writer connection's lock and run in BEGIN IMMEDIATE ... COMMIT, rolled back
    // when fn throws. A file database reads on one of its reader connections, inside a read
    // transaction (one snapshot for all of fn's statements), so reads never queue behind a write;
    // an in-memory database has one connection for both. fn gets the connection to prepare on.
    // Statements fn left mid-iteration (an early return or a throw between step() and reset())
    // are reset when fn ends: a busy statement would otherwise pin a read snapshot, and a busy
    // write statement makes every later COMMIT fail.
    template <class Fn> auto read(Fn&& fn) {
        if (readers_.empty()) {
            std::lock_guard lock(mutex_);
            statement_scope scope(*this);
            return fn(*this);
        }
        database& reader = pick_reader();
        std::lock_guard lock(reader.mutex_, std::adopt_lock);
        read_transaction tx(reader);
        statement_scope scope(reader);
        return fn(reader);
    }
    template <class Fn> auto write(Fn&& fn) {
        std::lock_guard lock(mutex_);
        transaction tx(*this);
        statement_scope scope(*this);
        if constexpr (std::is_void_v<decltype(fn(*this))>) {
            fn(*this);
            reset_busy_statements();
            tx.commit();
        } else {
            auto result = fn(*this);
            reset_busy_statements();
            tx.commit();
            return result;
        }
    }

    // A cached statement, reset and with bindings cleared. Call with the lock held.
    statement& prepare(std::string_view sql);
    void exec(std::string_view sql);
    int user_version();
    void set_user_version(int version);
    std::int64_t changes() const;
    // Background checkpoints that copied the whole WAL (so the next write starts it over).
    std::uint64_t checkpoints_completed() const {
        return checkpoints_completed_.load(std::memory_order_relaxed);
    }

  private:
    struct reader_tag {};
    database(const std::string& path, reader_tag);
    void open(const std::string& path);
    void reset_busy_statements() noexcept;
    database& pick_reader(); // returns a reader with its mutex locked
    void start_checkpointer(const std::string& path);
    void checkpoint_loop();

    struct statement_scope {
        database& db_;
        explicit statement_scope(database& db) : db_(db) {}
        ~statement_scope() { db_.reset_busy_statements(); }
        statement_scope(const statement_scope&) = delete;
        statement_scope& operator=(const statement_scope&) = delete;
    };

    class transaction {
      public:
        explicit transaction(database& db);
        ~transaction();
        void commit();

      private:
        database& db_;
        bool done_ = false;
    };

    class read_transaction {
      public:
        explicit read_transaction(database& db);
        ~read_transaction();

      private:
        database& db_;
    };

    sqlite3* db_ = nullptr;
    std::mutex mutex_;
    std::unordered_map<std::string, std::unique_ptr<statement>> cache_;

    std::vector<std::unique_ptr<database>> readers_;
    std::atomic<unsigned> next_reader_{0};

    // The writer's commits signal this thread when the WAL has grown; it checkpoints on its own
    // connection (PASSIVE: never blocks readers or the writer), keeping the fsyncs of a
    // checkpoint off the request path.
    sqlite3* checkpoint_db_ = nullptr;
    std::thread checkpointer_;
    std::mutex checkpoint_mutex_;
    std::condition_variable checkpoint_wake_;
    bool checkpoint_due_ = false;
    std::atomic<bool> checkpoint_requested_{false}; // set by the hook until the checkpoint ran
    std::atomic<std::uint64_t> checkpoints_completed_{0};
    bool stopping_ = false;
};

} // namespace cloudbox::storage
