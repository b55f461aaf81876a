// ListAliases, optionally only those pointing at FunctionVersion.
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response list_aliases(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    require_function(call, ref.name);
    auto version = call.req.query.get("FunctionVersion");
    json aliases = json::array();
    for (auto& alias : call.lambda.store.list_aliases(call.scope(), ref.name)) {
        if (!version || alias.value("FunctionVersion", "") == *version) {
            aliases.push_back(std::move(alias));
        }
    }
    return json_response(200, {{"Aliases", aliases}});
}

} // namespace cloudbox::services::lambda::ops
