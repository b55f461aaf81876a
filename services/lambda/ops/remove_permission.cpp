// RemovePermission: drops one statement of the resource policy.
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response remove_permission(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    require_version(call, ref);
    const std::string& sid = call.params.at(1);
    auto settings = call.lambda.store.get_settings(call.scope(), ref.name);
    bool removed = false;
    if (!settings.policy.is_null()) {
        auto& statements = settings.policy["Statement"];
        for (auto it = statements.begin(); it != statements.end(); ++it) {
            if (it->value("Sid", "") == sid) {
                statements.erase(it);
                removed = true;
                break;
            }
        }
    }
    if (!removed) {
        throw errors::resource_not_found("Statement " + sid + " is not found in resource policy.");
    }
    if (settings.policy["Statement"].empty()) {
        settings.policy = nullptr;
    }
    call.lambda.store.put_settings(call.scope(), ref.name, settings);
    return empty_response(204);
}

} // namespace cloudbox::services::lambda::ops
