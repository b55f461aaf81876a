// SES v2 ListEmailIdentities: identities in name order, PageSize (1-1000) and NextToken.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_shared.hpp"

namespace cloudbox::services::ses::ops {

service::response v2_list_email_identities(sesv2_call& call) {
    int size = page_size(call.req, 1000, 1000);
    std::string after;
    if (auto token = call.req.query.get("NextToken")) {
        auto decoded = read_page_token(std::string(*token));
        if (!decoded) {
            throw errors::bad_request("Invalid NextToken.");
        }
        after = *decoded;
    }
    auto rows = call.ses.store().list_identities(call.where(), "", after, size);
    bool truncated = rows.size() > static_cast<std::size_t>(size);
    if (truncated) {
        rows.pop_back();
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : rows) {
        list.push_back({{"IdentityType", v2_identity_type(r)},
                        {"IdentityName", r.name},
                        {"SendingEnabled", true},
                        {"VerificationStatus", "SUCCESS"}});
    }
    nlohmann::json out{{"EmailIdentities", list}};
    if (truncated) {
        out["NextToken"] = make_page_token(rows.back().name);
    }
    return json_response(out);
}

} // namespace cloudbox::services::ses::ops
