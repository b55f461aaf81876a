// GetObject: the object's bytes, streamed from its blobs (see s3_object_reader).
#include "s3/ops/ops.hpp"
#include "s3/s3_object_reader.hpp"

namespace cloudbox::services::s3::ops {

service::response get_object(s3_call& call) {
    return read_object(call, false);
}

} // namespace cloudbox::services::s3::ops
