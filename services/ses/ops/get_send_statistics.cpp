// GetSendStatistics: delivery attempts per 15-minute interval over the last two weeks
// (everything sent is delivered: no bounces, complaints or rejects).
#include "core/time_format.hpp"
#include "ses/ops/ops.hpp"

namespace cloudbox::services::ses::ops {

service::response get_send_statistics(ses_call& call) {
    std::int64_t since = call.ses.clock().now_millis() - 14LL * 24 * 3600 * 1000;
    auto points = call.ses.store().send_stats(call.where(), since);
    return query_response(call, [&](protocol::xml_writer& w) {
        w.open("SendDataPoints");
        for (const auto& [bucket, attempts] : points) {
            w.open("member");
            w.element("Timestamp", core::format_iso8601(core::from_millis(bucket)));
            w.element("DeliveryAttempts", attempts);
            w.element("Bounces", 0LL).element("Complaints", 0LL).element("Rejects", 0LL);
            w.close();
        }
        w.close();
    });
}

} // namespace cloudbox::services::ses::ops
