// GetBucketLocation: the LocationConstraint, empty for us-east-1 (S3's historical answer).
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_owner.hpp"

namespace cloudbox::services::s3::ops {

service::response get_bucket_location(s3_call& call) {
    auto bucket = require_bucket(call);
    protocol::xml_writer w;
    w.open("LocationConstraint", s3_xmlns);
    if (bucket.region != "us-east-1") {
        w.text(bucket.region);
    }
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
