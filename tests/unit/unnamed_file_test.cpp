// Unnamed files: invisible until published, gone if abandoned, named exactly once.
#include "storage/unnamed_file.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

using namespace cloudbox;
namespace fs = std::filesystem;

namespace {

std::size_t entries_in(const fs::path& dir) {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

std::string contents_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("unnamed_file: no name until published, then the whole contents", "[unit]") {
    test::temp_dir dir;
    {
        storage::unnamed_file file(dir.path());
        file.write("From: a@example.com\r\n", 21);
        file.write("\r\nbody", 6);
        file.sync();
        CHECK(entries_in(dir.path()) == 0); // this file system has O_TMPFILE (ext4, tmpfs)
        file.publish(dir.path() / "m.eml");
        CHECK(contents_of(dir.path() / "m.eml") == "From: a@example.com\r\n\r\nbody");
    }
    CHECK(entries_in(dir.path()) == 1); // destroying a published file keeps it

    {
        storage::unnamed_file abandoned(dir.path());
        abandoned.write("half", 4);
    }
    CHECK(entries_in(dir.path()) == 1);

    // Publishing never replaces an existing file.
    storage::unnamed_file again(dir.path());
    again.write("other", 5);
    CHECK_THROWS_AS(again.publish(dir.path() / "m.eml"), std::system_error);
    CHECK(contents_of(dir.path() / "m.eml") == "From: a@example.com\r\n\r\nbody");
}
