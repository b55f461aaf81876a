// Maps an S3 REST request (method, bucket/key, subresources, headers) to its operation name.
#pragma once

#include "s3/s3_addressing.hpp"
#include "service/request.hpp"

#include <string>

namespace cloudbox::services::s3 {

// The exact AWS operation name ("PutObject", ...). Throws core::aws_error (MethodNotAllowed,
// NotImplemented) for requests S3 would refuse or that cloudbox does not implement.
std::string resolve_operation(const service::request& req, const s3_target& target);

} // namespace cloudbox::services::s3
