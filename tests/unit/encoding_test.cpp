// Wire encodings: base64, hex, percent-encoding, UTF-8 validation.
#include "core/encoding.hpp"

#include <catch2/catch.hpp>

using namespace cloudbox::core;

TEST_CASE("base64 round-trips and rejects malformed input", "[unit]") {
    CHECK(base64_encode("hello-body") == "aGVsbG8tYm9keQ==");
    CHECK(base64_decode("aGVsbG8tYm9keQ==").value() == "hello-body");
    CHECK(base64_decode("").value().empty());
    CHECK_FALSE(base64_decode("abc").has_value());
    CHECK_FALSE(base64_decode("ab!d").has_value());
    CHECK_FALSE(base64_decode("a===").has_value());
}

TEST_CASE("url_decode keeps plus in paths and decodes it in forms", "[unit]") {
    CHECK(url_decode("a%20b+c").value() == "a b+c");
    CHECK(url_decode("a%20b+c", true).value() == "a b c");
    CHECK_FALSE(url_decode("%zz").has_value());
    CHECK_FALSE(url_decode("abc%2").has_value());
    CHECK(url_encode("a b/c~") == "a%20b%2Fc~");
    CHECK(url_encode("a b/c", false) == "a%20b/c");
}

TEST_CASE("is_valid_utf8 accepts UTF-8 and rejects overlongs and surrogates", "[unit]") {
    CHECK(is_valid_utf8("caf\xc3\xa9 \xf0\x9f\x98\x80"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));
    CHECK_FALSE(is_valid_utf8("\xe2\x82"));
}
