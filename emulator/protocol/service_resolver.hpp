// Decides which service a request is for, from its head alone (see docs/architecture.md).
#pragma once

#include "service/request.hpp"

#include <string>

namespace cloudbox::protocol {

// Returns the service name ("s3", "dynamodb", "sqs", ...). S3 is the fallback: it is the
// greediest and goes last. ctx.signing_service must already be filled from SigV4.
std::string resolve_service(const service::request& req);

} // namespace cloudbox::protocol
