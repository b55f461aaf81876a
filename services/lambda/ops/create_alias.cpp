// CreateAlias: a name for a version, optionally splitting traffic with a second version.
#include "core/ids.hpp"
#include "lambda/lambda_alias.hpp"
#include "lambda/lambda_errors.hpp"
#include "lambda/ops/ops.hpp"

#include <regex>

namespace cloudbox::services::lambda::ops {

service::response create_alias(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    json in = call.body();
    auto name = optional_string(in, "Name", "name");
    if (!name) {
        throw errors::not_null("name");
    }
    static const std::regex pattern("([a-zA-Z0-9-_]+)");
    bool numeric = is_digits(*name);
    if (name->size() > 128 || numeric || !std::regex_match(*name, pattern)) {
        throw errors::validation("'" + *name + "'", "name",
                                 "Member must satisfy regular expression pattern: "
                                 "(?!^[0-9]+$)([a-zA-Z0-9-_]+)");
    }
    if (!in.contains("FunctionVersion")) {
        throw errors::not_null("functionVersion");
    }
    require_function(call, ref.name);
    json alias = {{"AliasArn", function_arn(call, ref.name, *name)},
                  {"Name", *name},
                  {"Description", ""},
                  {"RevisionId", core::new_uuid()}};
    apply_alias_input(call, ref.name, alias, in);
    if (!call.lambda.store.create_alias(call.scope(), ref.name, *name, alias)) {
        throw errors::conflict("Alias already exists: " + function_arn(call, ref.name, *name));
    }
    return json_response(201, alias);
}

} // namespace cloudbox::services::lambda::ops
