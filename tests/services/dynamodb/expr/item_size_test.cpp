// Item sizes as DynamoDB computes them, and the 400 KB limit.
#include "expr_test_support.hpp"

#include <catch2/catch.hpp>

using namespace ddb_test;

TEST_CASE("attribute value sizes", "[unit]") {
    CHECK(ddb::attribute_value_size(S("abc")) == 3);
    CHECK(ddb::attribute_value_size(S("\xC3\xA9")) == 2); // UTF-8 bytes
    CHECK(ddb::attribute_value_size(B("AAEC")) == 3);     // decoded bytes
    CHECK(ddb::attribute_value_size(N("123")) == 3);
    CHECK(ddb::attribute_value_size(BOOL(true)) == 1);
    CHECK(ddb::attribute_value_size(NUL()) == 1);
    CHECK(ddb::attribute_value_size(SS({"ab", "c"})) == 3);
    CHECK(ddb::attribute_value_size(NS({"1", "12"})) == 4);
    CHECK(ddb::attribute_value_size(BS({"AA==", "AAE="})) == 3);
    CHECK(ddb::attribute_value_size(L(json::array())) == 3);
    CHECK(ddb::attribute_value_size(M(json::object())) == 3);
    // 3 + (1 + 1) + (1 + 2)
    CHECK(ddb::attribute_value_size(L({S("a"), N("12")})) == 8);
    // 3 + (1 + len("ab") + 1)
    CHECK(ddb::attribute_value_size(M({{"ab", S("x")}})) == 7);
}

TEST_CASE("item size adds attribute name lengths", "[unit]") {
    json item = {{"pk", S("user#1")}, {"count", N("10")}, {"tags", SS({"a", "bb"})}};
    CHECK(ddb::item_size(item) == (2 + 6) + (5 + 2) + (4 + 3));
}

TEST_CASE("the 400 KB limit", "[unit]") {
    json item = {{"pk", S("k")}};
    item["data"] = S(std::string(400 * 1024 - 3 - 4, 'x'));
    CHECK(ddb::item_size(item) == 400 * 1024);
    CHECK(error_of([&] { ddb::check_item_size(item); }) == "<no error>");
    item["data"] = S(std::string(400 * 1024 - 3 - 4 + 1, 'x'));
    CHECK(error_of([&] { ddb::check_item_size(item); }) ==
          "Item size has exceeded the maximum allowed size");
    CHECK(error_of([&] { ddb::check_updated_item_size(item); }) ==
          "Item size to update has exceeded the maximum allowed size");
}
