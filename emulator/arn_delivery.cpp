// Delivery of event payloads to Lambda functions and SQS queues by ARN.
#include "arn_delivery.hpp"

#include "core/arn.hpp"
#include "core/encoding.hpp"
#include "service/internal_client.hpp"

#include <stdexcept>

namespace cloudbox {

void deliver_to_arn(service::dispatcher& dispatcher, const std::string& arn,
                    const std::string& payload) {
    core::arn_parts a = core::parse_arn(arn);
    service::internal_client client(dispatcher, service::caller_identity{a.account, a.region});
    if (a.service == "lambda" && a.resource.starts_with("function:")) {
        std::string function = a.resource.substr(9);
        std::string qualifier;
        if (auto colon = function.find(':'); colon != std::string::npos) {
            qualifier = function.substr(colon + 1);
            function = function.substr(0, colon);
        }
        std::string path = "/2015-03-31/functions/" + core::url_encode(function) + "/invocations";
        if (!qualifier.empty()) {
            path += "?Qualifier=" + core::url_encode(qualifier);
        }
        client.call_rest_json("lambda", "POST", path, payload,
                              {{"x-amz-invocation-type", "Event"}});
        return;
    }
    if (a.service == "sqs") {
        // Any host is accepted in a QueueUrl; the path names the account and queue.
        std::string queue_url = "http://localhost/" + a.account + "/" + a.resource;
        client.call_json("sqs", "AmazonSQS.SendMessage",
                         {{"QueueUrl", queue_url}, {"MessageBody", payload}});
        return;
    }
    throw std::invalid_argument("cannot deliver events to " + arn);
}

} // namespace cloudbox
