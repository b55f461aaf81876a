// RemovePermission: drops one statement of the resource policy.
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/lambda_policy.hpp"
#include "lambda/ops/ops.hpp"

#include <algorithm>

namespace cloudbox::services::lambda::ops {

service::response remove_permission(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    const std::string& sid = call.params.at(1);
    auto target =
        require_policy_target(call, ref, "No policy found for: " + function_arn(call, ref.name));
    if (auto revision = call.req.query.get("RevisionId")) {
        if (*revision != target.revision_id) {
            throw errors::precondition_failed();
        }
    }
    auto settings = call.lambda.store.get_settings(call.scope(), ref.name);
    if (!settings.policies.contains(target.qualifier)) {
        throw errors::resource_not_found("No policy is associated with the given resource.");
    }
    auto& statements = settings.policies[target.qualifier]["Statement"];
    auto it = std::find_if(statements.begin(), statements.end(),
                           [&](const json& st) { return st.value("Sid", "") == sid; });
    if (it == statements.end()) {
        throw errors::resource_not_found("Statement " + sid + " is not found in resource policy.");
    }
    statements.erase(it);
    if (statements.empty()) {
        settings.policies.erase(target.qualifier);
    }
    call.lambda.store.put_settings(call.scope(), ref.name, settings);
    return empty_response(204);
}

} // namespace cloudbox::services::lambda::ops
