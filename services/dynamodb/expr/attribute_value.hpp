// DynamoDB attribute values in wire form (nlohmann::json): validation, equality, ordering,
// item size and the memcmp-ordered key encoding used by the store.
#pragma once

#include "dynamodb/expr/number.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cloudbox::services::dynamodb {

using json = nlohmann::json;

// The ten DynamoDB data types, by their wire tag.
enum class attribute_type { S, N, B, BOOL, NULL_, M, L, SS, NS, BS };

// "S", "N", ... for a type; the type of a tag ("NULL" -> NULL_); nullopt for an unknown tag.
std::string_view type_tag(attribute_type type);
std::optional<attribute_type> type_from_tag(std::string_view tag);
// The type of a value already validated (exactly one known member). Throws if not.
attribute_type type_of(const json& value);

// Maximum nesting of M / L inside an attribute value (DynamoDB allows 32 levels).
inline constexpr int max_nesting_depth = 32;
// DynamoDB's item size limit: 400 KB.
inline constexpr std::size_t max_item_size = 400 * 1024;

// ---- Validation ------------------------------------------------------------------------------
// Checks one AttributeValue, recursively, as DynamoDB does. Throws SerializationException for a
// wrong JSON shape (e.g. {"S": 5}, invalid base64) and ValidationException for:
//   "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"
//   "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the
//    supported datatypes"
//   "One or more parameter values were invalid: An string set  may not be empty" (also "An
//    number set  may not be empty", "Binary sets should not be empty")
//   "One or more parameter values were invalid: Input collection [a, a] contains duplicates."
//   "One or more parameter values were invalid: Null attribute value types must have the value
//    of true"
//   number errors (see ddb_number::parse), "Nesting Levels have exceeded supported limits".
// Empty strings / binaries are valid here: only key attributes reject them
// (check_key_attribute). Unknown members are ignored, as DynamoDB's deserializer does.
void validate_attribute_value(const json& value);
// Validates every attribute of an item (a JSON object name -> AttributeValue).
void validate_item(const json& item);

// Returns the value with numbers normalised ("1.50" -> "1.5") in N, NS and nested M / L, and
// unknown members dropped. The value must have been validated.
json normalize_attribute_value(const json& value);
json normalize_item(const json& item);

// Key attributes: throws ValidationException when `value` is not of `expected_type` (S, N or B):
//   "One or more parameter values were invalid: Type mismatch for key <name> expected: S actual:
//    N"
// or is an empty string / binary:
//   "One or more parameter values are not valid. The AttributeValue for a key attribute cannot
//    contain an empty string value. Key: <name>"
//   ("... cannot contain an empty binary value. Key: <name>" for B).
void check_key_attribute(std::string_view name, const json& value, attribute_type expected_type);

// ---- Equality and order ----------------------------------------------------------------------
// DynamoDB equality: same type and same value; numbers compared numerically ("1.0" == "1"),
// binaries by decoded bytes, sets unordered, maps by key, lists in order.
bool values_equal(const json& a, const json& b);
// Order of two scalars of the same type S, N or B: <0, 0, >0 (S by UTF-8 bytes, N numerically,
// B by decoded bytes). nullopt when the types differ or are not S/N/B (not comparable).
std::optional<int> compare_values(const json& a, const json& b);

// ---- Sizes -----------------------------------------------------------------------------------
// Size in bytes of an AttributeValue as DynamoDB counts it: S = UTF-8 bytes, B = decoded bytes,
// N = ddb_number::storage_size, BOOL / NULL = 1, sets = sum of their members, L = 3 + per element
// (1 + size), M = 3 + per entry (1 + name length + size).
std::size_t attribute_value_size(const json& value);
// Size of an item: for each attribute, UTF-8 length of its name + size of its value.
std::size_t item_size(const json& item);
// Throws ValidationException "Item size has exceeded the maximum allowed size" over 400 KB.
void check_item_size(const json& item);
// For UpdateItem: "Item size to update has exceeded the maximum allowed size".
void check_updated_item_size(const json& item);

// ---- Key encoding ----------------------------------------------------------------------------
// Encodes an S, N or B key value (validated) as bytes whose memcmp order (shorter prefix first,
// as SQLite compares BLOBs) equals DynamoDB's order of values of that type: S by UTF-8 bytes,
// B by bytes, N numerically (negatives, zero, positives, exponents). Equal values ("1.0", "1")
// encode identically. Values of different types must not be mixed in one index. Throws
// ValidationException for other types.
std::string encode_key_bytes(const json& value);
// The smallest byte string greater than every string starting with `prefix` (for begins_with
// range scans); nullopt when there is none (empty prefix or all 0xFF).
std::optional<std::string> prefix_successor(std::string_view prefix);

} // namespace cloudbox::services::dynamodb
