// HeadObject: GetObject's headers without the body (see s3_object_reader).
#include "s3/ops/ops.hpp"
#include "s3/s3_object_reader.hpp"

namespace cloudbox::services::s3::ops {

service::response head_object(s3_call& call) {
    return read_object(call, true);
}

} // namespace cloudbox::services::s3::ops
