// GetFunction: the configuration, where to download the code, tags and reserved concurrency.
#include "core/encoding.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response get_function(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    json config = require_version(call, ref);
    auto settings = call.lambda.store.get_settings(call.scope(), ref.name);
    std::string host = call.req.host.empty() ? "localhost:4566" : call.req.host;
    json out = {
        {"Configuration", config},
        {"Code",
         {{"RepositoryType", "S3"},
          {"Location", "http://" + host + "/_cloudbox/lambda/code/" + call.req.ctx.account_id +
                           "/" + call.req.ctx.region + "/" + ref.name + "/" +
                           core::url_encode(config.value("Version", "$LATEST"))}}}};
    if (!settings.tags.empty()) {
        out["Tags"] = settings.tags;
    }
    if (settings.concurrency) {
        out["Concurrency"] = {{"ReservedConcurrentExecutions", *settings.concurrency}};
    }
    return json_response(200, out);
}

} // namespace cloudbox::services::lambda::ops
