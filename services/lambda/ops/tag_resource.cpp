// TagResource: adds or replaces tags on a function.
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response tag_resource(lambda_call& call) {
    json in = call.body();
    if (!in.contains("Tags") || !in["Tags"].is_object()) {
        throw errors::not_null("tags");
    }
    std::string name = function_of_resource_arn(call, call.params.at(0));
    if (in["Tags"].empty()) {
        throw errors::invalid_parameter("An error occurred and the request cannot be processed.");
    }
    auto settings = call.lambda.store.get_settings(call.scope(), name);
    for (auto& [k, v] : in["Tags"].items()) {
        if (!v.is_string()) {
            throw errors::invalid_content("Could not parse request body into json: Could not "
                                          "parse payload into json: tag values must be strings");
        }
        settings.tags[k] = v;
    }
    if (settings.tags.size() > 50) {
        throw errors::invalid_parameter("Number of tags exceeds resource tag limit.");
    }
    call.lambda.store.put_settings(call.scope(), name, settings);
    touch_revision(call, name);
    return empty_response(204);
}

} // namespace cloudbox::services::lambda::ops
