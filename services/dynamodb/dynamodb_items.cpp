// What the item operations share (see dynamodb_items.hpp).
#include "dynamodb/dynamodb_items.hpp"

#include "core/encoding.hpp"
#include "core/hash.hpp"

#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/legacy_parameters.hpp"

#include <cmath>

namespace cloudbox::services::dynamodb {

std::optional<condition> condition_of(const json& body, expression_attributes& attrs) {
    if (body.contains("ConditionExpression")) {
        return parse_condition(body["ConditionExpression"].get<std::string>(),
                               expression_kind::condition, attrs);
    }
    if (body.contains("Expected")) {
        return expected_to_condition(body["Expected"], body.value("ConditionalOperator", json()));
    }
    return std::nullopt;
}

core::aws_error condition_failed(const json& body, const std::optional<json>& old_item) {
    auto e = errors::conditional_check_failed();
    if (old_item && body.value("ReturnValuesOnConditionCheckFailure", "NONE") == "ALL_OLD") {
        e.with("Item", old_item->dump());
    }
    return e;
}

double write_units(std::size_t old_size, std::size_t new_size) {
    auto size = std::max(old_size, new_size);
    return std::max(1.0, std::ceil(static_cast<double>(size) / 1024.0));
}

double read_units(std::size_t size, bool consistent) {
    double units = std::max(1.0, std::ceil(static_cast<double>(size) / 4096.0));
    return consistent ? units : units / 2;
}

std::optional<json> consumed_capacity(const json& body, const table_info& t, double units) {
    auto mode = body.value("ReturnConsumedCapacity", "NONE");
    if (mode == "NONE") {
        return std::nullopt;
    }
    json c{{"TableName", t.name}, {"CapacityUnits", units}};
    if (mode == "INDEXES") {
        c["Table"] = {{"CapacityUnits", units}};
    }
    return c;
}

std::optional<json> item_collection_metrics(const json& body, const table_info& t,
                                            const json& item) {
    if (body.value("ReturnItemCollectionMetrics", "NONE") != "SIZE") {
        return std::nullopt;
    }
    bool has_lsi = false;
    for (const auto& i : t.indexes) {
        has_lsi = has_lsi || !i.global;
    }
    if (!has_lsi || !item.contains(t.hash.name)) {
        return std::nullopt;
    }
    return json{{"ItemCollectionKey", {{t.hash.name, item[t.hash.name]}}},
                {"SizeEstimateRangeGB", {0.0, 1.0}}};
}

void record_change(item_txn& tx, const table_info& t, const std::optional<json>& old_item,
                   const std::optional<json>& new_item, std::int64_t now_ms,
                   const std::string& event_id, bool service_delete) {
    if (!t.meta.contains("StreamSpecification") || (!old_item && !new_item)) {
        return;
    }
    // A write that leaves the item as it was appends no record (DynamoDB Streams' rule).
    if (old_item && new_item && *old_item == *new_item) {
        return;
    }
    const std::string view = t.meta["StreamSpecification"].value("StreamViewType", "KEYS_ONLY");
    const json& any = new_item ? *new_item : *old_item;
    json d{{"ApproximateCreationDateTime", now_ms / 1000},
           {"Keys", key_attributes(t, any)},
           {"StreamViewType", view}};
    if (new_item && (view == "NEW_IMAGE" || view == "NEW_AND_OLD_IMAGES")) {
        d["NewImage"] = *new_item;
    }
    if (old_item && (view == "OLD_IMAGE" || view == "NEW_AND_OLD_IMAGES")) {
        d["OldImage"] = *old_item;
    }
    std::size_t size = item_size(d["Keys"]);
    if (d.contains("NewImage")) {
        size += item_size(d["NewImage"]);
    }
    if (d.contains("OldImage")) {
        size += item_size(d["OldImage"]);
    }
    d["SizeBytes"] = size;
    json r{{"eventID", event_id},
           {"eventName", !old_item ? "INSERT" : !new_item ? "REMOVE" : "MODIFY"},
           {"eventVersion", "1.1"},
           {"eventSource", "aws:dynamodb"},
           {"awsRegion", t.region},
           {"dynamodb", d}};
    if (service_delete) {
        r["userIdentity"] = {{"type", "Service"}, {"principalId", "dynamodb.amazonaws.com"}};
    }
    tx.append_stream_record(t, now_ms, r.dump());
}

void store_item(item_txn& tx, const table_info& t, const item_key& key,
                const std::optional<json>& item) {
    if (!item) {
        tx.remove(t, key.pk, key.sk);
        return;
    }
    auto keys = index_keys_of(t, *item);
    tx.put(t, key.pk, key.sk, item->dump(), static_cast<std::int64_t>(item_size(*item)), keys);
}

void add_write_response(json& out, const json& body, const table_info& t,
                        const std::optional<json>& old_item, const std::optional<json>& new_item) {
    std::size_t old_size = old_item ? item_size(*old_item) : 0;
    std::size_t new_size = new_item ? item_size(*new_item) : 0;
    if (auto c = consumed_capacity(body, t, write_units(old_size, new_size))) {
        out["ConsumedCapacity"] = *c;
    }
    const json& any = new_item ? *new_item : old_item ? *old_item : json::object();
    if (auto m = item_collection_metrics(body, t, any)) {
        out["ItemCollectionMetrics"] = *m;
    }
}

namespace {
constexpr std::int64_t transaction_token_window_ms = 10 * 60 * 1000;
}

transaction_token::transaction_token(ddb_call& call)
    : call_(call), token_(call.body.value("ClientRequestToken", std::string())) {
    json request_copy = call.body;
    request_copy.erase("ClientRequestToken");
    request_hash_ = core::to_hex(core::digest(core::digest_kind::sha256, request_copy.dump()));
}

std::optional<json> transaction_token::replay() const {
    if (token_.empty()) {
        return std::nullopt;
    }
    auto seen = call_.ddb.store.find_token(call_.account(), token_,
                                           call_.now_ms() - transaction_token_window_ms);
    if (!seen) {
        return std::nullopt;
    }
    if (seen->first != request_hash_) {
        throw errors::idempotent_parameter_mismatch();
    }
    return json::parse(seen->second);
}

json transaction_token::finish(json out, const std::vector<const table_info*>& tables,
                               std::int64_t now) const {
    const json& b = call_.body;
    if (b.value("ReturnConsumedCapacity", "NONE") != "NONE") {
        json capacity = json::array();
        for (const auto* t : tables) {
            capacity.push_back(*consumed_capacity(b, *t, 2.0));
        }
        out["ConsumedCapacity"] = capacity;
    }
    if (!token_.empty()) {
        call_.ddb.store.save_token(call_.account(), token_, request_hash_, out.dump(), now);
    }
    return out;
}

} // namespace cloudbox::services::dynamodb
