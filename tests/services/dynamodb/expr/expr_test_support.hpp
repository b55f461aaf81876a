// Shared helpers of the DynamoDB expression unit tests: AttributeValue builders, error capture,
// parse-and-evaluate shortcuts.
#pragma once

#include "core/aws_error.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/expression_eval.hpp"
#include "dynamodb/expr/expression_parser.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace ddb_test {

using cloudbox::services::dynamodb::json;
namespace ddb = cloudbox::services::dynamodb;

inline json S(const std::string& s) {
    return json{{"S", s}};
}
inline json N(const std::string& n) {
    return json{{"N", n}};
}
inline json B(const std::string& base64) {
    return json{{"B", base64}};
}
inline json BOOL(bool b) {
    return json{{"BOOL", b}};
}
inline json NUL() {
    return json{{"NULL", true}};
}
inline json L(json elements) {
    return json{{"L", std::move(elements)}};
}
inline json M(json members) {
    return json{{"M", std::move(members)}};
}
inline json SS(json members) {
    return json{{"SS", std::move(members)}};
}
inline json NS(json members) {
    return json{{"NS", std::move(members)}};
}
inline json BS(json members) {
    return json{{"BS", std::move(members)}};
}

// The message of the aws_error `f` throws ("<no error>" when it returns), prefixed by the code
// when it is not a ValidationException.
template <typename F> std::string error_of(F&& f) {
    try {
        f();
    } catch (const cloudbox::core::aws_error& e) {
        return e.code == "ValidationException" ? e.message : e.code + ": " + e.message;
    }
    return "<no error>";
}

inline ddb::condition parse_cond(const std::string& text, const json& values = json(),
                                 const json& names = json()) {
    ddb::expression_attributes attrs(names, values);
    return ddb::parse_condition(text, ddb::expression_kind::condition, attrs);
}

// Parses a ConditionExpression and evaluates it on `item`.
inline bool holds(const std::string& text, const json& item, const json& values = json(),
                  const json& names = json()) {
    return ddb::evaluate_condition(parse_cond(text, values, names), item);
}

inline json update(const std::string& text, const json& item, const json& values = json(),
                   const json& names = json()) {
    ddb::expression_attributes attrs(names, values);
    return ddb::apply_update(ddb::parse_update(text, attrs), item);
}

inline std::string cond_error(const std::string& text, const json& values = json(),
                              const json& names = json()) {
    return error_of([&] { parse_cond(text, values, names); });
}

inline std::string update_error(const std::string& text, const json& values = json(),
                                const json& names = json(), const json& item = json::object()) {
    return error_of([&] { update(text, item, values, names); });
}

} // namespace ddb_test
