// ListIdentities: identities of the account and region in name order, by type, paginated.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_shared.hpp"

namespace cloudbox::services::ses::ops {

service::response list_identities(ses_call& call) {
    std::string type = call.input.get("IdentityType").value_or("");
    if (!type.empty() && type != "EmailAddress" && type != "Domain") {
        throw errors::validation("1 validation error detected: Value '" + type +
                                 "' at 'identityType' failed to satisfy constraint: Member must "
                                 "satisfy enum value set: [Domain, EmailAddress]");
    }
    long long max_items = call.input.integer("MaxItems", "maxItems").value_or(1000);
    if (max_items < 1 || max_items > 1000) {
        throw errors::invalid_parameter("MaxItems must be between 1 and 1000.");
    }
    std::string after;
    if (auto token = call.input.get("NextToken")) {
        auto decoded = read_page_token(*token);
        if (!decoded) {
            throw errors::invalid_parameter("Invalid NextToken.");
        }
        after = *decoded;
    }
    auto rows =
        call.ses.store().list_identities(call.where(), type, after, static_cast<int>(max_items));
    bool truncated = rows.size() > static_cast<std::size_t>(max_items);
    if (truncated) {
        rows.pop_back();
    }
    return query_response(call, [&](protocol::xml_writer& w) {
        w.open("Identities");
        for (const auto& r : rows) {
            w.element("member", r.name);
        }
        w.close();
        if (truncated) {
            w.element("NextToken", make_page_token(rows.back().name));
        }
    });
}

} // namespace cloudbox::services::ses::ops
