// BatchExecuteStatement: up to 25 single-item PartiQL statements, all reads or all writes, each
// succeeding or failing on its own (per-statement Error with DynamoDB's batch error codes).
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/dynamodb_partiql.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/ops/ops.hpp"

#include <map>

namespace cloudbox::services::dynamodb::ops {

namespace {

// BatchStatementErrorCodeEnum of an exception code.
std::string batch_error_code(const std::string& code) {
    if (code == "ValidationException") {
        return "ValidationError";
    }
    if (code == "ResourceNotFoundException") {
        return "ResourceNotFound";
    }
    if (code == "ConditionalCheckFailedException") {
        return "ConditionalCheckFailed";
    }
    if (code == "DuplicateItemException") {
        return "DuplicateItem";
    }
    return "InternalServerError";
}

json batch_error(const core::aws_error& e) {
    json error{{"Code", batch_error_code(e.code)}, {"Message", e.message}};
    for (const auto& [name, value] : e.fields) {
        if (name == "Item") {
            error["Item"] = json::parse(value, nullptr, false);
        }
    }
    return error;
}

} // namespace

json batch_execute_statement(ddb_call& call) {
    const json& b = call.body;
    struct slot {
        std::optional<prepared_statement> prepared;
        std::optional<json> error;
    };
    std::vector<slot> slots;
    bool reads = false;
    bool writes = false;
    for (const auto& entry : b["Statements"]) {
        slot s;
        try {
            s.prepared = prepare_statement(call, entry, true);
            if (s.prepared->stmt.kind == partiql::statement_kind::exists) {
                throw errors::validation("EXISTS can only be used in ExecuteTransaction");
            }
            (s.prepared->stmt.is_read() ? reads : writes) = true;
        } catch (const core::aws_error& e) {
            s.prepared.reset();
            s.error = batch_error(e);
        }
        slots.push_back(std::move(s));
    }
    if (reads && writes) {
        throw errors::validation("Batch must consist of either all read statements or all "
                                 "write statements");
    }
    json responses = json::array();
    std::map<std::string, double> units; // per table, for ConsumedCapacity
    std::map<std::string, table_ptr> tables;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const slot& s = slots[i];
        json response = json::object();
        if (s.error) {
            response["Error"] = *s.error;
            responses.push_back(std::move(response));
            continue;
        }
        const prepared_statement& p = *s.prepared;
        response["TableName"] = p.table->name;
        tables[p.table->name] = p.table;
        try {
            if (p.stmt.is_read()) {
                auto item = read_single_item(call, p);
                const bool consistent = b["Statements"][i].value("ConsistentRead", false);
                units[p.table->name] += read_units(item ? item_size(*item) : 0, consistent);
                if (item) {
                    response["Item"] = *item;
                }
            } else {
                write_outcome w = execute_write(call, p, b["Statements"][i]);
                units[p.table->name] += write_units(w.before ? item_size(*w.before) : 0,
                                                    w.after ? item_size(*w.after) : 0);
            }
        } catch (const core::aws_error& e) {
            response["Error"] = batch_error(e);
        }
        responses.push_back(std::move(response));
    }
    json out{{"Responses", responses}};
    if (b.value("ReturnConsumedCapacity", "NONE") != "NONE") {
        json capacity = json::array();
        for (const auto& [name, total] : units) {
            capacity.push_back(*consumed_capacity(b, *tables[name], total));
        }
        out["ConsumedCapacity"] = capacity;
    }
    return out;
}

} // namespace cloudbox::services::dynamodb::ops
