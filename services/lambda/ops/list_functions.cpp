// ListFunctions: $LATEST of every function (or every version with FunctionVersion=ALL), paged
// by Marker / MaxItems.
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

#include <charconv>

namespace cloudbox::services::lambda::ops {

service::response list_functions(lambda_call& call) {
    int max_items = 50;
    if (auto text = call.req.query.get("MaxItems")) {
        auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), max_items);
        if (ec != std::errc() || ptr != text->data() + text->size()) {
            throw errors::invalid_parameter("Invalid value for MaxItems: " + std::string(*text));
        }
        if (max_items < 1 || max_items > 10000) {
            throw errors::validation("'" + std::string(*text) + "'", "maxItems",
                                     max_items < 1
                                         ? "Member must have value greater than or equal to 1"
                                         : "Member must have value less than or equal to 10000");
        }
    }
    auto version_filter = call.req.query.get("FunctionVersion");
    if (version_filter && *version_filter != "ALL") {
        throw errors::validation("'" + std::string(*version_filter) + "'", "functionVersion",
                                 "Member must satisfy enum value set: [ALL]");
    }
    std::vector<json> all;
    for (auto& latest : call.lambda.store.list_latest(call.scope())) {
        if (version_filter) {
            for (auto& v :
                 call.lambda.store.list_versions(call.scope(), latest.value("FunctionName", ""))) {
                all.push_back(std::move(v));
            }
        } else {
            all.push_back(std::move(latest));
        }
    }
    std::size_t start = 0;
    if (auto marker = call.req.query.get("Marker")) {
        start = std::stoul(std::string(marker->empty() ? "0" : *marker)
                               .substr(0, marker->find_first_not_of("0123456789")));
    }
    json functions = json::array();
    std::size_t end = std::min(all.size(), start + static_cast<std::size_t>(max_items));
    for (std::size_t i = start; i < end; ++i) {
        functions.push_back(list_view(all[i]));
    }
    json out = {{"Functions", functions}};
    if (end < all.size()) {
        out["NextMarker"] = std::to_string(end);
    }
    return json_response(200, out);
}

} // namespace cloudbox::services::lambda::ops
