// DeleteFunction: the whole function, or one version with Qualifier ($LATEST cannot go alone).
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response delete_function(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    require_function(call, ref.name);
    if (ref.qualifier.empty()) {
        call.lambda.store.delete_function(call.scope(), ref.name);
    } else if (ref.qualifier == "$LATEST") {
        throw errors::invalid_parameter("$LATEST version cannot be deleted without deleting the "
                                        "function.");
    } else {
        if (!call.lambda.store.get_version(call.scope(), ref.name, ref.qualifier)) {
            throw errors::function_not_found(function_arn(call, ref.name, ref.qualifier));
        }
        for (const auto& alias : call.lambda.store.list_aliases(call.scope(), ref.name)) {
            if (alias.value("FunctionVersion", "") == ref.qualifier) {
                throw errors::conflict("Unable to delete version because the following aliases "
                                       "reference it: [" +
                                       alias.value("Name", "") + "]");
            }
        }
        call.lambda.store.delete_version(call.scope(), ref.name, ref.qualifier);
    }
    call.lambda.executor.drop_environments(call.req.ctx.account_id, call.req.ctx.region, ref.name);
    return empty_response(204);
}

} // namespace cloudbox::services::lambda::ops
