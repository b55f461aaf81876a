// The PartiQL parser: statement shapes, literals, parameters, WHERE semantics and errors.
#include "dynamodb/partiql/partiql_statement.hpp"
#include "expr_test_support.hpp"

#include <catch2/catch.hpp>

using namespace ddb_test;
namespace pq = cloudbox::services::dynamodb::partiql;

namespace {

pq::statement pq_parse(const std::string& text, const json& params = json()) {
    return pq::parse_statement(text, params);
}

std::string pq_error(const std::string& text, const json& params = json()) {
    return error_of([&] { pq_parse(text, params); });
}

bool pq_holds(const std::string& text, const json& subject, const json& params = json()) {
    auto s = pq_parse(text, params);
    REQUIRE(s.where);
    return ddb::evaluate_condition(*s.where, subject);
}

const std::string pq_malformed = "Statement wasn't well formed, can't be processed: ";

} // namespace

TEST_CASE("PartiQL SELECT: targets, projections, ORDER BY", "[unit]") {
    auto s = pq_parse(R"(SELECT * FROM "Music")");
    CHECK(s.kind == pq::statement_kind::select);
    CHECK(s.table == "Music");
    CHECK(s.projection.empty());
    CHECK(!s.where);

    s = pq_parse(R"(select a, "b c".d[2], e FROM Music."ByArtist" WHERE a = 1 ORDER BY sk DESC)");
    CHECK(s.table == "Music");
    CHECK(s.index == "ByArtist");
    REQUIRE(s.projection.size() == 3);
    CHECK(s.projection[1].to_string() == "[b c, d, [2]]");
    CHECK(s.order_by == "sk");
    CHECK(s.descending);
}

TEST_CASE("PartiQL literals: strings, numbers, maps, lists, sets, parameters", "[unit]") {
    auto s =
        pq_parse("INSERT INTO t VALUE {'pk': 'it''s', 'n': -1.50, 'm': {'x': [1, true, null]}, "
                 "'ss': <<'a', 'b'>>, 'ns': <<1, 2>>, 'p': ?}",
                 json::array({json{{"B", "AAE="}}}));
    CHECK(s.kind == pq::statement_kind::insert);
    CHECK(s.item["pk"] == S("it's"));
    CHECK(s.item["n"] == N("-1.5"));
    CHECK(s.item["m"] == M({{"x", L({N("1"), BOOL(true), NUL()})}}));
    CHECK(s.item["ss"] == SS({"a", "b"}));
    CHECK(s.item["ns"] == NS({"1", "2"}));
    CHECK(s.item["p"] == B("AAE="));
}

TEST_CASE("PartiQL WHERE: comparisons, BETWEEN, IN, functions, MISSING / NULL", "[unit]") {
    const json item = {{"pk", S("a")},      {"n", N("5")}, {"s", S("hello")},
                       {"tags", SS({"x"})}, {"z", NUL()},  {"doc", M({{"k", L({N("1")})}})}};
    const std::string q = "SELECT * FROM t WHERE ";
    CHECK(pq_holds(q + "pk = 'a' AND n > 4", item));
    CHECK_FALSE(pq_holds(q + "pk = 'a' AND NOT n > 4", item));
    CHECK(pq_holds(q + "n BETWEEN 1 AND 5", item));
    CHECK(pq_holds(q + "n IN [1, 5]", item));
    CHECK(pq_holds(q + "pk IN ('b', 'a')", item));
    CHECK(pq_holds(q + "n NOT IN [1, 2]", item));
    CHECK(pq_holds(q + "begins_with(s, 'he') AND contains(tags, 'x')", item));
    CHECK(pq_holds(q + "attribute_type(n, 'N')", item));
    CHECK(pq_holds(q + "size(s) = 5", item));
    CHECK(pq_holds(q + "doc.k[0] = 1", item));
    CHECK(pq_holds(q + "nope IS MISSING AND s IS NOT MISSING", item));
    CHECK(pq_holds(q + "z IS NULL AND nope IS NULL AND s IS NOT NULL", item));
    CHECK(pq_holds(q + "(n = 1 OR n = 5) AND s <> 'x'", item));
    CHECK(pq_holds(q + "n >= ? AND n <= ?", item, json::array({N("5"), N("5")})));
    // MISSING is never different from a value.
    CHECK_FALSE(pq_holds(q + "nope <> 'x'", item));
    CHECK(pq_holds(q + "n != 4", item));
}

TEST_CASE("PartiQL UPDATE and DELETE: clauses and RETURNING", "[unit]") {
    auto s = pq_parse("UPDATE t SET a = 1, b.c = ? SET n = n + 2 REMOVE x, y[1] "
                      "SET l = list_append(l, [3]) SET ss = set_add(ss, <<'q'>>) "
                      "WHERE pk = 'k' RETURNING MODIFIED NEW *",
                      json::array({S("v")}));
    CHECK(s.kind == pq::statement_kind::update);
    CHECK(s.update.actions.size() == 7);
    CHECK(s.returning == pq::returning_kind::modified_new);
    json updated = ddb::apply_update(s.update, {{"pk", S("k")},
                                                {"b", M(json::object())},
                                                {"n", N("1")},
                                                {"x", N("0")},
                                                {"y", L({N("0"), N("1")})},
                                                {"l", L(json::array())},
                                                {"ss", SS({"p"})}});
    CHECK(updated == json{{"pk", S("k")},
                          {"a", N("1")},
                          {"b", M({{"c", S("v")}})},
                          {"n", N("3")},
                          {"y", L({N("0")})},
                          {"l", L({N("3")})},
                          {"ss", SS({"p", "q"})}});

    s = pq_parse("DELETE FROM \"t\" WHERE pk = 'k' AND v > 1 RETURNING ALL OLD *");
    CHECK(s.kind == pq::statement_kind::remove);
    CHECK(s.returning == pq::returning_kind::all_old);
    REQUIRE(s.where);
    auto parts = pq::conjuncts(*s.where);
    REQUIRE(parts.size() == 2);
    REQUIRE(pq::equality_value(*parts[0], "pk") != nullptr);
    CHECK(*pq::equality_value(*parts[0], "pk") == S("k"));
    CHECK(pq::equality_value(*parts[1], "v") == nullptr);

    s = pq_parse("EXISTS(SELECT * FROM t WHERE pk = 'k')");
    CHECK(s.kind == pq::statement_kind::exists);
}

TEST_CASE("PartiQL errors", "[unit]") {
    CHECK(pq_error("GRANT ALL") == pq_malformed + "Expected data manipulation");
    CHECK(pq_error("SELECT * FROM") == pq_malformed + "Unexpected end of statement");
    CHECK(pq_error("SELECT * FROM t WHERE") == pq_malformed + "Unexpected end of statement");
    CHECK(pq_error("SELECT * FROM t WHERE a = 'x") ==
          pq_malformed + "Invalid token at position 27");
    CHECK(pq_error("SELECT * FROM t t2") == pq_malformed + "Unexpected term: t2");
    CHECK(pq_error("SELECT * FROM select") == pq_malformed + "Unexpected keyword: select");
    CHECK(pq_error("UPDATE t WHERE pk = 'a'") == pq_malformed + "Unexpected keyword: WHERE");
    CHECK(pq_error("DELETE FROM t WHERE pk = 'a' RETURNING ALL NEW *") ==
          "Only RETURNING ALL OLD * is allowed in DELETE statements.");
    CHECK(pq_error("SELECT * FROM t WHERE a = ?") ==
          "Number of parameters in request and statement don't match.");
    CHECK(pq_error("SELECT * FROM t WHERE a = ?", json::array({S("x"), S("y")})) ==
          "Number of parameters in request and statement don't match.");
    CHECK(pq_error("SELECT * FROM t", json::array({S("x")})) ==
          "Number of parameters in request and statement don't match.");
    CHECK(pq_error("INSERT INTO t VALUE {'a': <<'x', 'x'>>}") ==
          "One or more parameter values were invalid: Input collection [x, x] contains "
          "duplicates.");
    CHECK(pq_error("INSERT INTO t VALUE {'a': <<'x', 1>>}") ==
          pq_malformed + "Sets can only contain values of one type");
    CHECK(pq_error("SELECT * FROM t WHERE " + std::string(100, '(') + "a = 1" +
                   std::string(100, ')')) == pq_malformed + "Statement nesting too deep");
}
