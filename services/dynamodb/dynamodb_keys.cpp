// Key bytes of items for the table and its secondary indexes.
#include "dynamodb/dynamodb_keys.hpp"

#include "dynamodb/dynamodb_errors.hpp"
#include "dynamodb/expr/attribute_value.hpp"

#include <algorithm>

namespace cloudbox::services::dynamodb {

namespace {

attribute_type key_type(const std::string& tag) {
    return tag == "N" ? attribute_type::N : tag == "B" ? attribute_type::B : attribute_type::S;
}

bool has_type(const json& v, const std::string& tag) {
    return v.is_object() && v.size() == 1 && v.contains(tag);
}

// DynamoDB's key size limits: 2048 bytes for a partition key, 1024 for a sort key (numbers
// are always within them; binary counts its decoded bytes).
void check_key_size(const json& value, bool hash) {
    std::size_t size = 0;
    if (auto it = value.find("S"); it != value.end() && it->is_string()) {
        size = it->get_ref<const std::string&>().size();
    } else if (auto b = value.find("B"); b != value.end() && b->is_string()) {
        const auto& text = b->get_ref<const std::string&>();
        std::size_t pad = text.ends_with("==") ? 2 : text.ends_with('=') ? 1 : 0;
        size = text.size() / 4 * 3 - pad;
    }
    if (hash && size > 2048) {
        throw errors::invalid_parameter(
            "Size of hashkey has exceeded the maximum size limit of2048 bytes");
    }
    if (!hash && size > 1024) {
        throw errors::invalid_parameter(
            "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }
}

} // namespace

void validate_key_values(const json& key) {
    if (!key.is_object()) {
        return;
    }
    for (auto it = key.begin(); it != key.end(); ++it) {
        validate_attribute_value(it.value());
    }
}

item_key key_from_request(const table_info& t, const json& key) {
    std::size_t expected = t.range ? 2 : 1;
    auto mismatch = [] {
        return errors::validation("The provided key element does not match the schema");
    };
    if (!key.is_object() || key.size() != expected || !key.contains(t.hash.name) ||
        (t.range && !key.contains(t.range->name))) {
        throw mismatch();
    }
    for (auto it = key.begin(); it != key.end(); ++it) {
        validate_attribute_value(it.value());
    }
    if (!has_type(key[t.hash.name], t.hash.type) ||
        (t.range && !has_type(key[t.range->name], t.range->type))) {
        throw mismatch();
    }
    check_key_attribute(t.hash.name, key[t.hash.name], key_type(t.hash.type));
    check_key_size(key[t.hash.name], true);
    item_key k{encode_key_bytes(key[t.hash.name]), {}};
    if (t.range) {
        check_key_attribute(t.range->name, key[t.range->name], key_type(t.range->type));
        check_key_size(key[t.range->name], false);
        k.sk = encode_key_bytes(key[t.range->name]);
    }
    return k;
}

item_key key_of_item(const table_info& t, const json& item) {
    auto one = [&](const key_attribute& a, bool hash) {
        auto it = item.find(a.name);
        if (it == item.end()) {
            throw errors::invalid_parameter("Missing the key " + a.name + " in the item");
        }
        check_key_attribute(a.name, *it, key_type(a.type));
        check_key_size(*it, hash);
        return encode_key_bytes(*it);
    };
    item_key k{one(t.hash, true), {}};
    if (t.range) {
        k.sk = one(*t.range, false);
    }
    return k;
}

json key_attributes(const table_info& t, const json& item) {
    json k = json::object();
    k[t.hash.name] = item.at(t.hash.name);
    if (t.range) {
        k[t.range->name] = item.at(t.range->name);
    }
    return k;
}

json index_key_attributes(const table_info& t, const index_info& index, const json& item) {
    json k = key_attributes(t, item);
    k[index.hash.name] = item.at(index.hash.name);
    if (index.range) {
        k[index.range->name] = item.at(index.range->name);
    }
    return k;
}

std::optional<index_key> index_key_of(const index_info& index, const json& item) {
    auto check = [&](const key_attribute& a) -> const json* {
        auto it = item.find(a.name);
        if (it == item.end()) {
            return nullptr;
        }
        if (!has_type(*it, a.type)) {
            std::string actual = it->is_object() && !it->empty() ? it->begin().key() : "";
            throw errors::invalid_parameter("Type mismatch for Index Key " + a.name +
                                            " Expected: " + a.type + " Actual: " + actual +
                                            " IndexName: " + index.name);
        }
        return &*it;
    };
    const json* hash = check(index.hash);
    const json* range = index.range ? check(*index.range) : nullptr;
    if (hash == nullptr || (index.range && range == nullptr)) {
        return std::nullopt;
    }
    index_key k{index.name, encode_key_bytes(*hash), {}};
    if (range != nullptr) {
        k.sk = encode_key_bytes(*range);
    }
    return k;
}

std::vector<index_key> index_keys_of(const table_info& t, const json& item) {
    // DynamoDB checks the global indexes' key types before the local ones'.
    for (const auto& index : t.indexes) {
        if (index.global) {
            index_key_of(index, item);
        }
    }
    std::vector<index_key> out;
    for (const auto& index : t.indexes) {
        if (auto k = index_key_of(index, item)) {
            out.push_back(std::move(*k));
        }
    }
    return out;
}

json project_for_index(const table_info& t, const index_info& index, const json& item) {
    if (index.projection_type == "ALL") {
        return item;
    }
    json out = index_key_attributes(t, index, item);
    if (index.projection_type == "INCLUDE") {
        for (const auto& name : index.non_key_attributes) {
            if (item.contains(name)) {
                out[name] = item[name];
            }
        }
    }
    return out;
}

void check_key_paths_scalar(const table_info& t, const std::vector<document_path>& paths) {
    auto nested = [&](const std::string& attribute) {
        return std::any_of(paths.begin(), paths.end(), [&](const document_path& p) {
            return p.steps.size() > 1 && p.steps.front().name == attribute;
        });
    };
    auto refuse = [](const char* kind, const std::string& attribute) {
        return errors::validation("Key attributes must be scalars; list random access '[]' and "
                                  "map lookup '.' are not allowed: " +
                                  std::string(kind) + ": " + attribute);
    };
    for (const auto* key : {&t.hash, t.range ? &*t.range : nullptr}) {
        if (key != nullptr && nested(key->name)) {
            throw refuse("Key", key->name);
        }
    }
    for (const auto& index : t.indexes) {
        for (const auto* key : {&index.hash, index.range ? &*index.range : nullptr}) {
            if (key != nullptr && nested(key->name)) {
                throw refuse("IndexKey", key->name);
            }
        }
    }
}

} // namespace cloudbox::services::dynamodb
