// ListTagsOfResource: a table's tags.
#include "dynamodb/dynamodb_arn.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json list_tags_of_resource(ddb_call& call) {
    auto t = table_of_arn(call, call.body["ResourceArn"].get<std::string>());
    return json{{"Tags", t->meta.value("Tags", json::array())}};
}

} // namespace cloudbox::services::dynamodb::ops
