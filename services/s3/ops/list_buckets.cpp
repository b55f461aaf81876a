// ListBuckets: GET / on the service endpoint.
#include "core/time_format.hpp"
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_owner.hpp"

namespace cloudbox::services::s3::ops {

service::response list_buckets(s3_call& call) {
    auto prefix = call.req.query.get("prefix");
    protocol::xml_writer w;
    w.open("ListAllMyBucketsResult", s3_xmlns);
    w.open("Owner").element("ID", owner_id).element("DisplayName", owner_display_name).close();
    w.open("Buckets");
    for (const auto& b : call.s3.store.list_buckets()) {
        if (prefix && !b.name.starts_with(*prefix)) {
            continue;
        }
        w.open("Bucket")
            .element("Name", b.name)
            .element("CreationDate", core::format_iso8601_millis(core::from_millis(b.created_ms)))
            .element("BucketRegion", b.region)
            .close();
    }
    w.close();
    if (prefix) {
        w.element("Prefix", *prefix);
    }
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
