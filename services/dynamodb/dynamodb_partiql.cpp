// PartiQL statements on the classic item machinery (see dynamodb_partiql.hpp).
#include "dynamodb/dynamodb_partiql.hpp"

#include "core/encoding.hpp"
#include "core/ids.hpp"
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/dynamodb_read.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/expression_eval.hpp"

#include <algorithm>

namespace cloudbox::services::dynamodb {

namespace {

using partiql::statement_kind;

// The full primary key pinned by equalities among the WHERE clause's top-level conjuncts.
std::optional<json> pinned_key(const table_info& t, const std::optional<condition>& where) {
    if (!where) {
        return std::nullopt;
    }
    auto parts = partiql::conjuncts(*where);
    auto find = [&](const std::string& name) -> const json* {
        for (const condition* c : parts) {
            if (const json* v = partiql::equality_value(*c, name)) {
                return v;
            }
        }
        return nullptr;
    };
    json key = json::object();
    const json* hash = find(t.hash.name);
    if (hash == nullptr) {
        return std::nullopt;
    }
    key[t.hash.name] = *hash;
    if (t.range) {
        const json* range = find(t.range->name);
        if (range == nullptr) {
            return std::nullopt;
        }
        key[t.range->name] = *range;
    }
    return key;
}

void check_key_not_set(const table_info& t, const update_expression& update) {
    for (const auto& path : update.target_paths()) {
        const std::string& name = path.steps.front().name;
        if (name == t.hash.name || (t.range && name == t.range->name)) {
            throw errors::invalid_parameter("Cannot update attribute " + name +
                                            ". This attribute is part of the key");
        }
    }
}

bool where_holds(const prepared_statement& p, const json& item) {
    return !p.stmt.where || evaluate_condition(*p.stmt.where, item);
}

// NextToken: the page's LastEvaluatedKey, base64 of its JSON.
std::string encode_next_token(const json& last_key) {
    return core::base64_encode(last_key.dump());
}

json decode_next_token(const std::string& token) {
    auto text = core::base64_decode(token);
    json key = text ? json::parse(*text, nullptr, false) : json();
    if (!key.is_object()) {
        throw errors::validation("Invalid NextToken");
    }
    return key;
}

// The partition values a SELECT pins on `hash`: `hash = v` or `hash IN [...]` among the
// top-level conjuncts; empty when the SELECT is a Scan.
std::vector<json> pinned_partitions(const std::optional<condition>& where,
                                    const key_attribute& hash) {
    if (!where) {
        return {};
    }
    for (const condition* c : partiql::conjuncts(*where)) {
        if (const json* v = partiql::equality_value(*c, hash.name)) {
            return {*v};
        }
        if (c->kind == condition_kind::in && c->operands[0].kind == operand_kind::path &&
            c->operands[0].path.steps.size() == 1 &&
            c->operands[0].path.steps[0].name == hash.name) {
            std::vector<json> values;
            for (std::size_t i = 1; i < c->operands.size(); ++i) {
                values.push_back(c->operands[i].value);
            }
            return values;
        }
    }
    return {};
}

} // namespace

prepared_statement prepare_statement(ddb_call& call, const json& entry, bool single_item_reads) {
    if (!entry.is_object() || !entry.contains("Statement")) { // a null list member
        throw errors::validation("1 validation error detected: Value null at 'statement' failed "
                                 "to satisfy constraint: Member must not be null");
    }
    prepared_statement p;
    p.stmt = partiql::parse_statement(entry["Statement"].get<std::string>(),
                                      entry.value("Parameters", json()));
    p.table = call.table_named(p.stmt.table);
    const table_info& t = *p.table;
    if (p.stmt.index) {
        p.index = t.find_index(*p.stmt.index);
        if (p.index == nullptr) {
            throw errors::validation("The table does not have the specified index: " +
                                     *p.stmt.index);
        }
    }
    if (p.stmt.kind == statement_kind::insert) {
        validate_item(p.stmt.item);
        p.key = key_of_item(t, p.stmt.item);
        p.key_attributes = key_attributes(t, p.stmt.item);
        check_item_size(p.stmt.item);
        index_keys_of(t, p.stmt.item);
        return p;
    }
    if (p.stmt.kind == statement_kind::select && !single_item_reads) {
        return p;
    }
    auto key = p.index ? std::nullopt : pinned_key(t, p.stmt.where);
    if (!key) {
        throw errors::missing_key_equality();
    }
    p.key = key_from_request(t, *key);
    p.key_attributes = *key;
    if (p.stmt.kind == statement_kind::update) {
        check_key_not_set(t, p.stmt.update);
    }
    return p;
}

std::string write_check(const prepared_statement& p, const std::optional<json>& current) {
    switch (p.stmt.kind) {
    case statement_kind::insert:
        return current ? "DuplicateItem" : "";
    case statement_kind::remove:
        // Deleting a missing item is a no-op; an existing one must satisfy the WHERE clause.
        return current && !where_holds(p, *current) ? "ConditionalCheckFailed" : "";
    default:
        // UPDATE only changes an existing item; EXISTS checks one.
        return !current || !where_holds(p, *current) ? "ConditionalCheckFailed" : "";
    }
}

std::optional<json> write_result(const prepared_statement& p, const std::optional<json>& current) {
    switch (p.stmt.kind) {
    case statement_kind::insert:
        return p.stmt.item;
    case statement_kind::update: {
        json updated = apply_update(p.stmt.update, *current);
        check_updated_item_size(updated);
        return updated;
    }
    case statement_kind::remove:
        return std::nullopt;
    default:
        return current;
    }
}

bool writes_item(const prepared_statement& p, const std::optional<json>& current) {
    switch (p.stmt.kind) {
    case statement_kind::insert:
    case statement_kind::update:
        return true;
    case statement_kind::remove:
        return current.has_value();
    default:
        return false;
    }
}

json returning_items(const prepared_statement& p, const std::optional<json>& before,
                     const std::optional<json>& after) {
    json items = json::array();
    auto add = [&](const std::optional<json>& item, bool modified_only) {
        if (!item) {
            return;
        }
        json shown = modified_only ? project_paths(p.stmt.update.target_paths(), *item) : *item;
        if (!shown.empty()) {
            items.push_back(std::move(shown));
        }
    };
    switch (p.stmt.returning) {
    case partiql::returning_kind::all_old:
        add(before, false);
        break;
    case partiql::returning_kind::all_new:
        add(after, false);
        break;
    case partiql::returning_kind::modified_old:
        add(before, true);
        break;
    case partiql::returning_kind::modified_new:
        add(after, true);
        break;
    case partiql::returning_kind::none:
        break;
    }
    return items;
}

core::aws_error write_check_error(const std::string& code, const json& request,
                                  const std::optional<json>& current) {
    if (code == "DuplicateItem") {
        return errors::duplicate_item();
    }
    return condition_failed(request, current);
}

write_outcome execute_write(ddb_call& call, const prepared_statement& p, const json& request) {
    const auto now = call.now_ms();
    return call.ddb.store.write([&](item_txn& tx) {
        write_outcome out;
        if (auto text = tx.get(*p.table, p.key->pk, p.key->sk)) {
            out.before = json::parse(*text);
        }
        if (auto code = write_check(p, out.before); !code.empty()) {
            throw write_check_error(code, request, out.before);
        }
        out.after = write_result(p, out.before);
        if (writes_item(p, out.before)) {
            store_item(tx, *p.table, *p.key, out.after);
            record_change(tx, *p.table, out.before, out.after, now, core::new_uuid());
        }
        out.items = returning_items(p, out.before, out.after);
        return out;
    });
}

std::optional<json> select_view(const prepared_statement& p, const std::optional<json>& stored) {
    if (!stored || !where_holds(p, *stored)) {
        return std::nullopt;
    }
    return p.stmt.projection.empty() ? *stored : project_paths(p.stmt.projection, *stored);
}

std::optional<json> read_single_item(ddb_call& call, const prepared_statement& p) {
    auto text = call.ddb.store.get_item(*p.table, p.key->pk, p.key->sk);
    return select_view(p, text ? std::optional<json>(json::parse(*text)) : std::nullopt);
}

json execute_select(ddb_call& call, const prepared_statement& p, const json& body) {
    const table_info& t = *p.table;
    read_request r;
    r.table = p.table;
    r.index = p.index;
    r.filter = p.stmt.where;
    if (!p.stmt.projection.empty()) {
        r.proj = projection{p.stmt.projection};
    }
    r.select = p.index ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
    r.consistent = body.value("ConsistentRead", false);
    if (body.contains("Limit")) {
        r.limit = body["Limit"].get<std::size_t>();
    }
    if (p.index && p.index->global && r.consistent) {
        throw errors::validation("Consistent reads are not supported on global secondary indexes");
    }
    const key_attribute& hash = p.index ? p.index->hash : t.hash;
    const std::optional<key_attribute>& range = p.index ? p.index->range : t.range;
    // Partition values of another type than the key's match nothing.
    const std::vector<json> pinned = pinned_partitions(p.stmt.where, hash);
    const bool is_query = !pinned.empty();
    std::vector<std::string> partitions;
    for (const json& v : pinned) {
        if (v.contains(hash.type)) {
            partitions.push_back(encode_key_bytes(v));
        }
    }
    if (p.stmt.order_by) {
        if (!is_query) {
            throw errors::validation("Must have WHERE clause in the statement when using ORDER "
                                     "BY clause.");
        }
        if (!range || *p.stmt.order_by != range->name) {
            throw errors::validation("Variable reference [" + *p.stmt.order_by +
                                     "] must be a sort key for ORDER BY clause.");
        }
    }
    std::optional<start_key> start;
    if (body.contains("NextToken")) {
        json fake{{"ExclusiveStartKey", decode_next_token(body["NextToken"].get<std::string>())}};
        try {
            start = parse_start_key(r, fake);
        } catch (const core::aws_error&) {
            throw errors::validation("Invalid NextToken");
        }
    }
    page_collector page(r);
    auto offer = [&](const item_row& row) { return page.offer(json::parse(row.item)); };
    auto offer_index = [&](const index_key&, const item_row& row) {
        return page.offer(json::parse(row.item));
    };
    if (is_query) {
        const bool forward = !p.stmt.descending;
        std::sort(partitions.begin(), partitions.end());
        partitions.erase(std::unique(partitions.begin(), partitions.end()), partitions.end());
        if (!forward) {
            std::reverse(partitions.begin(), partitions.end());
        }
        bool more = true;
        for (const auto& pk : partitions) {
            const std::string& start_pk =
                start ? (p.index ? start->index->pk : start->table.pk) : pk;
            if (start && (forward ? pk < start_pk : pk > start_pk)) {
                continue; // a partition the previous pages finished
            }
            const bool resume = start && pk == start_pk;
            if (!p.index) {
                std::optional<std::string> after;
                if (resume) {
                    after = start->table.sk;
                }
                call.ddb.store.query(t, pk, {}, forward, after,
                                     [&](const item_row& row) { return more = offer(row); });
            } else {
                std::optional<index_position> after;
                if (resume) {
                    after = index_position{start->index->pk, start->index->sk, start->table.pk,
                                           start->table.sk};
                }
                call.ddb.store.query_index(t, p.index->name, pk, {}, forward, after,
                                           [&](const index_key& k, const item_row& row) {
                                               return more = offer_index(k, row);
                                           });
            }
            if (!more) {
                break;
            }
        }
    } else if (!p.index) {
        std::optional<std::pair<std::string, std::string>> after;
        if (start) {
            after = std::make_pair(start->table.pk, start->table.sk);
        }
        call.ddb.store.scan(t, after, offer);
    } else {
        std::optional<index_position> after;
        if (start) {
            after = index_position{start->index->pk, start->index->sk, start->table.pk,
                                   start->table.sk};
        }
        call.ddb.store.scan_index(t, p.index->name, after, offer_index);
    }
    json page_out = page.finish(body);
    json out{{"Items", page_out["Items"]}};
    if (page_out.contains("LastEvaluatedKey")) {
        out["NextToken"] = encode_next_token(page_out["LastEvaluatedKey"]);
        out["LastEvaluatedKey"] = page_out["LastEvaluatedKey"];
    }
    if (page_out.contains("ConsumedCapacity")) {
        out["ConsumedCapacity"] = page_out["ConsumedCapacity"];
    }
    return out;
}

} // namespace cloudbox::services::dynamodb
