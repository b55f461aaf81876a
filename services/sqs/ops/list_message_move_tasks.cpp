// ListMessageMoveTasks: the most recent move tasks of a source queue (MaxResults 1..10).
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

namespace cloudbox::services::sqs::ops {

service::response list_message_move_tasks(sqs_call& call) {
    std::string source_arn = call.in.required_string("SourceArn");
    auto max = call.in.integer("MaxResults").value_or(1);
    if (max < 1 || max > 10) {
        throw errors::invalid_value(std::to_string(max), "MaxResults",
                                    "You must enter a number that's between 1 and 10.");
    }
    auto lock = call.engine.lock();
    if (call.engine.find_arn(source_arn) == nullptr) {
        throw errors::resource_not_found(
            "The resource that you specified for the SourceArn parameter doesn't exist.");
    }
    nlohmann::json results = nlohmann::json::array();
    for (const auto& doc : call.engine.store().list_move_tasks(source_arn)) {
        if (static_cast<std::int64_t>(results.size()) == max) {
            break;
        }
        results.push_back(nlohmann::json::parse(doc));
    }
    return call.respond({{"Results", results}});
}

} // namespace cloudbox::services::sqs::ops
