// GetObjectTagging: GET /bucket/key?tagging answers the object's tag set (an empty <TagSet/> for
// an untagged object, unlike GetBucketTagging's NoSuchTagSet).
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_version_id.hpp"

namespace cloudbox::services::s3::ops {

service::response get_object_tagging(s3_call& call) {
    auto object = call.s3.store.get_object(call.bucket(), call.key());
    if (!object) {
        require_bucket(call);
        throw errors::no_such_key(call.key());
    }
    check_version_id_query(call.req);
    protocol::xml_writer w;
    w.open("Tagging", s3_xmlns).open("TagSet");
    for (const auto& [key, value] : object->tags) {
        w.open("Tag").element("Key", key).element("Value", value).close();
    }
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
