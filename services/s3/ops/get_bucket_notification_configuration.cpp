// GetBucketNotificationConfiguration: GET /bucket?notification; an empty
// <NotificationConfiguration/> when none is set (S3 has no "not found" error for it).
#include "s3/ops/ops.hpp"
#include "s3/s3_notification.hpp"

namespace cloudbox::services::s3::ops {

service::response get_bucket_notification_configuration(s3_call& call) {
    require_bucket(call);
    auto stored = call.s3.store.get_bucket_config(call.bucket(), "notification");
    auto config = stored ? notification_from_json(*stored) : notification_configuration{};
    return xml_response(notification_to_xml(config));
}

} // namespace cloudbox::services::s3::ops
