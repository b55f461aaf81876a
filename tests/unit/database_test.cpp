// The SQLite wrapper: WAL on disk, transactional writes, cached statements and bindings.
#include "storage/database.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>

using namespace cloudbox;
using storage::database;

namespace {

std::int64_t count_rows(database& db) {
    return db.read([](database& d) {
        auto& st = d.prepare("SELECT count(*) FROM t");
        st.step();
        return st.column_int64(0);
    });
}

void make_table(database& db) {
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, data BLOB)");
}

// `commits` one-row transactions of a 4 KiB row over 100 ids (two pages or more each).
void commit_4k_rows(database& db, int commits) {
    const std::string row(4096, 'x');
    for (int i = 0; i < commits; ++i) {
        db.write([&](database& d) {
            d.prepare("INSERT OR REPLACE INTO t (id, data) VALUES (?, ?)")
                .bind_all(static_cast<std::int64_t>(i % 100), row)
                .run();
        });
    }
}

} // namespace

TEST_CASE("database: a file database runs in WAL mode and persists commits", "[unit]") {
    test::temp_dir dir;
    const std::string path = (dir.path() / "state.db").string();
    {
        database db(path);
        auto mode = db.read([](database& d) {
            auto& st = d.prepare("PRAGMA journal_mode");
            REQUIRE(st.step());
            return st.column_text(0);
        });
        CHECK(mode == "wal");
        make_table(db);
        db.write(
            [](database& d) { d.prepare("INSERT INTO t (name) VALUES (?)").bind_all("a").run(); });
        db.set_user_version(7);

        // A second connection (another reader) sees what the first committed.
        database other(path);
        CHECK(count_rows(other) == 1);
    }
    database reopened(path);
    CHECK(count_rows(reopened) == 1);
    CHECK(reopened.user_version() == 7);
}

TEST_CASE("database: a write that throws is rolled back", "[unit]") {
    database db(":memory:");
    make_table(db);
    db.write(
        [](database& d) { d.prepare("INSERT INTO t (name) VALUES (?)").bind_all("kept").run(); });

    CHECK_THROWS_WITH(db.write([](database& d) {
        d.prepare("INSERT INTO t (name) VALUES (?)").bind_all("lost").run();
        d.exec("UPDATE t SET data = x'00'");
        throw std::runtime_error("handler failed");
    }),
                      "handler failed");
    CHECK(count_rows(db) == 1);
    CHECK(db.read([](database& d) {
        auto& st = d.prepare("SELECT count(*) FROM t WHERE data IS NULL");
        st.step();
        return st.column_int64(0);
    }) == 1);

    // A constraint violation inside a write throws from step() and rolls back the earlier insert.
    CHECK_THROWS_AS(db.write([](database& d) {
        d.prepare("INSERT INTO t (name) VALUES (?)").bind_all("new").run();
        d.prepare("INSERT INTO t (name) VALUES (?)").bind_all("kept").run();
    }),
                    std::runtime_error);
    CHECK(count_rows(db) == 1);

    // Throwing while a SELECT is still mid-iteration must not leave a transaction open.
    CHECK_THROWS(db.write([](database& d) {
        d.prepare("INSERT INTO t (name) VALUES ('x'), ('y')").run();
        auto& st = d.prepare("SELECT name FROM t ORDER BY id");
        REQUIRE(st.step());
        throw std::runtime_error("mid-iteration");
    }));
    CHECK(count_rows(db) == 1);
    auto inserted = db.write([](database& d) {
        d.prepare("INSERT INTO t (name) VALUES (?)").bind_all("later").run();
        return d.changes();
    });
    CHECK(inserted == 1);
    CHECK(count_rows(db) == 2);
}

TEST_CASE("database: prepared statements are cached, reset and unbound on reuse", "[unit]") {
    database db(":memory:");
    make_table(db);
    db.write([](database& d) {
        auto& insert = d.prepare("INSERT INTO t (name, data) VALUES (?, ?)");
        for (const char* name : {"a", "b", "c"}) {
            d.prepare("INSERT INTO t (name, data) VALUES (?, ?)").bind_all(name, name).run();
        }
        CHECK(&d.prepare("INSERT INTO t (name, data) VALUES (?, ?)") == &insert);
    });
    db.read([](database& d) {
        const char* sql = "SELECT name FROM t ORDER BY name";
        auto& st = d.prepare(sql);
        REQUIRE(st.step());
        CHECK(st.column_text(0) == "a");
        REQUIRE(st.step());
        CHECK(st.column_text(0) == "b");
        // Preparing again while mid-iteration restarts from the first row.
        auto& again = d.prepare(sql);
        CHECK(&again == &st);
        REQUIRE(again.step());
        CHECK(again.column_text(0) == "a");

        // Bindings do not leak into the next use: an unbound parameter is NULL.
        auto& echo = d.prepare("SELECT ?");
        echo.bind(1, "bound").step();
        CHECK(echo.column_text(0) == "bound");
        auto& fresh = d.prepare("SELECT ?");
        REQUIRE(fresh.step());
        CHECK(fresh.column_is_null(0));
    });
    CHECK_THROWS_AS(db.read([](database& d) { d.prepare("SELEC nonsense"); }), std::runtime_error);
}

TEST_CASE("database: bound values come back with their types", "[unit]") {
    database db(":memory:");
    db.read([](database& d) {
        const std::string bytes("a\0b\xff", 4);
        auto& st = d.prepare("SELECT ?, ?, ?, ?, ?, ?");
        st.bind(1, std::numeric_limits<std::int64_t>::min())
            .bind(2, std::string_view("caf\xc3\xa9"))
            .bind_blob(3, bytes)
            .bind(4, std::optional<std::string>{})
            .bind(5, std::optional<std::string>{"opt"})
            .bind(6, 42);
        REQUIRE(st.step());
        CHECK(st.column_int64(0) == std::numeric_limits<std::int64_t>::min());
        CHECK(st.column_text(1) == "caf\xc3\xa9");
        CHECK(st.column_blob(2) == bytes);
        CHECK(st.column_view(2).size() == 4);
        CHECK(st.column_is_null(3));
        CHECK_FALSE(st.column_optional(3));
        CHECK(st.column_text(3).empty());
        CHECK(st.column_optional(4) == "opt");
        CHECK(st.column_int64(5) == 42);
        CHECK_FALSE(st.step());
    });
}

TEST_CASE("database: user_version and changes", "[unit]") {
    database db(":memory:");
    CHECK(db.user_version() == 0);
    db.set_user_version(3);
    CHECK(db.user_version() == 3);
    make_table(db);
    db.write([](database& d) {
        d.exec("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
        CHECK(d.changes() == 3);
        d.prepare("DELETE FROM t WHERE name <> ?").bind_all("a").run();
        CHECK(d.changes() == 2);
    });
}

TEST_CASE("database: statements left mid-iteration do not block later writes", "[unit]") {
    database db(":memory:");
    make_table(db);
    db.exec("INSERT INTO t (name) VALUES ('a'), ('b')");
    // An early return after one row, as a lookup that stops at the first match would do.
    auto first = db.read([](database& d) {
        auto& st = d.prepare("SELECT name FROM t ORDER BY name");
        REQUIRE(st.step());
        return st.column_text(0);
    });
    CHECK(first == "a");
    // A write statement stepped once and abandoned (INSERT ... RETURNING), then a throw.
    CHECK_THROWS(db.write([](database& d) {
        auto& st = d.prepare("INSERT INTO t (name) VALUES ('c'), ('d') RETURNING id");
        REQUIRE(st.step());
        throw std::runtime_error("abandoned");
    }));
    auto id = db.write([](database& d) {
        auto& st = d.prepare("INSERT INTO t (name) VALUES ('e'), ('f') RETURNING id");
        REQUIRE(st.step());
        return st.column_int64(0); // the second row is never stepped
    });
    CHECK(id > 0);
    // Every later write still commits.
    for (const char* name : {"g", "h"}) {
        db.write([&](database& d) {
            d.prepare("INSERT INTO t (name) VALUES (?)").bind_all(name).run();
        });
    }
    CHECK(count_rows(db) == 6);
}

TEST_CASE("database: a file database reads beside a write, from the last committed snapshot",
          "[unit]") {
    test::temp_dir dir;
    database db((dir.path() / "state.db").string());
    make_table(db);
    db.write([](database& d) { d.prepare("INSERT INTO t (name) VALUES (?)").bind_all("a").run(); });

    // The writer's lock is held here; a read goes to a reader connection instead of waiting for
    // it (one connection for both would deadlock), and does not see the uncommitted row.
    std::int64_t seen_during_write = db.write([&](database& d) {
        d.prepare("INSERT INTO t (name) VALUES (?)").bind_all("b").run();
        return count_rows(db);
    });
    CHECK(seen_during_write == 1);
    CHECK(count_rows(db) == 2);
}

TEST_CASE("database: under a steady stream of commits the WAL is checkpointed and reused",
          "[unit]") {
    test::temp_dir dir;
    const auto path = dir.path() / "state.db";
    database db(path.string());
    make_table(db);
    // 6,000 commits of a 4 KiB row (two pages or more each) write at least 48 MB of WAL frames;
    // the file must be reused from its start after each checkpoint instead of growing by all of
    // them. At worst (the background checkpointer starved) the writer checkpoints itself at
    // 4,000 pages: 16.4 MB.
    commit_4k_rows(db, 6000);
    auto wal_bytes = std::filesystem::file_size(path.string() + "-wal");
    INFO("WAL " << wal_bytes << " bytes");
    CHECK(wal_bytes < 20'000'000);
    CHECK(count_rows(db) == 100);
}

// The checkpointer's own connection must know the database is in WAL mode: one that had read
// nothing returned SQLITE_OK from every checkpoint having copied nothing, and only the writer's
// inline checkpoints at 4,000 pages (stalling every write) kept the WAL bounded.
TEST_CASE("database: past the checkpoint threshold the background thread checkpoints the WAL",
          "[unit]") {
    test::temp_dir dir;
    const auto path = dir.path() / "state.db";
    database db(path.string());
    make_table(db);
    // 1,200 commits of a 4 KiB row: more than 1,000 pages, fewer than the inline 4,000.
    commit_4k_rows(db, 1200);
    // The checkpoint runs on another thread: wait for it (bounded), no fixed sleep.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (db.checkpoints_completed() == 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    CHECK(db.checkpoints_completed() >= 1);
    CHECK(count_rows(db) == 100);
}
