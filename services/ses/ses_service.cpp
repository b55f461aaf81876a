// SES v1 (query protocol): the dispatch table, form parsing, XML responses and errors.
#include "ses/ses_service.hpp"

#include "protocol/error_render.hpp"
#include "protocol/query_string.hpp"
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"

#include <charconv>
#include <string_view>
#include <unordered_map>

namespace cloudbox::services::ses {

namespace {

constexpr std::string_view xmlns = "http://ses.amazonaws.com/doc/2010-12-01/";
// A 10 MB raw message, base64- and then form-encoded, with room to spare.
constexpr std::uint64_t max_v1_body = 48ULL * 1024 * 1024;

// The dispatch table, keyed by the exact AWS action name.
const std::unordered_map<std::string_view, ses_operation>& dispatch_table() {
    static const std::unordered_map<std::string_view, ses_operation> table{
        {"VerifyEmailIdentity", ops::verify_email_identity},
        {"VerifyEmailAddress", ops::verify_email_address},
        {"VerifyDomainIdentity", ops::verify_domain_identity},
        {"ListIdentities", ops::list_identities},
        {"GetIdentityVerificationAttributes", ops::get_identity_verification_attributes},
        {"DeleteIdentity", ops::delete_identity},
        {"SendEmail", ops::send_email},
        {"SendRawEmail", ops::send_raw_email},
        {"SendTemplatedEmail", ops::send_templated_email},
        {"CreateTemplate", ops::create_template},
        {"GetTemplate", ops::get_template},
        {"UpdateTemplate", ops::update_template},
        {"DeleteTemplate", ops::delete_template},
        {"ListTemplates", ops::list_templates},
        {"GetSendQuota", ops::get_send_quota},
        {"GetSendStatistics", ops::get_send_statistics},
    };
    return table;
}

} // namespace

service::response query_response(const ses_call& call,
                                 const std::function<void(protocol::xml_writer&)>& result) {
    const std::string& op = call.req.ctx.operation;
    protocol::xml_writer w;
    w.open(op + "Response", "xmlns=\"" + std::string(xmlns) + "\"");
    if (result) {
        w.open(op + "Result");
        result(w);
        w.close();
    }
    w.open("ResponseMetadata").element("RequestId", call.req.ctx.request_id).close();
    w.close();
    service::response r;
    r.headers.set("content-type", "text/xml");
    r.headers.set("x-amzn-requestid", call.req.ctx.request_id);
    r.body = std::move(w).str();
    return r;
}

service::body_plan ses_service::plan_body(service::request& req) {
    // A body larger than any message SES accepts is refused before it is read.
    if (auto length = req.headers.get("content-length")) {
        std::uint64_t size = 0;
        auto [ptr, ec] = std::from_chars(length->data(), length->data() + length->size(), size);
        if (ec != std::errc() || size > max_v1_body) {
            throw errors::message_rejected("Message length is more than 10485760 bytes long.");
        }
    }
    service::body_plan plan;
    plan.max_buffered = max_v1_body;
    return plan;
}

service::response ses_service::handle(service::request& req) {
    service::query_params params = req.query;
    if (!req.body.empty()) {
        auto form = protocol::parse_query(req.body);
        if (!form) {
            throw errors::malformed_query();
        }
        for (const auto& [k, v] : form->entries()) {
            params.add(k, v);
        }
    }
    query_input input(std::move(params));
    auto action = input.get("Action");
    if (!action || action->empty()) {
        throw errors::missing_action();
    }
    req.ctx.operation = *action;
    auto it = dispatch_table().find(*action);
    if (it == dispatch_table().end()) {
        throw errors::invalid_action(*action);
    }
    ses_call call{*backend_, req, input};
    return it->second(call);
}

service::response ses_service::render_error(const core::aws_error& error,
                                            const service::request& req) const {
    return protocol::render_query_error(error, req.ctx.request_id, xmlns);
}

} // namespace cloudbox::services::ses
