// What every DynamoDB operation reaches: the store, the clock, the request and its JSON body.
#pragma once

#include "core/clock.hpp"
#include "dynamodb/dynamodb_errors.hpp"
#include "dynamodb/dynamodb_service.hpp"
#include "dynamodb/dynamodb_store.hpp"
#include "service/request.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <mutex>
#include <optional>
#include <string>

namespace cloudbox::services::dynamodb {

using json = nlohmann::json;

struct ddb_context {
    dynamodb_store store;
    core::clock& clock;
    dynamodb_options options;
    std::mutex ttl_mutex; // one TTL sweep at a time
    // Clock time of the last lazy TTL sweep (see dynamodb_service::handle).
    std::atomic<std::int64_t> last_ttl_sweep_ms{0};

    ddb_context(dynamodb_options opts, core::clock& c);
};

struct ddb_call {
    ddb_context& ddb;
    service::request& req;
    json& body;
    // Items already serialised (Query and Scan pass stored item texts through unparsed): the
    // array's elements, spliced into the result as "Items".
    std::optional<std::string> raw_items;
    // One stored item text, spliced into the result as "Item" (GetItem without projection or
    // capacity: the item is never parsed).
    std::optional<std::string> raw_item;

    const std::string& account() const { return req.ctx.account_id; }
    const std::string& region() const { return req.ctx.region; }
    std::int64_t now_ms() const { return ddb.clock.now_millis(); }

    // The table named by body["TableName"], or ResourceNotFoundException: data-plane operations
    // say only "Requested resource not found"; control-plane ones name the table.
    table_ptr table(bool detailed = false) const;
    table_ptr table_named(const std::string& name, bool detailed = false) const;

    std::string table_arn(const std::string& name) const {
        return "arn:aws:dynamodb:" + region() + ":" + account() + ":table/" + name;
    }
};

using ddb_operation = json (*)(ddb_call&);

} // namespace cloudbox::services::dynamodb
