// PutBucketNotificationConfiguration: PUT /bucket?notification replaces the bucket's event
// notification configuration. It is validated (s3_notification) and stored in canonical JSON
// (bucket config "notification"), which event delivery reads; an empty document removes it.
#include "core/encoding.hpp"
#include "core/ids.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_notification.hpp"

namespace cloudbox::services::s3::ops {

service::response put_bucket_notification_configuration(s3_call& call) {
    bucket_record bucket = require_bucket(call);
    // S3 names configurations sent without an Id with a generated one, a base64 of a UUID.
    auto config =
        parse_notification_xml(call.req.body, [] { return core::base64_encode(core::new_uuid()); });
    call.s3.store.set_bucket_config(call.bucket(), "notification",
                                    config.empty() ? std::nullopt
                                                   : std::optional(notification_to_json(config)));
    call.s3.notifier.configuration_changed(bucket.name, bucket.region, config);
    call.s3.notifier.send_test_events(bucket.name, config, call.request_id(),
                                      call.s3.clock.now_millis());
    return {};
}

} // namespace cloudbox::services::s3::ops
