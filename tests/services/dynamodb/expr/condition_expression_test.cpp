// ConditionExpression / FilterExpression: grammar, precedence, functions and evaluation.
#include "expr_test_support.hpp"

#include <catch2/catch.hpp>

using namespace ddb_test;

namespace {
const json item = {
    {"id", S("user#1")},
    {"age", N("42")},
    {"name", S("Alice")},
    {"active", BOOL(true)},
    {"nothing", NUL()},
    {"bin", B("AAECAw==")},
    {"tags", SS({"red", "blue"})},
    {"scores", NS({"1", "2.5"})},
    {"blobs", BS({"AA==", "AQ=="})},
    {"lst", L({S("a"), N("1"), M({{"deep", S("x")}})})},
    {"doc", M({{"a", M({{"b", L({N("0"), N("10"), N("20")})}})}, {"s", S("hello")}})},
};
const json vals = {
    {":s", S("Alice")}, {":n", N("42.0")},    {":lo", N("40")},      {":hi", N("50")},
    {":a", S("A")},     {":red", S("red")},   {":one", N("1")},      {":t", S("SS")},
    {":ten", N("10")},  {":b", B("AAE=")},    {":zero", N("0")},     {":x", S("x")},
    {":three", N("3")}, {":hell", S("hell")}, {":blob0", B("AA==")}, {":lst", L({S("a")})},
};
bool eval(const std::string& text) {
    return holds(text, item, vals, json{{"#n", "name"}});
}
} // namespace

TEST_CASE("comparators on every comparable type", "[unit]") {
    CHECK(eval("#n = :s"));
    CHECK(eval("age = :n")); // 42 == 42.0
    CHECK_FALSE(eval("age <> :n"));
    CHECK(eval("age > :lo"));
    CHECK(eval("age >= :n"));
    CHECK(eval("age < :hi"));
    CHECK(eval("age <= :n"));
    CHECK(eval(":lo < age"));
    CHECK(eval("#n > :a"));
    CHECK(eval("bin > :b")); // 00010203 > 0001
    CHECK(eval("doc.a.b[1] = :ten"));
    CHECK(eval("lst[1] = :one"));
    CHECK(eval("lst[2].deep = :x"));
}

TEST_CASE("comparisons across types and with absent attributes", "[unit]") {
    CHECK_FALSE(eval("#n = :n"));
    CHECK(eval("#n <> :n"));
    CHECK_FALSE(eval("#n < :n"));
    CHECK_FALSE(eval("absent = :s"));
    CHECK(eval("absent <> :s"));
    CHECK_FALSE(eval("absent < :s"));
    CHECK_FALSE(eval("active > :n"));
    CHECK_FALSE(eval("lst[9] = :one"));
    CHECK_FALSE(eval("doc.zz.b = :one"));
    CHECK_FALSE(eval("age.x = :one"));
    CHECK_FALSE(eval("age[0] = :one"));
}

TEST_CASE("BETWEEN and IN", "[unit]") {
    CHECK(eval("age BETWEEN :lo AND :hi"));
    CHECK_FALSE(eval("age BETWEEN :hi AND :hi"));
    CHECK(eval("age between :n and :n"));
    CHECK_FALSE(eval("#n BETWEEN :lo AND :hi"));
    CHECK(eval("age IN (:one, :n)"));
    CHECK_FALSE(eval("age IN (:one, :ten)"));
    CHECK(eval("#n in (:s)"));
    CHECK_FALSE(eval("absent IN (:s)"));
}

TEST_CASE("AND binds tighter than OR, NOT tighter than AND", "[unit]") {
    CHECK(eval("age = :one AND age = :one OR #n = :s")); // (F and F) or T
    CHECK(eval("#n = :s OR age = :one AND age = :one")); // T or (F and F)
    CHECK_FALSE(eval("(#n = :s OR age = :one) AND age = :one"));
    CHECK_FALSE(eval("NOT #n = :s AND age = :n")); // (not T) and T
    CHECK(eval("NOT (#n = :s AND age = :one)"));
    CHECK(eval("NOT NOT #n = :s"));
    CHECK(eval("(#n = :s)"));
    CHECK(eval("(age) = :n"));
    CHECK(eval("((age = :n) AND (#n = :s))"));
}

TEST_CASE("functions", "[unit]") {
    CHECK(eval("attribute_exists(age)"));
    CHECK(eval("attribute_exists(doc.a.b[2])"));
    CHECK_FALSE(eval("attribute_exists(doc.a.b[3])"));
    CHECK(eval("attribute_not_exists(absent)"));
    CHECK(eval("attribute_type(tags, :t)"));
    CHECK_FALSE(eval("attribute_type(age, :t)"));
    CHECK(eval("begins_with(#n, :a)"));
    CHECK(eval("begins_with(doc.s, :hell)"));
    CHECK_FALSE(eval("begins_with(age, :a)"));
    CHECK(eval("begins_with(bin, :b)"));
    CHECK(eval("contains(#n, :x) OR contains(#n, :a)"));
    CHECK(eval("contains(tags, :red)"));
    CHECK(eval("contains(scores, :one)"));
    CHECK(eval("contains(blobs, :blob0)"));
    CHECK(eval("contains(lst, :one)"));
    CHECK_FALSE(eval("contains(tags, :one)"));
    CHECK_FALSE(eval("contains(absent, :one)"));
    CHECK_FALSE(eval("contains(age, :one)"));
}

TEST_CASE("size() of each type", "[unit]") {
    CHECK(eval("size(#n) = :n") == false);
    CHECK(holds("size(n) = :v", json{{"n", S("Alice")}}, json{{":v", N("5")}}));
    CHECK(holds("size(b) = :v", json{{"b", B("AAECAw==")}}, json{{":v", N("4")}}));
    CHECK(eval("size(tags) = :zero") == false);
    CHECK(holds("size(t) = :v", json{{"t", SS({"a", "b"})}}, json{{":v", N("2")}}));
    CHECK(holds("size(l) = :v", json{{"l", L({NUL(), NUL(), NUL()})}}, json{{":v", N("3")}}));
    CHECK(holds("size(m) = :v", json{{"m", M({{"a", NUL()}})}}, json{{":v", N("1")}}));
    CHECK(eval("size(lst) = :three"));
    CHECK(eval("size(doc.a.b) > :one"));
    // Undefined for numbers, booleans, null and absent attributes: the comparison is false.
    CHECK_FALSE(eval("size(age) > :zero"));
    CHECK_FALSE(eval("size(active) > :zero"));
    CHECK_FALSE(eval("size(nothing) > :zero"));
    CHECK_FALSE(eval("size(absent) >= :zero"));
    CHECK(eval("size(absent) <> :zero"));
}

TEST_CASE("condition syntax errors show the token and what precedes it", "[unit]") {
    const std::string p = "Invalid ConditionExpression: ";
    CHECK(cond_error("foo") == p + "Syntax error; token: \"<EOF>\", near: \"foo\"");
    CHECK(cond_error("a = ") == p + "Syntax error; token: \"<EOF>\", near: \"=\"");
    CHECK(cond_error("a == :v", vals) == p + "Syntax error; token: \"=\", near: \"==\"");
    CHECK(cond_error("a = :s b", vals) == p + "Syntax error; token: \"b\", near: \":s b\"");
    CHECK(cond_error("a = !!", vals) == p + "Syntax error; token: \"!\", near: \"= !\"");
    CHECK(cond_error("a + b = :s", vals) == p + "Syntax error; token: \"+\", near: \"a +\"");
    CHECK(cond_error("(a = :s", vals) == p + "Syntax error; token: \"<EOF>\", near: \":s\"");
    CHECK(cond_error("a = :s)", vals) == p + "Syntax error; token: \")\", near: \":s)\"");
    CHECK(cond_error("a[x] = :s", vals) == p + "Syntax error; token: \"x\", near: \"[x\"");
    CHECK(cond_error("a. = :s", vals) == p + "Syntax error; token: \"=\", near: \". =\"");
    CHECK(cond_error("AND = :s", vals) == p + "Syntax error; token: \"AND\", near: \"AND\"");
    CHECK(cond_error("a BETWEEN :s", vals) == p + "Syntax error; token: \"<EOF>\", near: \":s\"");
    CHECK(cond_error("a IN :s", vals) == p + "Syntax error; token: \":s\", near: \"IN :s\"");
    CHECK(cond_error("\xC3\xA9 = :s", vals) ==
          p + "Syntax error; token: \"\xC3\xA9\", near: \"\xC3\xA9\"");
    CHECK(cond_error("") == p + "The expression can not be empty;");
    CHECK(cond_error("   ") == p + "Syntax error; token: \"<EOF>\", near: \"\"");
}

TEST_CASE("condition semantic errors, ranked as DynamoDB ranks them", "[unit]") {
    const std::string p = "Invalid ConditionExpression: ";
    CHECK(cond_error("a = :v") ==
          p + "An expression attribute value used in expression is not defined; attribute "
              "value: :v");
    CHECK(cond_error("#x = :s", vals) ==
          p + "An expression attribute name used in the document path is not defined; "
              "attribute name: #x");
    CHECK(cond_error("status = :s", vals) ==
          p + "Attribute name is a reserved keyword; reserved keyword: status");
    CHECK(cond_error("a.Name = :s", vals) ==
          p + "Attribute name is a reserved keyword; reserved keyword: Name");
    // A reserved word outranks an undefined value.
    CHECK(cond_error("size = :undefined") ==
          p + "Attribute name is a reserved keyword; reserved keyword: size");
    CHECK(cond_error("foo(a)") == p + "Invalid function name; function: foo");
    CHECK(cond_error("if_not_exists(a, :s)", vals) ==
          p + "The function is not allowed in a condition expression; function: if_not_exists");
    CHECK(cond_error("attribute_exists(a, b)") ==
          p + "Incorrect number of operands for operator or function; operator or function: "
              "attribute_exists, number of operands: 2");
    CHECK(cond_error("attribute_exists(:s)", vals) ==
          p + "Operator or function requires a document path; operator or function: "
              "attribute_exists");
    CHECK(cond_error("begins_with(a, :one)", vals) ==
          p + "Incorrect operand type for operator or function; operator or function: "
              "begins_with, operand type: N");
    CHECK(cond_error("attribute_type(a, :one)", vals) ==
          p + "Incorrect operand type for operator or function; operator or function: "
              "attribute_type, operand type: N");
    CHECK(cond_error("attribute_type(a, :x)", vals) ==
          p + "Invalid attribute type name found; type: x, valid types: "
              "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    CHECK(cond_error("size(:one) = :one", vals) ==
          p + "Incorrect operand type for operator or function; operator or function: size, "
              "operand type: N");
    CHECK(cond_error("size(a)") ==
          p + "The function is not allowed to be used this way in an expression; function: size");
    CHECK(cond_error("attribute_exists(a) = :s", vals) ==
          p + "The function is not allowed to be used this way in an expression; function: "
              "attribute_exists");
    CHECK(cond_error("a = a") ==
          p + "The first operand must be distinct from the remaining operands for this operator "
              "or function; operator: =, first operand: [a]");
    CHECK(cond_error("((a = :s))", vals) == p + "The expression has redundant parentheses;");
    CHECK(cond_error("((a)) = :s", vals) == p + "The expression has redundant parentheses;");
    CHECK(cond_error("a BETWEEN :hi AND :lo", vals) ==
          p + "The BETWEEN operator requires upper bound to be greater than or equal to lower "
              "bound; lower bound operand: AttributeValue: {N:50}, upper bound operand: "
              "AttributeValue: {N:40}");
    CHECK(cond_error("a BETWEEN :lo AND :s", vals) ==
          p + "The BETWEEN operator requires same data type for lower and upper bounds; lower "
              "bound operand: AttributeValue: {N:40}, upper bound operand: AttributeValue: "
              "{S:Alice}");
}

TEST_CASE("IN accepts up to 100 values", "[unit]") {
    json values = json::object();
    std::string lst;
    for (int i = 0; i < 101; ++i) {
        values[":v" + std::to_string(i)] = N(std::to_string(i));
    }
    for (int i = 0; i < 100; ++i) {
        lst += (i ? ", :v" : ":v") + std::to_string(i);
    }
    CHECK(holds("a IN (" + lst + ")", json{{"a", N("99")}}, [&] {
        json v = values;
        v.erase(":v100");
        return v;
    }()));
    CHECK(cond_error("a IN (" + lst + ", :v100)", values) ==
          "Invalid ConditionExpression: Too many operands for the IN operator; operator: IN, "
          "number of operands: 101, maximum: 100");
}

TEST_CASE("hostile condition input never crashes", "[unit]") {
    CHECK(cond_error(std::string(4097, 'a')) ==
          "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; "
          "expression size: 4097");
    std::string deep = std::string(2000, '(') + "a = :s" + std::string(2000, ')');
    CHECK(cond_error(deep, vals).rfind("Invalid ConditionExpression: Syntax error;", 0) == 0);
    std::string nots;
    for (int i = 0; i < 1000; ++i) {
        nots += "NOT ";
    }
    CHECK(
        cond_error(nots + "a = :s", vals).rfind("Invalid ConditionExpression: Syntax error;", 0) ==
        0);
    CHECK(
        cond_error(std::string(2000, '(')).rfind("Invalid ConditionExpression: Syntax error;", 0) ==
        0);
    CHECK(cond_error("a[99999999999] = :s", vals)
              .rfind("Invalid ConditionExpression: Syntax error;", 0) == 0);
    // Moderate nesting is fine.
    std::string ok = std::string(20, '(') + "a = :s" + std::string(20, ')');
    CHECK(cond_error(ok, vals) == "Invalid ConditionExpression: The expression has redundant "
                                  "parentheses;");
}

TEST_CASE("FilterExpression messages carry their own name", "[unit]") {
    ddb::expression_attributes attrs;
    CHECK(error_of([&] { ddb::parse_condition("a =", ddb::expression_kind::filter, attrs); }) ==
          "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
}
