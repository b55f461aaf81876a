// ListTemplates: template names and creation times in name order; MaxItems 1-100 (default
// 10, larger values are capped at 100), NextToken.
#include "core/time_format.hpp"
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_shared.hpp"

#include <algorithm>

namespace cloudbox::services::ses::ops {

service::response list_templates(ses_call& call) {
    long long max_items = call.input.integer("MaxItems", "maxItems").value_or(10);
    if (max_items < 1) {
        throw errors::validation("1 validation error detected: Value '" +
                                 std::to_string(max_items) +
                                 "' at 'maxItems' failed to satisfy constraint: Member must have "
                                 "value greater than or equal to 1");
    }
    max_items = std::min(max_items, 100LL);
    std::string after;
    if (auto token = call.input.get("NextToken")) {
        auto decoded = read_page_token(*token);
        if (!decoded) {
            throw errors::invalid_parameter("Invalid NextToken.");
        }
        after = *decoded;
    }
    auto rows = call.ses.store().list_templates(call.where(), after, static_cast<int>(max_items));
    bool truncated = rows.size() > static_cast<std::size_t>(max_items);
    if (truncated) {
        rows.pop_back();
    }
    return query_response(call, [&](protocol::xml_writer& w) {
        w.open("TemplatesMetadata");
        for (const auto& t : rows) {
            w.open("member").element("Name", t.name);
            w.element("CreatedTimestamp",
                      core::format_iso8601_millis(core::from_millis(t.created_ms)));
            w.close();
        }
        w.close();
        if (truncated) {
            w.element("NextToken", make_page_token(rows.back().name));
        }
    });
}

} // namespace cloudbox::services::ses::ops
