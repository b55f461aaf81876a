// UntagResource: removes tags from a table by key.
#include "dynamodb/dynamodb_arn.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json untag_resource(ddb_call& call) {
    auto t = table_of_arn(call, call.body["ResourceArn"].get<std::string>());
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
