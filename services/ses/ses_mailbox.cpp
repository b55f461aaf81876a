// The mailbox control routes: GET/DELETE /_cloudbox/ses/messages[/{id}] and LocalStack's
// GET/DELETE /_aws/ses (?id=, ?email=).
#include "ses/ses_mailbox.hpp"

#include "core/encoding.hpp"
#include "core/time_format.hpp"
#include "ses/ses_backend.hpp"
#include "ses/ses_mime.hpp"

namespace cloudbox::services::ses {

using nlohmann::json;

namespace {

constexpr std::string_view messages_path = "/_cloudbox/ses/messages";

service::response json_response(int status, const json& body) {
    service::response r;
    r.status = status;
    r.headers.set("content-type", "application/json");
    r.body = body.dump();
    return r;
}

service::response json_error(int status, std::string message) {
    return json_response(status, json{{"error", std::move(message)}});
}

bool matches_address(const std::vector<std::string>& list, const std::string& wanted) {
    for (const auto& a : list) {
        if (bare_address(a) == wanted) {
            return true;
        }
    }
    return false;
}

bool contains_ci(const std::string& haystack, const std::string& needle) {
    return core::to_lower(haystack).find(core::to_lower(needle)) != std::string::npos;
}

} // namespace

json message_json(const message_record& m) {
    json j{{"id", m.id},
           {"api", m.api},
           {"operation", m.operation},
           {"account", m.account},
           {"region", m.region},
           {"timestamp", core::format_iso8601_millis(core::from_millis(m.timestamp_ms))},
           {"from", m.source},
           {"to", m.to},
           {"cc", m.cc},
           {"bcc", m.bcc},
           {"reply_to", m.reply_to},
           {"subject", m.subject},
           {"text", m.text ? json(*m.text) : json(nullptr)},
           {"html", m.html ? json(*m.html) : json(nullptr)},
           {"raw", m.raw},
           {"size", m.size},
           {"eml_file", m.eml_file}};
    if (m.template_name) {
        j["template"] = *m.template_name;
        j["template_data"] = m.template_data.value_or("");
    }
    return j;
}

json localstack_message_json(const message_record& m, const std::string* raw_data) {
    json j{{"Id", m.id},
           {"Region", m.region},
           {"Source", m.source},
           {"Timestamp", core::format_iso8601_millis(core::from_millis(m.timestamp_ms))}};
    json destination{{"ToAddresses", m.to}};
    if (!m.cc.empty()) {
        destination["CcAddresses"] = m.cc;
    }
    if (!m.bcc.empty()) {
        destination["BccAddresses"] = m.bcc;
    }
    j["Destination"] = destination;
    if (m.raw) {
        j["RawData"] = raw_data ? *raw_data : std::string();
        return j;
    }
    j["Subject"] = m.subject;
    j["Body"] = json{{"text_part", m.text ? json(*m.text) : json(nullptr)},
                     {"html_part", m.html ? json(*m.html) : json(nullptr)}};
    if (m.template_name) {
        j["Template"] = *m.template_name;
        j["TemplateData"] = m.template_data.value_or("");
    }
    return j;
}

std::optional<service::response> ses_backend::control(service::request& req) {
    const std::string& path = req.raw_path;
    bool cloudbox_list = path == messages_path;
    bool cloudbox_one = path.starts_with(std::string(messages_path) + "/");
    bool localstack = path == "/_aws/ses";
    if (!cloudbox_list && !cloudbox_one && !localstack) {
        return std::nullopt;
    }
    req.ctx.operation = "SesMailbox";
    if (req.method != "GET" && req.method != "DELETE") {
        return json_error(405, "method " + req.method + " not allowed on " + path);
    }
    auto query = [&](std::string_view key) { return std::string(req.query.get(key).value_or("")); };

    if (localstack) {
        std::optional<std::string> id;
        if (!query("id").empty()) {
            id = query("id");
        }
        if (req.method == "DELETE") {
            remove_emls(store_->delete_messages(id));
            service::response r;
            r.status = 204;
            return r;
        }
        std::string email = core::to_lower(query("email"));
        json list = json::array();
        for (const auto& m : store_->messages(id)) {
            if (!email.empty() && bare_address(m.source) != email) {
                continue;
            }
            std::optional<std::string> raw = m.raw ? read_eml(m.eml_file) : std::nullopt;
            list.push_back(localstack_message_json(m, raw ? &*raw : nullptr));
        }
        return json_response(200, json{{"messages", list}});
    }

    if (cloudbox_one) {
        auto id = core::url_decode(path.substr(messages_path.size() + 1));
        if (!id || id->empty() || id->find('/') != std::string::npos) {
            return json_error(404, "no such message");
        }
        if (req.method == "DELETE") {
            auto files = store_->delete_messages(*id);
            if (files.empty()) {
                return json_error(404, "no message " + *id);
            }
            remove_emls(files);
            service::response r;
            r.status = 204;
            return r;
        }
        auto found = store_->messages(*id);
        if (found.empty()) {
            return json_error(404, "no message " + *id);
        }
        auto accept = req.headers.get("accept").value_or("");
        if (accept.find("message/rfc822") != std::string_view::npos) {
            auto eml = read_eml(found.front().eml_file);
            if (!eml) {
                return json_error(404, "the .eml of message " + *id + " is missing");
            }
            service::response r;
            r.headers.set("content-type", "message/rfc822");
            r.body = std::move(*eml);
            return r;
        }
        json j = message_json(found.front());
        j["eml_path"] = (mailbox_dir() / found.front().eml_file).string();
        return json_response(200, j);
    }

    if (req.method == "DELETE") {
        auto files = store_->delete_messages(std::nullopt);
        remove_emls(files);
        return json_response(200, json{{"deleted", files.size()}});
    }
    std::string to = core::to_lower(query("to"));
    std::string from = core::to_lower(query("from"));
    std::string subject = query("subject");
    std::optional<std::int64_t> since;
    if (!query("since").empty()) {
        auto t = core::parse_iso8601(query("since"));
        if (!t) {
            return json_error(400, "since must be an ISO 8601 UTC time like 2026-01-01T00:00:00Z");
        }
        since = core::to_millis(*t);
    }
    json list = json::array();
    for (const auto& m : store_->messages()) {
        bool keep = (to.empty() || matches_address(m.to, to) || matches_address(m.cc, to) ||
                     matches_address(m.bcc, to)) &&
                    (from.empty() || bare_address(m.source) == from) &&
                    (subject.empty() || contains_ci(m.subject, subject)) &&
                    (!since || m.timestamp_ms >= *since);
        if (keep) {
            list.push_back(message_json(m));
            list.back()["eml_path"] = (mailbox_dir() / m.eml_file).string();
        }
    }
    return json_response(200, json{{"messages", list}});
}

} // namespace cloudbox::services::ses
