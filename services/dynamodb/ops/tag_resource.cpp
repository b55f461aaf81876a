// TagResource: adds or replaces tags on a table.
#include "dynamodb/dynamodb_arn.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json tag_resource(ddb_call& call) {
    const auto arn = call.body["ResourceArn"].get<std::string>();
    check_table_arn(arn);
    if (call.body["Tags"].empty()) {
        throw errors::validation("Atleast one Tag needs to be provided as Input.");
    }
    auto t = table_of_arn(call, arn);
    table_info updated = *t;
    json tags = updated.meta.value("Tags", json::array());
    for (const auto& tag : call.body["Tags"]) {
        bool replaced = false;
        for (auto& existing : tags) {
            if (existing["Key"] == tag["Key"]) {
                existing["Value"] = tag["Value"];
                replaced = true;
            }
        }
        if (!replaced) {
            tags.push_back(tag);
        }
    }
    if (tags.size() > 50) {
        throw errors::limit_exceeded("The number of tags for the resource exceeds the limit of 50");
    }
    updated.meta["Tags"] = tags;
    call.ddb.store.update_table(updated);
    return json::object();
}

} // namespace cloudbox::services::dynamodb::ops
