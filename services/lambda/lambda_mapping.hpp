// Event source mapping documents and their validation (SQS and DynamoDB Streams); delivery is
// the pollers' job (they read lambda_store::all_mappings()).
#pragma once

#include "lambda/lambda_model.hpp"

namespace cloudbox::services::lambda {

// Applies Create/UpdateEventSourceMapping members to `mapping`, validating them for its
// event source kind ("sqs" or "dynamodb").
void apply_mapping_input(lambda_call& call, json& mapping, const json& input, bool creating);
json require_mapping(lambda_call& call, const std::string& uuid);

} // namespace cloudbox::services::lambda
