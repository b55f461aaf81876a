// SES v2 GetAccount: sending enabled, production access unless --ses-sandbox, the quota.
#include "ses/ops/ops.hpp"
#include "ses/ses_shared.hpp"

namespace cloudbox::services::ses::ops {

service::response v2_get_account(sesv2_call& call) {
    send_quota q = quota_of(call.ses, call.where());
    return json_response(nlohmann::json{
        {"DedicatedIpAutoWarmupEnabled", false},
        {"EnforcementStatus", "HEALTHY"},
        {"ProductionAccessEnabled", !call.ses.options().sandbox},
        {"SendQuota",
         {{"Max24HourSend", q.max_24_hour_send},
          {"MaxSendRate", q.max_send_rate},
          {"SentLast24Hours", q.sent_last_24_hours}}},
        {"SendingEnabled", true},
        {"SuppressionAttributes", {{"SuppressedReasons", nlohmann::json::array()}}}});
}

} // namespace cloudbox::services::ses::ops
