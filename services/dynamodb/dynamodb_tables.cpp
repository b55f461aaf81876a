// Table definitions: CreateTable's checks (DynamoDB's messages and order) and TableDescription.
#include "dynamodb/dynamodb_tables.hpp"

#include "core/ids.hpp"
#include "core/time_format.hpp"

#include <set>

namespace cloudbox::services::dynamodb {

namespace {

std::string invalid(const std::string& detail) {
    return "One or more parameter values were invalid: " + detail;
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        out += (out.empty() ? "" : ", ") + n;
    }
    return out;
}

std::vector<std::string> names_of(const json& list) {
    std::vector<std::string> out;
    for (const auto& e : list) {
        out.push_back(e.value("AttributeName", ""));
    }
    return out;
}

std::string type_of_definition(const json& definitions, const std::string& name) {
    for (const auto& d : definitions) {
        if (d.value("AttributeName", "") == name) {
            return d.value("AttributeType", "S");
        }
    }
    return "S";
}

// The checks shared by the table's and each index's KeySchema.
void check_key_schema(const json& schema, const std::vector<std::string>& defined) {
    auto keys = names_of(schema);
    for (const auto& k : keys) {
        if (std::find(defined.begin(), defined.end(), k) == defined.end()) {
            throw errors::validation(invalid(
                "Some index key attributes are not defined in AttributeDefinitions. Keys: [" +
                join_names(keys) + "], AttributeDefinitions: [" + join_names(defined) + "]"));
        }
    }
    if (keys.size() == 2 && keys[0] == keys[1]) {
        throw errors::validation(
            "Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    if (schema[0].value("KeyType", "") != "HASH") {
        throw errors::validation(
            "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (schema.size() == 2 && schema[1].value("KeyType", "") != "RANGE") {
        throw errors::validation(
            "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
}

void check_projection(const json& index) {
    const json& p = index["Projection"];
    if (!p.contains("ProjectionType")) {
        throw errors::validation(invalid("Unknown ProjectionType: null"));
    }
    auto type = p["ProjectionType"].get<std::string>();
    if (p.contains("NonKeyAttributes") && type != "INCLUDE") {
        throw errors::validation(
            invalid("ProjectionType is " + type + ", but NonKeyAttributes is specified"));
    }
}

json throughput_json(const json& given) {
    return json{{"NumberOfDecreasesToday", 0},
                {"ReadCapacityUnits", given.value("ReadCapacityUnits", 0)},
                {"WriteCapacityUnits", given.value("WriteCapacityUnits", 0)}};
}

json key_schema_json(const key_attribute& hash, const std::optional<key_attribute>& range) {
    json out = json::array({{{"AttributeName", hash.name}, {"KeyType", "HASH"}}});
    if (range) {
        out.push_back({{"AttributeName", range->name}, {"KeyType", "RANGE"}});
    }
    return out;
}

} // namespace

index_info index_from_request(const json& index, bool global, const json& definitions) {
    index_info i;
    i.name = index["IndexName"].get<std::string>();
    i.global = global;
    const json& schema = index["KeySchema"];
    auto hash = schema[0]["AttributeName"].get<std::string>();
    i.hash = {hash, type_of_definition(definitions, hash)};
    if (schema.size() > 1) {
        auto range = schema[1]["AttributeName"].get<std::string>();
        i.range = key_attribute{range, type_of_definition(definitions, range)};
    }
    i.projection_type = index["Projection"].value("ProjectionType", "ALL");
    if (index["Projection"].contains("NonKeyAttributes")) {
        i.non_key_attributes =
            index["Projection"]["NonKeyAttributes"].get<std::vector<std::string>>();
    }
    return i;
}

table_info table_from_create_request(const json& body, const ddb_call& call) {
    const std::string billing = body.value("BillingMode", "PROVISIONED");
    const bool on_demand = billing == "PAY_PER_REQUEST";
    if (on_demand && body.contains("ProvisionedThroughput")) {
        throw errors::validation(invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                                         "specified when BillingMode is PAY_PER_REQUEST"));
    }
    if (!on_demand && !body.contains("ProvisionedThroughput")) {
        throw errors::validation(invalid("ReadCapacityUnits and WriteCapacityUnits must both be "
                                         "specified when BillingMode is PROVISIONED"));
    }
    if (!on_demand) {
        for (const char* unit : {"ReadCapacityUnits", "WriteCapacityUnits"}) {
            auto v = body["ProvisionedThroughput"].value(unit, std::int64_t{0});
            if (v > 1000000000000LL) {
                throw errors::validation("Given value " + std::to_string(v) + " for " + unit +
                                         " is out of bounds");
            }
        }
    }
    const json& definitions = body["AttributeDefinitions"];
    const json& schema = body["KeySchema"];
    auto defined = names_of(definitions);
    auto keys = names_of(schema);
    if (keys.size() > defined.size()) {
        throw errors::validation("Invalid KeySchema: Some index key attribute have no definition");
    }
    check_key_schema(schema, defined);
    std::set<std::string> used(keys.begin(), keys.end());

    std::set<std::string> index_names;
    auto check_indexes = [&](const char* member, bool global) {
        if (!body.contains(member)) {
            return;
        }
        const json& list = body[member];
        if (list.empty()) {
            throw errors::validation(invalid(std::string("List of ") + member + " is empty"));
        }
        if (!global && schema.size() != 2) {
            throw errors::validation(invalid("Table KeySchema does not have a range key, which is "
                                             "required when specifying a LocalSecondaryIndex"));
        }
        for (const auto& index : list) {
            auto name = index["IndexName"].get<std::string>();
            check_key_schema(index["KeySchema"], defined);
            for (const auto& k : names_of(index["KeySchema"])) {
                used.insert(k);
            }
            if (!global) {
                if (index["KeySchema"].size() != 2) {
                    throw errors::validation(
                        invalid("Index KeySchema does not have a range key for index: " + name));
                }
                auto hash = index["KeySchema"][0]["AttributeName"].get<std::string>();
                if (hash != keys[0]) {
                    throw errors::validation(invalid(
                        "Index KeySchema does not have the same leading hash key as table "
                        "KeySchema for index: " +
                        name + ". index hash key: " + hash + ", table hash key: " + keys[0]));
                }
            }
            check_projection(index);
            if (global && on_demand && index.contains("ProvisionedThroughput")) {
                throw errors::validation(invalid("ProvisionedThroughput should not be specified "
                                                 "for index: " +
                                                 name + " when BillingMode is PAY_PER_REQUEST"));
            }
            if (global && !on_demand && !index.contains("ProvisionedThroughput")) {
                throw errors::validation(invalid("ProvisionedThroughput must be specified for "
                                                 "index: " +
                                                 name));
            }
            if (!index_names.insert(name).second) {
                throw errors::validation(invalid("Duplicate index name: " + name));
            }
        }
        if (!global && list.size() > 5) {
            throw errors::validation(
                invalid("Number of LocalSecondaryIndexes exceeds per-table limit of 5"));
        }
        if (global && list.size() > 20) {
            throw errors::validation(
                invalid("GlobalSecondaryIndex count exceeds the per-table limit of 20"));
        }
    };
    check_indexes("LocalSecondaryIndexes", false);
    check_indexes("GlobalSecondaryIndexes", true);
    if (used.size() != defined.size()) {
        throw errors::validation(invalid("Number of attributes in KeySchema does not exactly "
                                         "match number of attributes defined in "
                                         "AttributeDefinitions"));
    }
    if (body.contains("StreamSpecification")) {
        const json& s = body["StreamSpecification"];
        bool enabled = s.value("StreamEnabled", false);
        if (enabled && !s.contains("StreamViewType")) {
            throw errors::validation(
                invalid("You must specify a StreamViewType when enabling a stream"));
        }
    }

    table_info t;
    t.account = call.account();
    t.region = call.region();
    t.name = body["TableName"].get<std::string>();
    t.hash = {keys[0], type_of_definition(definitions, keys[0])};
    if (keys.size() > 1) {
        t.range = key_attribute{keys[1], type_of_definition(definitions, keys[1])};
    }
    for (const char* member : {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
        if (body.contains(member)) {
            for (const auto& index : body[member]) {
                t.indexes.push_back(index_from_request(
                    index, std::string(member) == "GlobalSecondaryIndexes", definitions));
            }
        }
    }
    json& m = t.meta;
    m["AttributeDefinitions"] = definitions;
    m["KeySchema"] = schema;
    m["BillingMode"] = billing;
    m["ProvisionedThroughput"] = body.value("ProvisionedThroughput", json::object());
    m["CreationDateTime"] = static_cast<double>(call.now_ms()) / 1000.0;
    m["TableId"] = core::new_uuid();
    m["DeletionProtectionEnabled"] = body.value("DeletionProtectionEnabled", false);
    for (const char* member :
         {"LocalSecondaryIndexes", "GlobalSecondaryIndexes", "SSESpecification", "TableClass"}) {
        if (body.contains(member)) {
            m[member] = body[member];
        }
    }
    m["Tags"] = body.value("Tags", json::array());
    if (body.contains("StreamSpecification") &&
        body["StreamSpecification"].value("StreamEnabled", false)) {
        m["StreamSpecification"] = body["StreamSpecification"];
        m["LatestStreamLabel"] = core::format_iso8601_millis(call.ddb.clock.now()).substr(0, 23);
    }
    return t;
}

std::string stream_arn(const table_info& t) {
    return "arn:aws:dynamodb:" + t.region + ":" + t.account + ":table/" + t.name + "/stream/" +
           t.meta.value("LatestStreamLabel", "");
}

namespace {

// WarmThroughput (AWS since late 2024): a provisioned table or index reports its capacity, an
// on-demand one DynamoDB's default of 12000 reads and 4000 writes per second.
json warm_throughput(const json& meta, const json& provisioned) {
    bool on_demand = meta.value("BillingMode", "PROVISIONED") == "PAY_PER_REQUEST";
    return {{"ReadUnitsPerSecond",
             on_demand ? 12000 : provisioned.value("ReadCapacityUnits", std::int64_t{0})},
            {"WriteUnitsPerSecond",
             on_demand ? 4000 : provisioned.value("WriteCapacityUnits", std::int64_t{0})},
            {"Status", "ACTIVE"}};
}

} // namespace

json describe_table_json(ddb_context& ddb, const table_info& t, const std::string& status) {
    const json& m = t.meta;
    auto stats = ddb.store.stats(t);
    const std::string arn = "arn:aws:dynamodb:" + t.region + ":" + t.account + ":table/" + t.name;
    json d{{"AttributeDefinitions", m["AttributeDefinitions"]},
           {"TableName", t.name},
           {"KeySchema", m["KeySchema"]},
           {"TableStatus", status},
           {"CreationDateTime", m["CreationDateTime"]},
           {"ProvisionedThroughput", throughput_json(m["ProvisionedThroughput"])},
           {"TableSizeBytes", stats.size_bytes},
           {"ItemCount", stats.item_count},
           {"TableArn", arn},
           {"TableId", m["TableId"]},
           {"WarmThroughput", warm_throughput(m, m["ProvisionedThroughput"])}};
    if (m["BillingMode"] == "PAY_PER_REQUEST") {
        d["BillingModeSummary"] = {
            {"BillingMode", "PAY_PER_REQUEST"},
            {"LastUpdateToPayPerRequestDateTime",
             m.value("BillingModeUpdated", m["CreationDateTime"].get<double>())}};
    }
    for (bool global : {false, true}) {
        json list = json::array();
        const char* member = global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes";
        for (const auto& i : t.indexes) {
            if (i.global != global) {
                continue;
            }
            auto is = ddb.store.index_stats(t, i.name);
            json projection{{"ProjectionType", i.projection_type}};
            if (!i.non_key_attributes.empty()) {
                projection["NonKeyAttributes"] = i.non_key_attributes;
            }
            json e{{"IndexName", i.name},
                   {"KeySchema", key_schema_json(i.hash, i.range)},
                   {"Projection", projection}};
            if (global) {
                e["IndexStatus"] = status == "DELETING" ? "DELETING" : "ACTIVE";
                json given = json::object();
                for (const auto& g : m.value("GlobalSecondaryIndexes", json::array())) {
                    if (g.value("IndexName", "") == i.name) {
                        given = g.value("ProvisionedThroughput", json::object());
                    }
                }
                e["ProvisionedThroughput"] = throughput_json(given);
                e["WarmThroughput"] = warm_throughput(m, given);
            }
            e["IndexSizeBytes"] = is.size_bytes;
            e["ItemCount"] = is.item_count;
            e["IndexArn"] = arn + "/index/" + i.name;
            list.push_back(std::move(e));
        }
        if (!list.empty()) {
            d[member] = std::move(list);
        }
    }
    if (m.contains("StreamSpecification")) {
        d["StreamSpecification"] = m["StreamSpecification"];
    }
    if (m.contains("LatestStreamLabel")) {
        d["LatestStreamLabel"] = m["LatestStreamLabel"];
        d["LatestStreamArn"] = stream_arn(t);
    }
    if (m.contains("SSESpecification") && m["SSESpecification"].value("Enabled", false)) {
        d["SSEDescription"] = {
            {"Status", "ENABLED"},
            {"SSEType", "KMS"},
            {"KMSMasterKeyArn",
             m["SSESpecification"].value("KMSMasterKeyId", "arn:aws:kms:" + t.region + ":" +
                                                               t.account + ":key/" +
                                                               m["TableId"].get<std::string>())}};
    }
    if (m.contains("TableClass")) {
        d["TableClassSummary"] = {{"TableClass", m["TableClass"]}};
    }
    d["DeletionProtectionEnabled"] = m.value("DeletionProtectionEnabled", false);
    return d;
}

} // namespace cloudbox::services::dynamodb
