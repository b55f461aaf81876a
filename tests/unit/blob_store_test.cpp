// Blob files: atomic commit, temp-file cleanup, clone, copy_range, and ids that never become paths.
#include "storage/blob_store.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

using namespace cloudbox;
using storage::blob_store;
namespace fs = std::filesystem;

namespace {

std::string put(const blob_store& store, std::string_view bytes) {
    auto writer = store.create();
    writer->write(bytes.data(), bytes.size());
    CHECK(writer->size() == bytes.size());
    return writer->commit();
}

std::string read_all(const blob_store& store, const std::string& id) {
    auto file = store.open(id);
    REQUIRE(file);
    std::string out;
    char buf[4096];
    for (;;) {
        long n = file->read_at(buf, sizeof buf, out.size());
        REQUIRE(n >= 0);
        if (n == 0) {
            return out;
        }
        out.append(buf, static_cast<std::size_t>(n));
    }
}

std::size_t files_under(const fs::path& dir) {
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        n += e.is_regular_file() ? 1 : 0;
    }
    return n;
}

bool is_blob_id(const std::string& id) {
    return id.size() == 32 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace

TEST_CASE("blob_store: write, commit, open and read back", "[unit]") {
    test::temp_dir dir;
    for (bool durable : {false, true}) {
        blob_store store(dir.path() / (durable ? "durable" : "fast"), durable);
        CHECK(store.durable() == durable);
        auto id = put(store, "hello-body\n");
        CHECK(is_blob_id(id));
        CHECK(fs::exists(store.path_of(id)));
        CHECK(store.size_of(id) == 11);
        CHECK(read_all(store, id) == "hello-body\n");

        auto empty = put(store, "");
        CHECK(empty != id);
        CHECK(store.size_of(empty) == 0);
        CHECK(read_all(store, empty).empty());
    }
}

TEST_CASE("blob_store: temporary files never outlive their writer", "[unit]") {
    test::temp_dir dir;
    blob_store store(dir.path(), false);
    {
        auto writer = store.create();
        writer->write("abandoned", 9);
        // Unnamed (O_TMPFILE) while written; a temporary name where the file system lacks it.
        CHECK(files_under(dir.path() / "tmp") <= 1);
    } // destroyed without commit: an upload that failed half way
    CHECK(files_under(dir.path() / "tmp") == 0);
    CHECK(files_under(dir.path() / "data") == 0);

    auto id = put(store, "kept");
    CHECK(files_under(dir.path() / "tmp") == 0);
    CHECK(files_under(dir.path() / "data") == 1);
    CHECK(read_all(store, id) == "kept");

    // A temp file left by a crashed run is dropped when the store opens; data survives.
    std::ofstream(dir.path() / "tmp" / "leftover") << "partial";
    blob_store reopened(dir.path(), false);
    CHECK(files_under(dir.path() / "tmp") == 0);
    CHECK(read_all(reopened, id) == "kept");
}

TEST_CASE("blob_store: clone shares bytes and survives removal of the source", "[unit]") {
    test::temp_dir dir;
    blob_store store(dir.path(), false);
    auto id = put(store, "immutable");
    auto copy = store.clone(id);
    CHECK(is_blob_id(copy));
    CHECK(copy != id);
    CHECK(read_all(store, copy) == "immutable");
    store.remove(id);
    CHECK_FALSE(store.open(id));
    CHECK(read_all(store, copy) == "immutable");
}

TEST_CASE("blob_store: copy_range copies exact byte ranges", "[unit]") {
    test::temp_dir dir;
    blob_store store(dir.path(), false);
    // Larger than the 1 MiB copy buffer so the loop runs more than once.
    std::string big;
    for (int i = 0; big.size() < (5U << 19) + 17; ++i) {
        big += std::to_string(i) + ',';
    }
    auto id = put(store, big);
    CHECK(read_all(store, store.copy_range(id, 0, big.size())) == big);
    CHECK(read_all(store, store.copy_range(id, 3, 4)) == big.substr(3, 4));
    CHECK(read_all(store, store.copy_range(id, 1000, big.size() - 1000)) == big.substr(1000));
    CHECK(store.size_of(store.copy_range(id, 5, 0)) == 0);

    // Past the end, or a missing source: an error, and no temp file left behind.
    CHECK_THROWS_AS(store.copy_range(id, big.size() - 1, 2), std::runtime_error);
    CHECK_THROWS_AS(store.copy_range(std::string(32, 'a'), 0, 1), std::runtime_error);
    CHECK(files_under(dir.path() / "tmp") == 0);
}

TEST_CASE("blob_store: remove, clear and missing blobs", "[unit]") {
    test::temp_dir dir;
    blob_store store(dir.path(), false);
    auto a = put(store, "a");
    auto b = put(store, "b");
    auto open_a = store.open(a);
    store.remove(a);
    CHECK_FALSE(store.open(a));
    CHECK(store.size_of(a) == 0);
    store.remove(a); // missing is fine
    char c = 0;
    CHECK(open_a->read_at(&c, 1, 0) == 1); // an open handle outlives the unlink
    CHECK(c == 'a');

    store.clear();
    CHECK_FALSE(store.open(b));
    CHECK(files_under(dir.path() / "data") == 0);
    CHECK(read_all(store, put(store, "after clear")) == "after clear");
}

TEST_CASE("blob_store: ids that are not 32 lowercase hex digits never become paths", "[unit]") {
    test::temp_dir dir;
    blob_store store(dir.path() / "store", false);
    std::ofstream(dir.path() / "secret") << "outside";
    for (const std::string bad :
         {"", "../secret", "../../secret", "/etc/passwd", "0123456789abcdef0123456789abcde",
          "0123456789abcdef0123456789abcdef0", "0123456789ABCDEF0123456789ABCDEF",
          "0123456789abcdef0123456789abcde/", "..23456789abcdef0123456789abcdef"}) {
        INFO(bad);
        CHECK_THROWS_AS(store.path_of(bad), std::invalid_argument);
        CHECK_THROWS_AS(store.open(bad), std::invalid_argument);
        CHECK_THROWS_AS(store.size_of(bad), std::invalid_argument);
        CHECK_THROWS_AS(store.clone(bad), std::invalid_argument);
        CHECK_NOTHROW(store.remove(bad));
    }
    CHECK(fs::exists(dir.path() / "secret"));
    CHECK_NOTHROW(store.path_of("0123456789abcdef0123456789abcdef"));
}
