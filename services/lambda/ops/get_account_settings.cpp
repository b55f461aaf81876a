// GetAccountSettings: Lambda's default limits and this account's usage.
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response get_account_settings(lambda_call& call) {
    std::int64_t code_size = 0;
    std::int64_t reserved = 0;
    auto functions = call.lambda.store.list_latest(call.scope());
    for (const auto& fn : functions) {
        std::string name = fn.value("FunctionName", "");
        for (const auto& v : call.lambda.store.list_versions(call.scope(), name)) {
            code_size += v.value("CodeSize", std::int64_t{0});
        }
        reserved += call.lambda.store.get_settings(call.scope(), name).concurrency.value_or(0);
    }
    const std::int64_t total = cloudbox::lambda::executor::account_concurrency;
    return json_response(
        200,
        {{"AccountLimit",
          {{"TotalCodeSize", 80530636800LL},
           {"CodeSizeUnzipped", 262144000},
           {"CodeSizeZipped", 52428800},
           {"ConcurrentExecutions", total},
           {"UnreservedConcurrentExecutions", total - reserved}}},
         {"AccountUsage", {{"TotalCodeSize", code_size}, {"FunctionCount", functions.size()}}}});
}

} // namespace cloudbox::services::lambda::ops
