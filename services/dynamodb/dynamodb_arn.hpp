// The table an ARN names (TagResource, UntagResource, ListTagsOfResource).
#pragma once

#include "dynamodb/dynamodb_call.hpp"

#include <regex>

namespace cloudbox::services::dynamodb {

// A table ARN's form, checked before the rest of the request: any region, a numeric account,
// a table name of at least 3 characters.
inline void check_table_arn(const std::string& arn) {
    static const std::regex form(R"(arn:aws:dynamodb:.+:\d+:table/[^/]{2}[^/]+)");
    if (!std::regex_match(arn, form)) {
        throw errors::validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }
}

// "arn:aws:dynamodb:<region>:<account>:table/<name>" in the caller's account and region.
inline table_ptr table_of_arn(const ddb_call& call, const std::string& arn) {
    const std::string prefix =
        "arn:aws:dynamodb:" + call.region() + ":" + call.account() + ":table/";
    check_table_arn(arn);
    if (!arn.starts_with(prefix)) {
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
