// UntagResource: removes tags from a table by key.
#include "dynamodb/dynamodb_arn.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json untag_resource(ddb_call& call) {
    const auto arn = call.body["ResourceArn"].get<std::string>();
    check_table_arn(arn);
    if (call.body["TagKeys"].empty()) {
        throw errors::validation("Atleast one Tag Key needs to be provided as Input.");
    }
    auto t = table_of_arn(call, arn);
    table_info updated = *t;
    json kept = json::array();
    for (const auto& tag : updated.meta.value("Tags", json::array())) {
        bool removed = false;
        for (const auto& key : call.body["TagKeys"]) {
            removed = removed || tag["Key"] == key;
        }
        if (!removed) {
            kept.push_back(tag);
        }
    }
    updated.meta["Tags"] = kept;
    call.ddb.store.update_table(updated);
    return json::object();
}

} // namespace cloudbox::services::dynamodb::ops
