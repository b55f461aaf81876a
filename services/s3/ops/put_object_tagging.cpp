// PutObjectTagging: PUT /bucket/key?tagging replaces the object's whole tag set with the
// <Tagging> body (an empty TagSet removes every tag). Last-Modified and the ETag do not change.
#include "s3/ops/ops.hpp"
#include "s3/s3_body_checks.hpp"
#include "s3/s3_validation.hpp"
#include "s3/s3_version_id.hpp"

namespace cloudbox::services::s3::ops {

namespace {
constexpr std::size_t max_object_tags = 10;
} // namespace

service::response put_object_tagging(s3_call& call) {
    verify_body_integrity(call.req, false);
    if (!call.s3.store.get_object(call.bucket(), call.key())) {
        require_bucket(call);
        throw errors::no_such_key(call.key());
    }
    check_version_id_query(call.req);
    string_pairs tags = parse_tagging_xml(call.req.body, max_object_tags);
    // The object may have been deleted since the lookup above.
    if (!call.s3.store.set_object_tags(call.bucket(), call.key(), tags)) {
        throw errors::no_such_key(call.key());
    }
    return service::response{};
}

} // namespace cloudbox::services::s3::ops
