// x-amz-storage-class validation (cloudbox stores every class the same way, and reports it).
#pragma once

#include "service/request.hpp"

#include <string>

namespace cloudbox::services::s3 {

// The requested class, STANDARD by default; InvalidStorageClass for an unknown one.
std::string storage_class_of(const service::request& req);

} // namespace cloudbox::services::s3
