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

namespace {

// Enough for the server's threads to read side by side; each holds its own statement cache.
constexpr std::size_t reader_connections = 4;
// SQLite's own autocheckpoint threshold, now acted on by the background thread.
constexpr int checkpoint_after_pages = 1000;
// If the background thread falls that far behind (a starved thread on a loaded machine), the
// writer checkpoints itself before acknowledging more: the WAL file stays bounded.
constexpr int checkpoint_inline_pages = 4 * checkpoint_after_pages;

bool is_memory_path(const std::string& path) {
    return path.empty() || path == ":memory:" || path.starts_with("file::memory:");
}

sqlite3* open_connection(const std::string& path) {
    sqlite3* db = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw std::runtime_error("cannot open database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
}

} // namespace

database::database(const std::string& path, int page_size) {
    db_ = open_connection(path);
    if (page_size > 0) {
        exec("PRAGMA page_size=" + std::to_string(page_size)); // before WAL: fixed after that
    }
    // WAL: readers never block the writer. synchronous=NORMAL: a commit reaches the OS before
    // it returns, so an acknowledged write survives kill -9 of the process.
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    exec("PRAGMA foreign_keys=ON");
    exec("PRAGMA temp_store=MEMORY");
    if (is_memory_path(path)) {
        return; // a private in-memory database exists on this one connection only
    }
    for (std::size_t i = 0; i < reader_connections; ++i) {
        readers_.push_back(std::unique_ptr<database>(new database(path, reader_tag{})));
    }
    start_checkpointer(path);
}

database::database(const std::string& path, reader_tag) {
    db_ = open_connection(path);
    exec("PRAGMA query_only=1");
    exec("PRAGMA temp_store=MEMORY");
}

database::~database() {
    if (checkpointer_.joinable()) {
        {
            std::lock_guard lock(checkpoint_mutex_);
            stopping_ = true;
        }
        checkpoint_wake_.notify_one();
        checkpointer_.join();
    }
    if (checkpoint_db_ != nullptr) {
        sqlite3_close(checkpoint_db_);
    }
    readers_.clear();
    cache_.clear();
    if (db_ != nullptr) {
        sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        sqlite3_close(db_);
    }
}

database& database::pick_reader() {
    const std::size_t n = readers_.size();
    const std::size_t start = next_reader_.fetch_add(1, std::memory_order_relaxed);
    for (std::size_t i = 0; i < n; ++i) {
        database& reader = *readers_[(start + i) % n];
        if (reader.mutex_.try_lock()) {
            return reader;
        }
    }
    database& reader = *readers_[start % n];
    reader.mutex_.lock();
    return reader;
}

void database::start_checkpointer(const std::string& path) {
    checkpoint_db_ = open_connection(path);
    // A connection that has not read the database yet does not know it is in WAL mode, and its
    // checkpoints return SQLITE_OK having done nothing (pnLog = -1): the WAL was then bounded
    // only by the writer's inline checkpoints, which stalled every write for tens of ms.
    if (sqlite3_exec(checkpoint_db_, "SELECT count(*) FROM sqlite_master", nullptr, nullptr,
                     nullptr) != SQLITE_OK) {
        fail(checkpoint_db_, "sqlite open checkpointer");
    }
    // Installing a WAL hook turns SQLite's in-commit autocheckpoint off on the writer. The hook
    // runs on the writer, with its lock held: it only signals, once per checkpoint.
    sqlite3_wal_hook(
        db_,
        [](void* self, sqlite3* writer, const char*, int pages) {
            auto* db = static_cast<database*>(self);
            if (pages >= checkpoint_inline_pages) {
                // No other write can run (the writer's lock is held): this copies every frame,
                // and the next write starts the WAL over.
                sqlite3_wal_checkpoint_v2(writer, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                          nullptr);
                return SQLITE_OK;
            }
            if (pages >= checkpoint_after_pages && !db->checkpoint_requested_.exchange(true)) {
                {
                    std::lock_guard lock(db->checkpoint_mutex_);
                    db->checkpoint_due_ = true;
                }
                db->checkpoint_wake_.notify_one();
            }
            return SQLITE_OK;
        },
        this);
    checkpointer_ = std::thread([this] { checkpoint_loop(); });
}

void database::checkpoint_loop() {
    std::unique_lock lock(checkpoint_mutex_);
    while (true) {
        checkpoint_wake_.wait(lock, [this] { return checkpoint_due_ || stopping_; });
        if (stopping_) {
            return;
        }
        checkpoint_due_ = false;
        lock.unlock();
        // First pass beside the writer: copies nearly every frame, fsyncs included, without
        // holding up a request. Under a steady stream of commits it can never finish, though
        // (frames keep arriving behind it), and SQLite restarts the WAL from its beginning only
        // after a checkpoint that copied every frame: the WAL then grew without bound (2.4 GB
        // after a minute of PUTs). So the second pass copies the few frames left while holding
        // the writer's lock, and the next write starts the WAL over.
        sqlite3_wal_checkpoint_v2(checkpoint_db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                  nullptr);
        {
            std::lock_guard writer(mutex_);
            int log_frames = -1;
            int copied_frames = -1;
            int rc = sqlite3_wal_checkpoint_v2(checkpoint_db_, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                               &log_frames, &copied_frames);
            if (rc == SQLITE_OK && log_frames >= 0 && copied_frames == log_frames) {
                checkpoints_completed_.fetch_add(1, std::memory_order_relaxed);
            }
            checkpoint_requested_ = false;
        }
        lock.lock();
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

database::read_transaction::read_transaction(database& db) : db_(db) {
    db_.prepare("BEGIN").step();
}

database::read_transaction::~read_transaction() {
    // A read-only transaction has nothing to lose; COMMIT only ends the snapshot.
    if (sqlite3_get_autocommit(db_.db_) == 0) {
        try {
            db_.prepare("COMMIT").step();
        } catch (const std::exception&) {
            sqlite3_exec(db_.db_, "ROLLBACK", nullptr, nullptr, nullptr);
        }
    }
}

} // namespace cloudbox::storage
