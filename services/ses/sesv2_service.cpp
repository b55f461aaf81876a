// SES v2 (REST-JSON): routes /v2/email/... to operations, parses the JSON body, renders errors.
#include "ses/sesv2_service.hpp"

#include "core/encoding.hpp"
#include "protocol/error_render.hpp"
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"

#include <charconv>

namespace cloudbox::services::ses {

using nlohmann::json;

namespace {

// A 40 MB raw message, base64-encoded inside JSON, with room to spare.
constexpr std::uint64_t max_v2_body = 64ULL * 1024 * 1024;

struct route {
    std::string_view operation;
    sesv2_operation fn;
};

std::string type_message(const std::string& path, const char* type) {
    return "1 validation error detected: Value at '" + path +
           "' failed to satisfy constraint: Member must be " + type;
}

// Maps method + path to the operation; sets path_param for /{EmailIdentity} and /{TemplateName}.
std::optional<route> resolve(const service::request& req, std::string& path_param) {
    std::string_view path = req.raw_path;
    const std::string& m = req.method;
    auto collection = [&](std::string_view prefix) -> std::optional<std::string> {
        if (path == prefix) {
            return std::string();
        }
        std::string with_slash = std::string(prefix) + "/";
        if (path.starts_with(with_slash) && path.size() > with_slash.size() &&
            path.substr(with_slash.size()).find('/') == std::string_view::npos) {
            return std::string(path.substr(with_slash.size()));
        }
        return std::nullopt;
    };
    if (path == "/v2/email/outbound-emails" && m == "POST") {
        return route{"SendEmail", ops::v2_send_email};
    }
    if (path == "/v2/email/account" && m == "GET") {
        return route{"GetAccount", ops::v2_get_account};
    }
    if (auto id = collection("/v2/email/identities")) {
        path_param = core::url_decode(*id).value_or(*id);
        if (id->empty()) {
            if (m == "POST") {
                return route{"CreateEmailIdentity", ops::v2_create_email_identity};
            }
            if (m == "GET") {
                return route{"ListEmailIdentities", ops::v2_list_email_identities};
            }
        } else if (m == "GET") {
            return route{"GetEmailIdentity", ops::v2_get_email_identity};
        } else if (m == "DELETE") {
            return route{"DeleteEmailIdentity", ops::v2_delete_email_identity};
        }
    }
    if (auto name = collection("/v2/email/templates")) {
        path_param = core::url_decode(*name).value_or(*name);
        if (name->empty()) {
            if (m == "POST") {
                return route{"CreateEmailTemplate", ops::v2_create_email_template};
            }
            if (m == "GET") {
                return route{"ListEmailTemplates", ops::v2_list_email_templates};
            }
        } else if (m == "GET") {
            return route{"GetEmailTemplate", ops::v2_get_email_template};
        } else if (m == "PUT") {
            return route{"UpdateEmailTemplate", ops::v2_update_email_template};
        } else if (m == "DELETE") {
            return route{"DeleteEmailTemplate", ops::v2_delete_email_template};
        }
    }
    return std::nullopt;
}

} // namespace

service::response json_response(const json& body, int status) {
    service::response r;
    r.status = status;
    r.headers.set("content-type", "application/json");
    r.body = body.dump();
    return r;
}

std::optional<std::string> json_string(const json& object, const char* key,
                                       const std::string& path) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_string()) {
        throw errors::bad_request(type_message(path, "a string"));
    }
    return it->get<std::string>();
}

std::string json_required_string(const json& object, const char* key, const std::string& path) {
    auto v = json_string(object, key, path);
    if (!v) {
        throw errors::bad_request("1 validation error detected: Value null at '" + path +
                                  "' failed to satisfy constraint: Member must not be null");
    }
    return *v;
}

const json* json_object(const json& object, const char* key, const std::string& path) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return nullptr;
    }
    if (!it->is_object()) {
        throw errors::bad_request(type_message(path, "a structure"));
    }
    return &*it;
}

std::vector<std::string> json_string_list(const json& object, const char* key,
                                          const std::string& path) {
    std::vector<std::string> out;
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return out;
    }
    if (!it->is_array()) {
        throw errors::bad_request(type_message(path, "a list"));
    }
    for (const auto& item : *it) {
        if (!item.is_string()) {
            throw errors::bad_request(type_message(path + ".member", "a string"));
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

int page_size(const service::request& req, int default_size, int max_size) {
    auto text = req.query.get("PageSize");
    if (!text) {
        return default_size;
    }
    int n = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (text->empty() || ec != std::errc() || ptr != text->data() + text->size()) {
        throw errors::bad_request(type_message("pageSize", "a number"));
    }
    if (n < 1 || n > max_size) {
        throw errors::bad_request("Invalid page size. Page size must be between 1 and " +
                                  std::to_string(max_size) + ".");
    }
    return n;
}

service::body_plan sesv2_service::plan_body(service::request& req) {
    // A body larger than any message SES accepts is refused before it is read.
    if (auto length = req.headers.get("content-length")) {
        std::uint64_t size = 0;
        auto [ptr, ec] = std::from_chars(length->data(), length->data() + length->size(), size);
        if (ec != std::errc() || size > max_v2_body) {
            throw errors::v2_message_rejected("Message length is more than 41943040 bytes long.");
        }
    }
    service::body_plan plan;
    plan.max_buffered = max_v2_body;
    return plan;
}

service::response sesv2_service::handle(service::request& req) {
    std::string path_param;
    auto r = resolve(req, path_param);
    if (!r) {
        req.ctx.operation = "Unknown";
        throw core::aws_error("UnknownOperationException",
                              "No operation matches " + req.method + " " + req.raw_path, 404);
    }
    req.ctx.operation = std::string(r->operation);
    json body = json::object();
    if (!req.body.empty()) {
        body = json::parse(req.body, nullptr, false);
        if (body.is_discarded()) {
            throw errors::bad_request("Could not parse the request body as JSON.");
        }
        if (!body.is_object()) {
            throw errors::bad_request("The request body must be a JSON object.");
        }
    }
    sesv2_call call{*backend_, req, std::move(body), std::move(path_param)};
    auto res = r->fn(call);
    res.headers.set("x-amzn-requestid", req.ctx.request_id);
    return res;
}

service::response sesv2_service::render_error(const core::aws_error& error,
                                              const service::request& req) const {
    return protocol::render_rest_json_error(error, req.ctx.request_id);
}

} // namespace cloudbox::services::ses
