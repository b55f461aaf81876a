// SQLite connection wrapper.
#include "storage/database.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace cloudbox::storage {

namespace {
[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}
} // namespace

statement::~statement() {
    sqlite3_finalize(stmt_);
}

statement& statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

statement& statement::bind(int index, std::string_view text) {
    sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

statement& statement::bind_blob(int index, std::string_view bytes) {
    sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

statement& statement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

statement& statement::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

bool statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    fail(sqlite3_db_handle(stmt_), "sqlite step");
}

void statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t statement::column_int64(int col) const {
    return sqlite3_column_int64(stmt_, col);
}

std::string_view statement::column_view(int col) const {
    const void* data = sqlite3_column_blob(stmt_, col);
    int size = sqlite3_column_bytes(stmt_, col);
    if (data == nullptr) {
        return {};
    }
    return {static_cast<const char*>(data), static_cast<std::size_t>(size)};
}

std::string statement::column_text(int col) const {
    return std::string(column_view(col));
}
std::string statement::column_blob(int col) const {
    return std::string(column_view(col));
}

bool statement::column_is_null(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

std::optional<std::string> statement::column_optional(int col) const {
    if (column_is_null(col)) {
        return std::nullopt;
    }
    return column_text(col);
}

database::database(const std::string& path, int page_size) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::runtime_error("cannot open database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 5000);
    if (page_size > 0) {
        exec("PRAGMA page_size=" + std::to_string(page_size)); // before WAL: fixed after that
    }
    // WAL: readers never block the writer. synchronous=NORMAL: a commit reaches the OS before
    // it returns, so an acknowledged write survives kill -9 of the process.
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    exec("PRAGMA foreign_keys=ON");
    exec("PRAGMA temp_store=MEMORY");
}

database::~database() {
    cache_.clear();
    if (db_ != nullptr) {
        sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        sqlite3_close(db_);
    }
}

statement& database::prepare(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) {
        it->second->reset();
        return *it->second;
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK) {
        fail(db_, "sqlite prepare");
    }
    auto [pos, inserted] = cache_.emplace(std::string(sql), std::make_unique<statement>(stmt));
    return *pos->second;
}

void database::exec(std::string_view sql) {
    std::string text(sql);
    char* err = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown";
        sqlite3_free(err);
        throw std::runtime_error("sqlite exec: " + msg);
    }
}

int database::user_version() {
    auto& st = prepare("PRAGMA user_version");
    st.step();
    int v = static_cast<int>(st.column_int64(0));
    st.reset();
    return v;
}

void database::set_user_version(int version) {
    exec("PRAGMA user_version=" + std::to_string(version));
}

void database::reset_busy_statements() noexcept {
    for (auto& [sql, st] : cache_) {
        if (sqlite3_stmt_busy(st->stmt_) != 0) {
            sqlite3_reset(st->stmt_);
        }
    }
}

std::int64_t database::changes() const {
    return sqlite3_changes64(db_);
}

// BEGIN and COMMIT run as cached statements: re-parsing them cost more than the commit itself
// on small writes.
database::transaction::transaction(database& db) : db_(db) {
    db_.prepare("BEGIN IMMEDIATE").step();
}

database::transaction::~transaction() {
    if (!done_) {
        sqlite3_exec(db_.db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void database::transaction::commit() {
    db_.prepare("COMMIT").step();
    done_ = true;
}

} // namespace cloudbox::storage
