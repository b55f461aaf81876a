// GetSendQuota: the account's limits (sandbox or production) and what it sent in 24 hours.
#include "ses/ops/ops.hpp"
#include "ses/ses_shared.hpp"

#include <cstdio>

namespace cloudbox::services::ses::ops {

namespace {
std::string decimal(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}
} // namespace

service::response get_send_quota(ses_call& call) {
    send_quota q = quota_of(call.ses, call.where());
    return query_response(call, [&](protocol::xml_writer& w) {
        w.element("Max24HourSend", decimal(q.max_24_hour_send));
        w.element("MaxSendRate", decimal(q.max_send_rate));
        w.element("SentLast24Hours", decimal(q.sent_last_24_hours));
    });
}

} // namespace cloudbox::services::ses::ops
