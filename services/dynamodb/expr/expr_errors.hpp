// The ValidationException thrown by the DynamoDB data-model and expression core.
#pragma once

#include "core/aws_error.hpp"

#include <string>

namespace cloudbox::services::dynamodb {

// DynamoDB reports every data-model and expression problem as a 400 ValidationException; the
// service's protocol layer turns the code into the `__type` DynamoDB clients expect.
inline core::aws_error validation_error(std::string message) {
    return core::aws_error("ValidationException", std::move(message), 400);
}

// Thrown for a wrongly shaped AttributeValue (e.g. {"S": 5}, "L" not an array, invalid base64),
// which DynamoDB rejects while deserializing the request.
inline core::aws_error serialization_error(std::string message) {
    return core::aws_error("SerializationException", std::move(message), 400);
}

} // namespace cloudbox::services::dynamodb
