// SES v2 ListEmailTemplates: names and creation times (epoch seconds), PageSize 1-100
// (default 10), NextToken.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_shared.hpp"

namespace cloudbox::services::ses::ops {

service::response v2_list_email_templates(sesv2_call& call) {
    int size = page_size(call.req, 10, 100);
    std::string after;
    if (auto token = call.req.query.get("NextToken")) {
        auto decoded = read_page_token(std::string(*token));
        if (!decoded) {
            throw errors::bad_request("Invalid NextToken.");
        }
        after = *decoded;
    }
    auto rows = call.ses.store().list_templates(call.where(), after, size);
    bool truncated = rows.size() > static_cast<std::size_t>(size);
    if (truncated) {
        rows.pop_back();
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : rows) {
        list.push_back({{"TemplateName", t.name},
                        {"CreatedTimestamp", static_cast<double>(t.created_ms) / 1000.0}});
    }
    nlohmann::json out{{"TemplatesMetadata", list}};
    if (truncated) {
        out["NextToken"] = make_page_token(rows.back().name);
    }
    return json_response(out);
}

} // namespace cloudbox::services::ses::ops
