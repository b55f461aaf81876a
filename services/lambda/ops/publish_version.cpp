// PublishVersion: snapshots $LATEST as the next version number.
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response publish_version(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    json in = call.body();
    json latest = require_function(call, ref.name);
    if (auto sha = optional_string(in, "CodeSha256", "codeSha256")) {
        if (*sha != latest.value("CodeSha256", "")) {
            throw errors::invalid_parameter("CodeSHA256 (" + *sha +
                                            ") is different from current CodeSHA256 in $LATEST (" +
                                            latest.value("CodeSha256", "") +
                                            "). Please try again with the CodeSHA256 in $LATEST.");
        }
    }
    if (auto revision = optional_string(in, "RevisionId", "revisionId")) {
        if (*revision != latest.value("RevisionId", "")) {
            throw errors::precondition_failed();
        }
    }
    return json_response(
        201, publish_latest(call, ref.name, optional_string(in, "Description", "description")));
}

} // namespace cloudbox::services::lambda::ops
