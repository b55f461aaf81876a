// ListVersionsByFunction: $LATEST then the published versions in order.
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response list_versions_by_function(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    require_function(call, ref.name);
    json versions = json::array();
    for (auto& v : call.lambda.store.list_versions(call.scope(), ref.name)) {
        versions.push_back(list_view(std::move(v)));
    }
    return json_response(200, {{"Versions", versions}});
}

} // namespace cloudbox::services::lambda::ops
