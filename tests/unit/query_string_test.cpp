// Query-string decoding: order, empty values, '+' and percent escapes, malformed escapes.
#include "protocol/query_string.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using cloudbox::protocol::parse_query;
using entries = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("query_string: keys, values and keys without '='", "[unit]") {
    auto q = parse_query("a=1&b&c=x%20y");
    REQUIRE(q);
    CHECK(q->entries() == entries{{"a", "1"}, {"b", ""}, {"c", "x y"}});
    CHECK(q->get("a") == "1");
    CHECK(q->has("b"));
    CHECK(q->get("b") == "");
    CHECK_FALSE(q->get("A"));
    CHECK_FALSE(q->has("d"));
}

TEST_CASE("query_string: the S3 sub-resources from the captures", "[unit]") {
    CHECK(parse_query("uploads")->entries() == entries{{"uploads", ""}});
    CHECK(parse_query("uploadId=up1&partNumber=2")->entries() ==
          entries{{"uploadId", "up1"}, {"partNumber", "2"}});
    CHECK(parse_query("x-id=PutObject")->get("x-id") == "PutObject");
    CHECK(
        parse_query("list-type=2&prefix=&delimiter=%2F&encoding-type=url")->entries() ==
        entries{{"list-type", "2"}, {"prefix", ""}, {"delimiter", "/"}, {"encoding-type", "url"}});
}

TEST_CASE("query_string: plus, escapes, empty pairs and repeated keys", "[unit]") {
    CHECK(parse_query("k=a+b%2Bc")->get("k") == "a b+c");
    CHECK(parse_query("k%20x=1")->get("k x") == "1");
    CHECK(parse_query("k=caf%C3%A9")->get("k") == "caf\xc3\xa9");
    CHECK(parse_query("k=a%00b")->get("k") == std::string("a\0b", 3));
    CHECK(parse_query("k=a=b")->get("k") == "a=b");
    CHECK(parse_query("k=%26%3D")->get("k") == "&=");
    CHECK(parse_query("&&a=1&&")->entries() == entries{{"a", "1"}});
    auto repeated = parse_query("tag=1&tag=2");
    CHECK(repeated->entries() == entries{{"tag", "1"}, {"tag", "2"}});
    CHECK(repeated->get("tag") == "1");

    auto empty = parse_query("");
    REQUIRE(empty);
    CHECK(empty->empty());
}

TEST_CASE("query_string: malformed escapes are nullopt", "[unit]") {
    CHECK_FALSE(parse_query("k=%zz"));
    CHECK_FALSE(parse_query("k=%2"));
    CHECK_FALSE(parse_query("k=%"));
    CHECK_FALSE(parse_query("%G1=1"));
    CHECK_FALSE(parse_query("ok=1&bad=%x"));
}
