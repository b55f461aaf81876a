// The table an ARN names (TagResource, UntagResource, ListTagsOfResource).
#pragma once

#include "dynamodb/dynamodb_call.hpp"

namespace cloudbox::services::dynamodb {

// "arn:aws:dynamodb:<region>:<account>:table/<name>" in the caller's account and region.
inline table_ptr table_of_arn(const ddb_call& call, const std::string& arn) {
    const std::string prefix =
        "arn:aws:dynamodb:" + call.region() + ":" + call.account() + ":table/";
    auto bad = [&] {
        return errors::validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    };
    if (!arn.starts_with("arn:aws:dynamodb:")) {
        throw bad();
    }
    if (!arn.starts_with(prefix) || arn.size() == prefix.size()) {
        throw errors::resource_not_found("Requested resource not found: ResourcArn: " + arn +
                                         " not found");
    }
    auto name = arn.substr(prefix.size());
    auto t = call.ddb.store.find_table(call.account(), call.region(), name);
    if (!t) {
        throw errors::resource_not_found("Requested resource not found: ResourcArn: " + arn +
                                         " not found");
    }
    return t;
}

} // namespace cloudbox::services::dynamodb
