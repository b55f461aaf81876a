// SQLite connection: WAL mode, cached prepared statements, one writer at a time. The only place
// that talks to the sqlite3 C API; services keep their SQL in their *_store files.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

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

    // Reads and writes hold the connection lock; writes run in BEGIN IMMEDIATE ... COMMIT and roll
    // back when fn throws. Statements fn left mid-iteration (an early return or a throw between
    // step() and reset()) are reset when fn ends: a busy statement would otherwise pin a read
    // snapshot, and a busy write statement makes every later COMMIT fail.
    template <class Fn> auto read(Fn&& fn) {
        std::lock_guard lock(mutex_);
        statement_scope scope(*this);
        return fn(*this);
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

  private:
    void reset_busy_statements() noexcept;

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

    sqlite3* db_ = nullptr;
    std::mutex mutex_;
    std::unordered_map<std::string, std::unique_ptr<statement>> cache_;
};

} // namespace cloudbox::storage
