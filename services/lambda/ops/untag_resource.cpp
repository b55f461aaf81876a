// UntagResource: ?tagKeys=a&tagKeys=b.
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response untag_resource(lambda_call& call) {
    if (!call.req.query.has("tagKeys")) {
        throw errors::not_null("tagKeys");
    }
    std::string name = function_of_resource_arn(call, call.params.at(0));
    auto settings = call.lambda.store.get_settings(call.scope(), name);
    for (const auto& [k, v] : call.req.query.entries()) {
        if (k == "tagKeys") {
            settings.tags.erase(v);
        }
    }
    call.lambda.store.put_settings(call.scope(), name, settings);
    touch_revision(call, name);
    return empty_response(204);
}

} // namespace cloudbox::services::lambda::ops
