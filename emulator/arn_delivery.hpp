// Where cross-service events end up: a payload sent to a target ARN through the in-process
// dispatcher, as AWS's own services do it (a Lambda function gets an asynchronous Invoke, an SQS
// queue a SendMessage). S3 notifications and EventBridge targets use it.
#pragma once

#include <string>

namespace cloudbox::service {
class dispatcher;
}

namespace cloudbox {

// Throws core::aws_error when the target refuses the payload (e.g. the function or queue does
// not exist), and std::invalid_argument for an ARN of a service that cannot be a target.
void deliver_to_arn(service::dispatcher& dispatcher, const std::string& arn,
                    const std::string& payload);

} // namespace cloudbox
