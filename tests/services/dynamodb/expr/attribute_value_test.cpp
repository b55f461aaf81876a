// AttributeValue validation messages, normalisation, equality, ordering and key checks.
#include "expr_test_support.hpp"

#include <catch2/catch.hpp>

using namespace ddb_test;

namespace {
std::string validate(const json& v) {
    return error_of([&] { ddb::validate_attribute_value(v); });
}
const std::string invalid = "One or more parameter values were invalid: ";
} // namespace

TEST_CASE("every data type validates", "[unit]") {
    CHECK(validate(S("x")) == "<no error>");
    CHECK(validate(S("")) == "<no error>"); // empty strings are fine outside keys
    CHECK(validate(N("1.5")) == "<no error>");
    CHECK(validate(B("AAEC")) == "<no error>");
    CHECK(validate(B("")) == "<no error>");
    CHECK(validate(BOOL(false)) == "<no error>");
    CHECK(validate(NUL()) == "<no error>");
    CHECK(validate(SS({"a", "b"})) == "<no error>");
    CHECK(validate(NS({"1", "2"})) == "<no error>");
    CHECK(validate(BS({"AA==", "AQ=="})) == "<no error>");
    CHECK(validate(L({S("a"), N("1"), L(json::array())})) == "<no error>");
    CHECK(validate(M({{"a", S("x")}, {"b", M(json::object())}})) == "<no error>");
    // Unknown members are ignored, as DynamoDB's deserializer does.
    CHECK(validate(json{{"S", "x"}, {"Foo", 1}}) == "<no error>");
}

TEST_CASE("invalid attribute values get DynamoDB's messages", "[unit]") {
    CHECK(validate(json::object()) ==
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    CHECK(validate(json{{"X", "y"}}) ==
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    CHECK(validate(json{{"S", nullptr}}) ==
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    CHECK(validate(json{{"S", "a"}, {"N", "1"}}) ==
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of "
          "the supported datatypes");
    CHECK(validate(SS(json::array())) == invalid + "An string set  may not be empty");
    CHECK(validate(NS(json::array())) == invalid + "An number set  may not be empty");
    CHECK(validate(BS(json::array())) == invalid + "Binary sets should not be empty");
    CHECK(validate(SS({"a", "b", "a"})) ==
          invalid + "Input collection [a, b, a] contains duplicates.");
    CHECK(validate(NS({"1", "1.0"})) == "Input collection contains duplicates");
    CHECK(validate(BS({"AA==", "AA=="})) ==
          invalid + "Input collection [AA==, AA==]of type BS contains duplicates.");
    CHECK(validate(json{{"NULL", false}}) ==
          invalid + "Null attribute value types must have the value of true");
    CHECK(validate(N("x1")) == "The parameter cannot be converted to a numeric value: x1");
    CHECK(validate(NS({"1", "zz"})) == "The parameter cannot be converted to a numeric value: zz");
    CHECK(validate(L({json::object()})) ==
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    CHECK(validate(M({{"a", SS(json::array())}})) == invalid + "An string set  may not be empty");
}

TEST_CASE("wrongly shaped attribute values are serialization errors", "[unit]") {
    CHECK(validate(json{{"S", 5}}).rfind("SerializationException: ", 0) == 0);
    CHECK(validate(json{{"SS", "a"}}).rfind("SerializationException: ", 0) == 0);
    CHECK(validate(json{{"M", json::array()}}).rfind("SerializationException: ", 0) == 0);
    CHECK(validate(json{{"BOOL", "true"}}).rfind("SerializationException: ", 0) == 0);
    CHECK(validate(B("abc")).rfind("SerializationException: ", 0) == 0);
    CHECK(validate(json::array()).rfind("SerializationException: ", 0) == 0);
}

TEST_CASE("nesting deeper than 32 levels is rejected without recursing further", "[unit]") {
    json v = S("leaf");
    for (int i = 0; i < 31; ++i) {
        v = L({v});
    }
    CHECK(validate(v) == "<no error>");
    json deeper = L({v});
    CHECK(validate(deeper) == "Nesting Levels have exceeded supported limits");
    json very_deep = S("x");
    for (int i = 0; i < 5000; ++i) {
        very_deep = M({{"a", very_deep}});
    }
    CHECK(validate(very_deep) == "Nesting Levels have exceeded supported limits");
}

TEST_CASE("normalisation rewrites numbers everywhere", "[unit]") {
    json v = M({{"n", N("01.50")}, {"l", L({N("-0"), NS({"1.0", "2e1"})})}});
    CHECK(ddb::normalize_attribute_value(v) ==
          M({{"n", N("1.5")}, {"l", L({N("0"), NS({"1", "20"})})}}));
    CHECK(ddb::normalize_item(json{{"a", N("1E+2")}, {"b", S("x")}}) ==
          json{{"a", N("100")}, {"b", S("x")}});
}

TEST_CASE("equality follows DynamoDB's rules", "[unit]") {
    CHECK(ddb::values_equal(N("1"), N("1.00")));
    CHECK_FALSE(ddb::values_equal(N("1"), S("1")));
    CHECK(ddb::values_equal(SS({"a", "b"}), SS({"b", "a"})));
    CHECK_FALSE(ddb::values_equal(SS({"a", "b"}), SS({"a"})));
    CHECK(ddb::values_equal(NS({"1", "2.0"}), NS({"2", "1"})));
    CHECK(ddb::values_equal(BS({"AA==", "AQ=="}), BS({"AQ==", "AA=="})));
    CHECK(ddb::values_equal(L({S("a"), N("1")}), L({S("a"), N("1.0")})));
    CHECK_FALSE(ddb::values_equal(L({S("a"), N("1")}), L({N("1"), S("a")})));
    CHECK(ddb::values_equal(M({{"a", N("1")}}), M({{"a", N("1.0")}})));
    CHECK_FALSE(ddb::values_equal(M({{"a", N("1")}}), M({{"a", N("1")}, {"b", NUL()}})));
    CHECK(ddb::values_equal(BOOL(true), BOOL(true)));
    CHECK_FALSE(ddb::values_equal(BOOL(true), BOOL(false)));
    CHECK(ddb::values_equal(NUL(), NUL()));
}

TEST_CASE("ordering: strings by UTF-8 bytes, numbers numerically, binaries bytewise", "[unit]") {
    CHECK(*ddb::compare_values(S("a"), S("b")) < 0);
    CHECK(*ddb::compare_values(S("Z"), S("a")) < 0);
    CHECK(*ddb::compare_values(S("\xC3\xA9"), S("z")) > 0); // é after z in UTF-8
    CHECK(*ddb::compare_values(N("10"), N("9")) > 0);
    CHECK(*ddb::compare_values(N("-10"), N("-9")) < 0);
    CHECK(*ddb::compare_values(B("/w=="), B("AA==")) > 0); // 0xFF > 0x00
    CHECK(*ddb::compare_values(N("1.0"), N("1")) == 0);
    CHECK_FALSE(ddb::compare_values(S("1"), N("1")));
    CHECK_FALSE(ddb::compare_values(BOOL(true), BOOL(false)));
}

TEST_CASE("key attributes reject wrong types and empty values", "[unit]") {
    auto check = [](const json& v, ddb::attribute_type t) {
        return error_of([&] { ddb::check_key_attribute("pk", v, t); });
    };
    CHECK(check(S("a"), ddb::attribute_type::S) == "<no error>");
    CHECK(check(N("1"), ddb::attribute_type::S) ==
          invalid + "Type mismatch for key pk expected: S actual: N");
    CHECK(check(S(""), ddb::attribute_type::S) ==
          "One or more parameter values are not valid. The AttributeValue for a key attribute "
          "cannot contain an empty string value. Key: pk");
    CHECK(check(B(""), ddb::attribute_type::B) ==
          "One or more parameter values are not valid. The AttributeValue for a key attribute "
          "cannot contain an empty binary value. Key: pk");
}

TEST_CASE("type tags round-trip", "[unit]") {
    for (auto tag : {"S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"}) {
        auto t = ddb::type_from_tag(tag);
        REQUIRE(t);
        CHECK(ddb::type_tag(*t) == tag);
    }
    CHECK_FALSE(ddb::type_from_tag("X"));
    CHECK(ddb::type_of(NS({"1"})) == ddb::attribute_type::NS);
}
