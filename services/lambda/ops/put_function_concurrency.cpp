// PutFunctionConcurrency: reserved concurrency, enforced at invoke (429 beyond it).
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response put_function_concurrency(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    json in = call.body();
    auto reserved =
        optional_int(in, "ReservedConcurrentExecutions", "reservedConcurrentExecutions");
    if (!reserved) {
        throw errors::not_null("reservedConcurrentExecutions");
    }
    if (*reserved < 0) {
        throw errors::validation("'" + std::to_string(*reserved) + "'",
                                 "reservedConcurrentExecutions",
                                 "Member must have value greater than or equal to 0");
    }
    if (!ref.qualifier.empty()) {
        throw errors::invalid_parameter(
            "This operation is permitted on Lambda functions only. Aliases and versions do not "
            "support this operation. Please specify either a function name or an unqualified "
            "function ARN.");
    }
    if (!call.lambda.store.get_version(call.scope(), ref.name, "$LATEST")) {
        throw errors::function_not_found(function_arn(call, ref.name, "$LATEST"));
    }
    // Lambda keeps 100 of the account's 1000 unreserved.
    std::int64_t others = 0;
    for (const auto& fn : call.lambda.store.list_latest(call.scope())) {
        std::string name = fn.value("FunctionName", "");
        if (name != ref.name) {
            others += call.lambda.store.get_settings(call.scope(), name).concurrency.value_or(0);
        }
    }
    if (others + *reserved > cloudbox::lambda::executor::account_concurrency - 100) {
        throw errors::invalid_parameter("Specified ReservedConcurrentExecutions for function "
                                        "decreases account's UnreservedConcurrentExecution below "
                                        "its minimum value of [100].");
    }
    auto settings = call.lambda.store.get_settings(call.scope(), ref.name);
    settings.concurrency = static_cast<int>(*reserved);
    call.lambda.store.put_settings(call.scope(), ref.name, settings);
    return json_response(200, {{"ReservedConcurrentExecutions", *reserved}});
}

} // namespace cloudbox::services::lambda::ops
