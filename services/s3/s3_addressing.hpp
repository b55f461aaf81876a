// Where an S3 request points: bucket and key, from a virtual host or the path.
#pragma once

#include "service/request.hpp"

#include <string>

namespace cloudbox::services::s3 {

struct s3_target {
    std::string bucket; // empty: the service (ListBuckets)
    std::string key;    // empty: the bucket; byte-exact as the client encoded it
    bool virtual_host = false;
};

// The bucket named by a virtual host (bucket.s3.localhost, bucket.localhost,
// bucket.s3.<region>.localhost, bucket.s3[.-]<region>.amazonaws.com), or empty for path style.
std::string bucket_from_host(std::string_view host);

// Throws core::aws_error for a path that is not valid percent-encoding.
s3_target resolve_target(const service::request& req);

} // namespace cloudbox::services::s3
