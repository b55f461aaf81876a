// The versionId an object operation may name. cloudbox keeps one version per key, the "null"
// version S3 gives objects in a bucket that never had versioning enabled.
#pragma once

#include "s3/s3_errors.hpp"
#include "service/request.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cloudbox::services::s3 {

// True for "null" (the current object in an unversioned bucket).
inline bool is_null_version(std::string_view version_id) {
    return version_id == "null";
}

// ?versionId= other than "null" names a version that cannot exist here: S3 answers a version
// ID it did not issue with 400 InvalidArgument "Invalid version id specified".
inline void check_version_id_query(const service::request& req) {
    if (auto v = req.query.get("versionId"); v && !is_null_version(*v)) {
        throw errors::invalid_version_id(std::string(*v));
    }
}

} // namespace cloudbox::services::s3
