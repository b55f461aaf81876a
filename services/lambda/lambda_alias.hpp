// Alias documents and their validation (shared by the alias operations).
#pragma once

#include "lambda/lambda_model.hpp"

namespace cloudbox::services::lambda {

// Checks the FunctionVersion / RoutingConfig of an alias input and applies them to `alias`.
void apply_alias_input(lambda_call& call, const std::string& function_name, json& alias,
                       const json& input);
json require_alias(lambda_call& call, const std::string& function_name, const std::string& name);

} // namespace cloudbox::services::lambda
