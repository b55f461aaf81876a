// ExecuteTransaction: up to 100 single-item PartiQL statements, all or nothing: either all
// SELECT (a read snapshot) or only writes and EXISTS checks, with CancellationReasons in
// statement order and ClientRequestToken idempotency (10 minutes), as TransactWriteItems.
#include "core/ids.hpp"
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/dynamodb_partiql.hpp"
#include "dynamodb/ops/ops.hpp"

#include <set>

namespace cloudbox::services::dynamodb::ops {

namespace {

json cancellation_reason(const std::string& code, const prepared_statement& p, const json& request,
                         const std::optional<json>& current) {
    if (code.empty()) {
        return {{"Code", "None"}};
    }
    if (code == "DuplicateItem") {
        return {{"Code", code}, {"Message", "Duplicate primary key exists in table"}};
    }
    json reason{{"Code", code}, {"Message", "The conditional request failed"}};
    if (current && p.stmt.kind != partiql::statement_kind::insert &&
        request.value("ReturnValuesOnConditionCheckFailure", "NONE") == "ALL_OLD") {
        reason["Item"] = *current;
    }
    return reason;
}

} // namespace

json execute_transaction(ddb_call& call) {
    const json& b = call.body;
    transaction_token token(call);
    if (auto answer = token.replay()) {
        return *answer;
    }
    std::vector<prepared_statement> statements;
    std::set<std::tuple<std::int64_t, std::string, std::string>> targets;
    std::size_t reads = 0;
    for (const auto& entry : b["TransactStatements"]) {
        statements.push_back(prepare_statement(call, entry, true));
        const auto& p = statements.back();
        reads += p.stmt.is_read() ? 1 : 0;
        if (!targets.insert({p.table->id, p.key->pk, p.key->sk}).second) {
            throw errors::validation("Transaction request cannot include multiple operations on "
                                     "one item");
        }
    }
    if (reads != 0 && reads != statements.size()) {
        throw errors::validation("Transaction must contain either all read statements or all "
                                 "write statements");
    }
    const bool read_only = reads != 0;
    const auto now = call.now_ms();
    json responses = call.ddb.store.write([&](item_txn& tx) {
        std::vector<std::optional<json>> current;
        for (const auto& p : statements) {
            auto text = tx.get(*p.table, p.key->pk, p.key->sk);
            current.push_back(text ? std::optional<json>(json::parse(*text)) : std::nullopt);
        }
        json out = json::array();
        if (read_only) {
            for (std::size_t i = 0; i < statements.size(); ++i) {
                json response = json::object();
                if (auto item = select_view(statements[i], current[i])) {
                    response["Item"] = *item;
                }
                out.push_back(std::move(response));
            }
            return out;
        }
        json reasons = json::array();
        std::string codes;
        bool cancelled = false;
        for (std::size_t i = 0; i < statements.size(); ++i) {
            auto code = write_check(statements[i], current[i]);
            cancelled = cancelled || !code.empty();
            reasons.push_back(
                cancellation_reason(code, statements[i], b["TransactStatements"][i], current[i]));
            codes += (codes.empty() ? "" : ", ") + reasons.back()["Code"].get<std::string>();
        }
        if (cancelled) {
            auto e = errors::transaction_canceled(codes);
            e.with("CancellationReasons", reasons.dump());
            throw e;
        }
        for (std::size_t i = 0; i < statements.size(); ++i) {
            const auto& p = statements[i];
            if (!writes_item(p, current[i])) {
                continue;
            }
            auto next = write_result(p, current[i]);
            store_item(tx, *p.table, *p.key, next);
            record_change(tx, *p.table, current[i], next, now, core::new_uuid());
        }
        return out;
    });
    // Write transactions answer an empty Responses list, as AWS does.
    json out = {{"Responses", read_only ? responses : json::array()}};
    std::vector<const table_info*> tables;
    for (const auto& p : statements) {
        tables.push_back(p.table.get());
    }
    return token.finish(std::move(out), tables, now);
}

} // namespace cloudbox::services::dynamodb::ops
