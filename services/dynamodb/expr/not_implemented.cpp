// Temporary: every entry point of the expression core throws until implemented.
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/expression_eval.hpp"
#include "dynamodb/expr/expression_parser.hpp"
#include "dynamodb/expr/key_condition.hpp"
#include "dynamodb/expr/legacy_parameters.hpp"

#include <stdexcept>

namespace cloudbox::services::dynamodb {
namespace {
[[noreturn]] void todo() {
    throw std::logic_error("dynamodb expr: not implemented yet");
}
} // namespace
ddb_number ddb_number::parse(std::string_view) {
    todo();
}
std::optional<ddb_number> ddb_number::try_parse(std::string_view) noexcept {
    return {};
}
std::optional<ddb_number> ddb_number::parse_unchecked(std::string_view) noexcept {
    return {};
}
std::string ddb_number::to_string() const {
    todo();
}
ddb_number ddb_number::operator+(const ddb_number&) const {
    todo();
}
ddb_number ddb_number::operator-(const ddb_number&) const {
    todo();
}
ddb_number ddb_number::operator-() const {
    todo();
}
std::strong_ordering ddb_number::operator<=>(const ddb_number&) const {
    todo();
}
std::size_t ddb_number::storage_size() const {
    todo();
}
void ddb_number::check_limits() const {
    todo();
}
std::string_view type_tag(attribute_type) {
    todo();
}
std::optional<attribute_type> type_from_tag(std::string_view) {
    todo();
}
attribute_type type_of(const json&) {
    todo();
}
void validate_attribute_value(const json&) {
    todo();
}
void validate_item(const json&) {
    todo();
}
json normalize_attribute_value(const json&) {
    todo();
}
json normalize_item(const json&) {
    todo();
}
void check_key_attribute(std::string_view, const json&, attribute_type) {
    todo();
}
bool values_equal(const json&, const json&) {
    todo();
}
std::optional<int> compare_values(const json&, const json&) {
    todo();
}
std::size_t attribute_value_size(const json&) {
    todo();
}
std::size_t item_size(const json&) {
    todo();
}
void check_item_size(const json&) {
    todo();
}
void check_updated_item_size(const json&) {
    todo();
}
std::string encode_key_bytes(const json&) {
    todo();
}
std::optional<std::string> prefix_successor(std::string_view) {
    todo();
}
std::string document_path::to_string() const {
    todo();
}
std::vector<document_path> update_expression::target_paths() const {
    todo();
}
std::string_view expression_name(expression_kind) {
    todo();
}
expression_attributes::expression_attributes(const json&, const json&) {}
const std::string& expression_attributes::name(std::string_view) {
    todo();
}
const json& expression_attributes::value(std::string_view) {
    todo();
}
void expression_attributes::check_all_used(bool) const {
    todo();
}
condition parse_condition(std::string_view, expression_kind, expression_attributes&) {
    todo();
}
update_expression parse_update(std::string_view, expression_attributes&) {
    todo();
}
projection parse_projection(std::string_view, expression_attributes&) {
    todo();
}
bool is_reserved_word(std::string_view) {
    todo();
}
const json* resolve_path(const json&, const document_path&) {
    todo();
}
bool evaluate_condition(const condition&, const json&) {
    todo();
}
json apply_update(const update_expression&, const json&) {
    todo();
}
json project_paths(const std::vector<document_path>&, const json&) {
    todo();
}
key_condition parse_key_condition(std::string_view, expression_attributes&, const key_schema&) {
    todo();
}
bool sort_key_matches(const sort_key_condition&, const json&) {
    todo();
}
key_byte_range sort_key_byte_range(const sort_key_condition&) {
    todo();
}
void check_parameter_mixing(const json&) {
    todo();
}
condition expected_to_condition(const json&, const json&) {
    todo();
}
condition filter_to_condition(const json&, const json&) {
    todo();
}
update_expression attribute_updates_to_update(const json&) {
    todo();
}
key_condition key_conditions_to_key_condition(const json&, const key_schema&) {
    todo();
}
projection attributes_to_get_to_projection(const json&) {
    todo();
}
} // namespace cloudbox::services::dynamodb
