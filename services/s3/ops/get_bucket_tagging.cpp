// GetBucketTagging: GET /bucket?tagging; NoSuchTagSet (404) when the bucket has no tags.
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_owner.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::services::s3::ops {

service::response get_bucket_tagging(s3_call& call) {
    require_bucket(call);
    auto stored = call.s3.store.get_bucket_config(call.bucket(), "tagging");
    if (!stored) {
        throw errors::no_such_tag_set(call.bucket());
    }
    auto tags = nlohmann::json::parse(*stored).get<string_pairs>();
    protocol::xml_writer w;
    w.open("Tagging", s3_xmlns).open("TagSet");
    for (const auto& [key, value] : tags) {
        w.open("Tag").element("Key", key).element("Value", value).close();
    }
    w.close().close();
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
