// Query and Scan pages (see dynamodb_read.hpp).
#include "dynamodb/dynamodb_read.hpp"

#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/dynamodb_keys.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/expression_eval.hpp"
#include "dynamodb/expr/legacy_parameters.hpp"

#include <stdexcept>

namespace cloudbox::services::dynamodb {

namespace {

constexpr std::size_t max_page_bytes = 1024 * 1024; // DynamoDB stops a page at 1 MB read

void collect_paths(const operand& o, std::vector<document_path>& out) {
    if (o.kind == operand_kind::path) {
        out.push_back(o.path);
    }
    for (const auto& a : o.args) {
        collect_paths(a, out);
    }
}

void collect_paths(const condition& c, std::vector<document_path>& out) {
    for (const auto& o : c.operands) {
        collect_paths(o, out);
    }
    for (const auto& child : c.children) {
        collect_paths(child, out);
    }
}

} // namespace

read_request parse_read_request(ddb_call& call, expression_attributes& attrs,
                                const char* filter_member) {
    const json& b = call.body;
    read_request r;
    if (b.contains("FilterExpression")) {
        r.filter = parse_condition(b["FilterExpression"].get<std::string>(),
                                   expression_kind::filter, attrs);
    } else if (b.contains(filter_member)) {
        r.filter = filter_to_condition(b[filter_member], b.value("ConditionalOperator", json()));
    }
    if (b.contains("ProjectionExpression")) {
        r.proj = parse_projection(b["ProjectionExpression"].get<std::string>(), attrs);
    } else if (b.contains("AttributesToGet")) {
        r.proj = attributes_to_get_to_projection(b["AttributesToGet"]);
    }
    r.consistent = b.value("ConsistentRead", false);
    if (b.contains("Limit")) {
        r.limit = b["Limit"].get<std::size_t>();
    }
    return r;
}

void validate_start_key_values(const json& body) {
    if (!body.contains("ExclusiveStartKey") || !body["ExclusiveStartKey"].is_object()) {
        return;
    }
    for (const auto& [name, value] : body["ExclusiveStartKey"].items()) {
        try {
            validate_attribute_value(value);
        } catch (const core::aws_error& e) {
            // DynamoDB prefixes some of the value errors only (number and set ones keep theirs).
            static const char* const bare[] = {"contains duplicates", "number set", "numeric value",
                                               "significant digits", "number with magnitude"};
            for (const char* text : bare) {
                if (e.message.find(text) != std::string::npos) {
                    throw;
                }
            }
            throw errors::validation("The provided starting key is invalid: " + e.message);
        }
    }
}

void check_filter_key_paths(const read_request& r) {
    if (r.filter) {
        std::vector<document_path> read;
        collect_paths(*r.filter, read);
        check_key_paths_scalar(*r.table, read);
    }
}

void bind_read_table(ddb_call& call, read_request& r) {
    const json& b = call.body;
    r.table = call.table();
    if (b.contains("IndexName")) {
        auto name = b["IndexName"].get<std::string>();
        r.index = r.table->find_index(name);
        if (r.index == nullptr) {
            throw errors::validation("The table does not have the specified index: " + name);
        }
        if (r.index->global && r.consistent) {
            throw errors::validation(
                "Consistent reads are not supported on global secondary indexes");
        }
    }
    if (r.proj) {
        check_key_paths_scalar(*r.table, r.proj->paths);
    }
    const bool has_projection = r.proj.has_value();
    const char* projection_name =
        b.contains("ProjectionExpression") ? "ProjectionExpression" : "AttributesToGet";
    r.select = b.value("Select", has_projection ? "SPECIFIC_ATTRIBUTES"
                                 : r.index      ? "ALL_PROJECTED_ATTRIBUTES"
                                                : "ALL_ATTRIBUTES");
    if (has_projection && r.select != "SPECIFIC_ATTRIBUTES") {
        throw errors::validation(std::string("Cannot specify the ") + projection_name +
                                 " when choosing to get " +
                                 (r.select == "COUNT" ? "only the Count" : r.select));
    }
    if (r.select == "ALL_PROJECTED_ATTRIBUTES" && r.index == nullptr) {
        throw errors::validation(
            "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
    if (r.select == "SPECIFIC_ATTRIBUTES" && !has_projection) {
        throw errors::validation("Must specify the AttributesToGet or ProjectionExpression "
                                 "when choosing to get SPECIFIC_ATTRIBUTES");
    }
    if (r.select == "ALL_ATTRIBUTES" && r.index != nullptr && r.index->global &&
        r.index->projection_type != "ALL") {
        throw errors::invalid_parameter("Select type ALL_ATTRIBUTES is not supported for global "
                                        "secondary index " +
                                        r.index->name + " because its projection type is not ALL");
    }
}

bool page_collector::offer(const json& stored) {
    const json& item = stored;
    json visible = r_.index && r_.select != "ALL_ATTRIBUTES"
                       ? project_for_index(*r_.table, *r_.index, item)
                       : item;
    ++scanned_;
    bytes_ += item_size(item);
    last_key_ = r_.index ? index_key_attributes(*r_.table, *r_.index, item)
                         : key_attributes(*r_.table, item);
    if (!r_.filter || evaluate_condition(*r_.filter, visible)) {
        ++count_;
        if (r_.select != "COUNT") {
            items_.push_back(r_.proj ? apply_projection(*r_.proj, visible) : std::move(visible));
        }
    }
    bool full = (r_.limit && scanned_ >= *r_.limit) || bytes_ >= max_page_bytes;
    if (!full) {
        return true;
    }
    return false;
}

bool page_collector::offer_row(const item_row& row) {
    const bool as_stored =
        !r_.index && !r_.filter && !r_.proj && r_.select != "COUNT" && row.size >= 0;
    if (!as_stored) {
        return offer(json::parse(row.item));
    }
    raw_ = true;
    ++scanned_;
    ++count_;
    bytes_ += static_cast<std::size_t>(row.size);
    if (!raw_items_.empty()) {
        raw_items_ += ',';
    }
    raw_items_ += row.item;
    bool full = (r_.limit && scanned_ >= *r_.limit) || bytes_ >= max_page_bytes;
    if (full) {
        last_key_ = key_attributes(*r_.table, json::parse(row.item));
    }
    return !full;
}

json page_collector::finish(const json& body, std::optional<std::string>* items_text) {
    json out = json::object();
    if (raw_) {
        if (items_text == nullptr) {
            throw std::logic_error("page_collector: unparsed items need a caller that splices");
        }
        *items_text = std::move(raw_items_);
    } else if (r_.select != "COUNT") {
        out["Items"] = std::move(items_);
    }
    out["Count"] = count_;
    out["ScannedCount"] = scanned_;
    bool full = (r_.limit && scanned_ >= *r_.limit) || bytes_ >= max_page_bytes;
    if (full && last_key_) {
        out["LastEvaluatedKey"] = *last_key_;
    }
    if (auto c = consumed_capacity(body, *r_.table, read_units(bytes_, r_.consistent))) {
        out["ConsumedCapacity"] = *c;
    }
    return out;
}

std::optional<start_key> parse_start_key(const read_request& r, const json& body) {
    if (!body.contains("ExclusiveStartKey")) {
        return std::nullopt;
    }
    const json& k = body["ExclusiveStartKey"];
    auto invalid = [] { return errors::validation("The provided starting key is invalid"); };
    for (auto it = k.begin(); it != k.end(); ++it) {
        validate_attribute_value(it.value());
    }
    const table_info& t = *r.table;
    start_key s;
    if (!r.index) {
        try {
            s.table = key_from_request(t, k);
        } catch (const core::aws_error& e) {
            // Scan says why; Query does not.
            if (body.contains("KeyConditionExpression") || body.contains("KeyConditions")) {
                throw invalid();
            }
            throw errors::validation("The provided starting key is invalid: " + e.message);
        }
        return s;
    }
    json table_part = json::object();
    table_part[t.hash.name] = k.value(t.hash.name, json());
    if (t.range) {
        table_part[t.range->name] = k.value(t.range->name, json());
    }
    std::optional<index_key> ik;
    try {
        s.table = key_from_request(t, table_part);
        ik = index_key_of(*r.index, k);
    } catch (const core::aws_error&) {
        throw invalid();
    }
    if (!ik) {
        throw invalid();
    }
    s.index = *ik;
    return s;
}

} // namespace cloudbox::services::dynamodb
