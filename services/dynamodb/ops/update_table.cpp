// UpdateTable: billing mode and throughput, GSI create / delete (backfilled at once), streams,
// deletion protection, table class, SSE.
#include "dynamodb/dynamodb_keys.hpp"
#include "dynamodb/dynamodb_tables.hpp"
#include "dynamodb/ops/ops.hpp"

#include "core/time_format.hpp"

#include <set>

namespace cloudbox::services::dynamodb::ops {

namespace {

void apply_gsi_updates(ddb_call& call, table_info& t, std::vector<index_info>& created,
                       std::vector<std::string>& deleted) {
    json& m = t.meta;
    json definitions = m["AttributeDefinitions"];
    for (const auto& d : call.body.value("AttributeDefinitions", json::array())) {
        bool known = false;
        for (const auto& e : definitions) {
            known = known || e["AttributeName"] == d["AttributeName"];
        }
        if (!known) {
            definitions.push_back(d);
        }
    }
    json gsis = m.value("GlobalSecondaryIndexes", json::array());
    for (const auto& u : call.body["GlobalSecondaryIndexUpdates"]) {
        if (u.contains("Create")) {
            const json& c = u["Create"];
            auto name = c["IndexName"].get<std::string>();
            if (t.find_index(name) != nullptr) {
                throw errors::validation("One or more parameter values were invalid: Index "
                                         "already exists: " +
                                         name);
            }
            for (const auto& k : c["KeySchema"]) {
                bool defined = false;
                for (const auto& d : definitions) {
                    defined = defined || d["AttributeName"] == k["AttributeName"];
                }
                if (!defined) {
                    throw errors::validation(
                        "One or more parameter values were invalid: Some index key attributes "
                        "are not defined in AttributeDefinitions.");
                }
            }
            index_info i = index_from_request(c, true, definitions);
            t.indexes.push_back(i);
            created.push_back(i);
            gsis.push_back(c);
        } else if (u.contains("Delete")) {
            auto name = u["Delete"]["IndexName"].get<std::string>();
            auto it = std::find_if(t.indexes.begin(), t.indexes.end(),
                                   [&](const index_info& i) { return i.name == name; });
            if (it == t.indexes.end() || !it->global) {
                throw errors::resource_not_found("Requested resource not found: Index: " + name +
                                                 " not found");
            }
            t.indexes.erase(it);
            deleted.push_back(name);
            json kept = json::array();
            for (const auto& g : gsis) {
                if (g.value("IndexName", "") != name) {
                    kept.push_back(g);
                }
            }
            gsis = kept;
        } else if (u.contains("Update")) {
            auto name = u["Update"]["IndexName"].get<std::string>();
            if (t.find_index(name) == nullptr) {
                throw errors::resource_not_found("Requested resource not found: Index: " + name +
                                                 " not found");
            }
            for (auto& g : gsis) {
                if (g.value("IndexName", "") == name &&
                    u["Update"].contains("ProvisionedThroughput")) {
                    g["ProvisionedThroughput"] = u["Update"]["ProvisionedThroughput"];
                }
            }
        }
    }
    m["AttributeDefinitions"] = definitions;
    if (gsis.empty()) {
        m.erase("GlobalSecondaryIndexes");
    } else {
        m["GlobalSecondaryIndexes"] = gsis;
    }
}

void apply_stream_update(ddb_call& call, table_info& t) {
    const json& s = call.body["StreamSpecification"];
    bool enable = s.value("StreamEnabled", false);
    bool enabled = t.meta.contains("StreamSpecification");
    if (enable && enabled) {
        throw errors::validation("Table already has an enabled stream: TableName: " + t.name);
    }
    if (!enable && !enabled) {
        throw errors::validation("Table already has no stream enabled: TableName: " + t.name);
    }
    if (enable) {
        if (!s.contains("StreamViewType")) {
            throw errors::invalid_parameter("You must specify a StreamViewType when enabling a "
                                            "stream");
        }
        t.meta["StreamSpecification"] = s;
        t.meta["LatestStreamLabel"] =
            core::format_iso8601_millis(call.ddb.clock.now()).substr(0, 23);
    } else {
        t.meta.erase("StreamSpecification");
    }
}

// Each update names one action, and each index is updated once per request.
void check_gsi_update_list(const json& updates) {
    std::set<std::string> seen;
    for (const auto& u : updates) {
        int actions = 0;
        std::string name;
        for (const char* action : {"Update", "Create", "Delete"}) {
            if (u.contains(action)) {
                ++actions;
                name = name.empty() ? u[action].value("IndexName", "") : name;
            }
        }
        if (actions == 0) {
            throw errors::invalid_parameter(
                "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                "GlobalSecondaryIndexUpdate.Delete must not be null");
        }
        if (actions > 1) {
            throw errors::invalid_parameter("Only one global secondary index action is allowed "
                                            "per GlobalSecondaryIndexUpdate object");
        }
        if (!seen.insert(name).second) {
            throw errors::invalid_parameter("Only one global secondary index update per index is "
                                            "allowed simultaneously. Index: " +
                                            name);
        }
    }
}

// An index is created or deleted one at a time (whether the named indexes exist or not).
void check_online_index_limit(const json& updates) {
    int online = 0;
    for (const auto& u : updates) {
        online += u.contains("Create") || u.contains("Delete") ? 1 : 0;
    }
    if (online > 1) {
        throw errors::limit_exceeded("Subscriber limit exceeded: Only 1 online index can be "
                                     "created or deleted simultaneously per table");
    }
}

// What DynamoDB checks before it looks the table up.
void check_update_request(const json& b) {
    bool any = false;
    for (const char* member :
         {"ProvisionedThroughput", "BillingMode", "StreamSpecification", "SSESpecification",
          "ReplicaUpdates", "DeletionProtectionEnabled", "TableClass", "OnDemandThroughput",
          "WarmThroughput", "MultiRegionConsistency", "GlobalTableWitnessUpdates"}) {
        any = any || b.contains(member);
    }
    any = any || !b.value("GlobalSecondaryIndexUpdates", json::array()).empty();
    if (!any) {
        throw errors::validation("At least one of ProvisionedThroughput, BillingMode, "
                                 "UpdateStreamEnabled, GlobalSecondaryIndexUpdates or "
                                 "SSESpecification or ReplicaUpdates is required");
    }
    if (b.value("BillingMode", "") == "PROVISIONED" && !b.contains("ProvisionedThroughput")) {
        throw errors::invalid_parameter("ProvisionedThroughput must be specified when "
                                        "BillingMode is PROVISIONED");
    }
    if (b.contains("ProvisionedThroughput")) {
        for (const char* unit : {"ReadCapacityUnits", "WriteCapacityUnits"}) {
            auto v = b["ProvisionedThroughput"].value(unit, std::int64_t{0});
            if (v > 1000000000000LL) {
                throw errors::validation("Given value " + std::to_string(v) + " for " + unit +
                                         " is out of bounds");
            }
        }
    }
    check_gsi_update_list(b.value("GlobalSecondaryIndexUpdates", json::array()));
}

} // namespace

json update_table(ddb_call& call) {
    const json& b = call.body;
    check_update_request(b);
    auto current = call.table(true);
    check_online_index_limit(b.value("GlobalSecondaryIndexUpdates", json::array()));
    table_info t = *current;
    json& m = t.meta;
    if (b.contains("ProvisionedThroughput") && m["BillingMode"] != "PAY_PER_REQUEST" &&
        b.value("BillingMode", "PROVISIONED") == "PROVISIONED") {
        auto units = [](const json& pt, const char* unit) {
            return pt.is_object() ? pt.value(unit, std::int64_t{0}) : std::int64_t{0};
        };
        const json& now = m["ProvisionedThroughput"];
        const json& asked = b["ProvisionedThroughput"];
        auto r0 = units(now, "ReadCapacityUnits");
        auto w0 = units(now, "WriteCapacityUnits");
        auto r1 = units(asked, "ReadCapacityUnits");
        auto w1 = units(asked, "WriteCapacityUnits");
        if (r0 == r1 && w0 == w1) {
            throw errors::validation(
                "The provisioned throughput for the table will not change. The requested value "
                "equals the current value. Current ReadCapacityUnits provisioned for the table: " +
                std::to_string(r0) + ". Requested ReadCapacityUnits: " + std::to_string(r1) +
                ". Current WriteCapacityUnits provisioned for the table: " + std::to_string(w0) +
                ". Requested WriteCapacityUnits: " + std::to_string(w1) +
                ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to "
                "request higher limits.");
        }
    }
    if (b.contains("BillingMode")) {
        if (b["BillingMode"] == "PAY_PER_REQUEST" && b["BillingMode"] != m["BillingMode"]) {
            m["BillingModeUpdated"] = static_cast<double>(call.now_ms()) / 1000.0;
            m["ProvisionedThroughput"] = json::object();
        }
        m["BillingMode"] = b["BillingMode"];
    }
    if (b.contains("ProvisionedThroughput")) {
        if (m["BillingMode"] == "PAY_PER_REQUEST") {
            throw errors::invalid_parameter("Neither ReadCapacityUnits nor WriteCapacityUnits "
                                            "can be specified when BillingMode is "
                                            "PAY_PER_REQUEST");
        }
        m["ProvisionedThroughput"] = b["ProvisionedThroughput"];
    }
    std::vector<index_info> created;
    std::vector<std::string> deleted;
    if (b.contains("GlobalSecondaryIndexUpdates")) {
        apply_gsi_updates(call, t, created, deleted);
    }
    if (b.contains("StreamSpecification")) {
        apply_stream_update(call, t);
    }
    for (const char* member : {"DeletionProtectionEnabled", "TableClass", "SSESpecification"}) {
        if (b.contains(member)) {
            m[member] = b[member];
        }
    }
    call.ddb.store.update_table(t);
    for (const auto& name : deleted) {
        call.ddb.store.drop_index(t, name);
    }
    for (const auto& index : created) {
        call.ddb.store.rebuild_index(t, index, [&](const std::string& text) {
            return index_key_of(index, json::parse(text));
        });
    }
    return json{{"TableDescription", describe_table_json(call.ddb, t, "ACTIVE")}};
}

} // namespace cloudbox::services::dynamodb::ops
