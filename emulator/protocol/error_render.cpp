// Renders core::aws_error in each AWS wire protocol.
#include "protocol/error_render.hpp"

#include "protocol/xml.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::protocol {

namespace {
void copy_headers(const core::aws_error& e, service::response& r) {
    for (const auto& [name, value] : e.headers) {
        r.headers.set(name, value);
    }
}
} // namespace

service::response render_rest_xml_error(const core::aws_error& e, std::string_view request_id,
                                        bool head_request) {
    service::response r;
    r.status = e.http_status;
    r.headers.set("x-amz-request-id", std::string(request_id));
    r.headers.set("x-amz-id-2", std::string(request_id));
    copy_headers(e, r);
    if (head_request) {
        return r; // HEAD errors carry no body; clients read the status alone
    }
    r.headers.set("content-type", "application/xml");
    xml_writer w;
    w.open("Error").element("Code", e.code).element("Message", e.message);
    for (const auto& [name, value] : e.fields) {
        w.element(name, value);
    }
    w.element("RequestId", request_id).element("HostId", request_id);
    r.body = std::move(w).str();
    return r;
}

service::response render_query_error(const core::aws_error& e, std::string_view request_id,
                                     std::string_view xmlns) {
    service::response r;
    r.status = e.http_status;
    r.headers.set("x-amzn-requestid", std::string(request_id));
    r.headers.set("content-type", "text/xml");
    copy_headers(e, r);
    xml_writer w;
    std::string attrs = xmlns.empty() ? std::string() : "xmlns=\"" + std::string(xmlns) + "\"";
    w.open("ErrorResponse", attrs)
        .open("Error")
        .element("Type", e.sender_fault ? "Sender" : "Receiver")
        .element("Code", e.code)
        .element("Message", e.message)
        .close()
        .element("RequestId", request_id);
    r.body = std::move(w).str();
    return r;
}

service::response render_json_error(const core::aws_error& e, std::string_view request_id,
                                    std::string_view type_prefix, std::string_view content_type) {
    service::response r;
    r.status = e.http_status;
    r.headers.set("x-amzn-requestid", std::string(request_id));
    r.headers.set("content-type", std::string(content_type));
    copy_headers(e, r);
    nlohmann::json body{{"__type", std::string(type_prefix) + e.code}, {"message", e.message}};
    r.body = body.dump();
    return r;
}

service::response render_rest_json_error(const core::aws_error& e, std::string_view request_id,
                                         std::string_view message_key) {
    service::response r;
    r.status = e.http_status;
    r.headers.set("x-amzn-requestid", std::string(request_id));
    r.headers.set("x-amzn-errortype", e.code);
    r.headers.set("content-type", "application/json");
    copy_headers(e, r);
    nlohmann::json body{{"Type", e.sender_fault ? "User" : "Service"},
                        {std::string(message_key), e.message}};
    r.body = body.dump();
    return r;
}

} // namespace cloudbox::protocol
