// In-process AWS calls: the same route -> prepare -> invoke path as an HTTP request.
#include "service/internal_client.hpp"

#include "core/encoding.hpp"
#include "core/time_format.hpp"
#include "protocol/query_string.hpp"
#include "protocol/xml.hpp"
#include "service/dispatcher.hpp"
#include <algorithm>

namespace cloudbox::service {

namespace {

// The body of a response, read from its file segments when it was streamed.
std::string body_bytes(const response& res) {
    if (res.segments.empty()) {
        return res.body;
    }
    std::string out;
    out.reserve(res.body_size());
    for (const auto& seg : res.segments) {
        std::size_t start = out.size();
        out.resize(start + seg.length);
        std::uint64_t done = 0;
        while (done < seg.length) {
            long got =
                seg.file->read_at(out.data() + start + done, seg.length - done, seg.offset + done);
            if (got <= 0) {
                throw core::aws_error("InternalError", "could not read a response body", 500,
                                      false);
            }
            done += static_cast<std::uint64_t>(got);
        }
    }
    return out;
}

// A SigV4-shaped Authorization header: the dispatcher reads account (a 12-digit access key),
// region and service from it exactly as for a client's request. Signatures are not verified.
std::string authorization_for(const caller_identity& who, const std::string& service,
                              core::clock& clock) {
    std::string date = core::format_iso8601(clock.now()).substr(0, 10);
    date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
    return "AWS4-HMAC-SHA256 Credential=" + who.account_id + "/" + date + "/" + who.region + "/" +
           service + "/aws4_request, SignedHeaders=host, Signature=" + std::string(64, '0');
}

std::string object_path(const std::string& bucket, const std::string& key) {
    return "/" + core::url_encode(bucket) + "/" + core::url_encode(key, false);
}

std::map<std::string, std::string> metadata_of(const response& res) {
    std::map<std::string, std::string> out;
    for (const auto& [name, value] : res.headers.entries()) {
        if (name.starts_with("x-amz-meta-")) {
            out[name.substr(11)] = value;
        }
    }
    return out;
}

} // namespace

core::aws_error error_from_response(const response& res) {
    std::string body = body_bytes(res);
    std::string code = "InternalError";
    std::string message;
    if (auto type = res.headers.get("x-amzn-errortype")) {
        code = std::string(type->substr(0, type->find(':')));
    }
    if (!body.empty() && (body.front() == '{')) {
        auto json = nlohmann::json::parse(body, nullptr, false);
        if (json.is_object()) {
            if (auto it = json.find("__type"); it != json.end() && it->is_string()) {
                std::string type = it->get<std::string>();
                code = type.substr(type.find('#') == std::string::npos ? 0 : type.find('#') + 1);
            }
            for (const char* field : {"message", "Message", "errorMessage"}) {
                if (auto it = json.find(field); it != json.end() && it->is_string()) {
                    message = it->get<std::string>();
                    break;
                }
            }
        }
    } else if (auto xml = protocol::parse_xml(body)) {
        const protocol::xml_node* err = xml->name == "Error" ? &*xml : xml->child("Error");
        if (err != nullptr) {
            code = err->child_text("Code").value_or(code);
            message = err->child_text("Message").value_or("");
        }
    } else if (res.status == 404) {
        code = "NotFound"; // HEAD answers carry no body
    }
    // SQS's awsQueryCompatible errors name the legacy code in a header.
    if (auto legacy = res.headers.get("x-amzn-query-error")) {
        code = std::string(legacy->substr(0, legacy->find(';')));
    }
    return core::aws_error(code, message, res.status, res.status < 500);
}

response internal_client::send(internal_request in) const {
    request req;
    req.method = in.method;
    req.raw_path = in.path;
    req.raw_query = in.query;
    req.target = in.query.empty() ? in.path : in.path + "?" + in.query;
    req.host = "localhost";
    req.remote_address = "127.0.0.1";
    req.headers.add("host", req.host);
    for (auto& [name, value] : in.headers) {
        req.headers.add(name, std::move(value));
    }
    req.headers.set("authorization",
                    authorization_for(identity_, in.signing_service, dispatcher_.clock()));
    req.headers.set("content-length", std::to_string(in.body.size()));
    auto params = protocol::parse_query(req.raw_query);
    if (params) {
        req.query = std::move(*params);
    }
    aws_service* svc = dispatcher_.route(req);
    if (svc == nullptr) {
        return dispatcher_.unknown_service(req);
    }
    try {
        body_plan plan = dispatcher_.prepare(*svc, req);
        if (plan.sink) {
            // Fed exactly as the HTTP session feeds it, in chunks.
            constexpr std::size_t chunk = 256 * 1024;
            for (std::size_t at = 0; at < in.body.size(); at += chunk) {
                plan.sink->write(in.body.data() + at, std::min(chunk, in.body.size() - at));
            }
            plan.sink->finish();
            req.sink = std::move(plan.sink);
        } else {
            if (in.body.size() > plan.max_buffered) {
                throw core::aws_error("EntityTooLarge",
                                      "Your proposed upload exceeds the maximum allowed size", 413);
            }
            req.body = std::move(in.body);
        }
    } catch (const core::aws_error& e) {
        return dispatcher_.render_error(svc, e, req);
    }
    // A deferred response (a synchronous Lambda invoke) is waited for on this thread.
    return dispatcher_.invoke_blocking(*svc, req);
}

nlohmann::json internal_client::call_json(const std::string& signing_service,
                                          const std::string& target,
                                          const nlohmann::json& input) const {
    // awsJson 1.0 for DynamoDB and SQS, 1.1 for the others (Logs, Events, KMS, Cognito).
    bool json10 = target.starts_with("DynamoDB") || target.starts_with("AmazonSQS");
    internal_request req;
    req.method = "POST";
    req.signing_service = signing_service;
    req.headers = {
        {"x-amz-target", target},
        {"content-type", json10 ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1"}};
    req.body = input.dump();
    response res = send(std::move(req));
    if (res.status >= 300) {
        throw error_from_response(res);
    }
    std::string body = body_bytes(res);
    if (body.empty()) {
        return nlohmann::json::object();
    }
    return nlohmann::json::parse(body);
}

response
internal_client::call_rest_json(const std::string& signing_service, const std::string& method,
                                const std::string& path, const std::string& body,
                                std::vector<std::pair<std::string, std::string>> headers) const {
    internal_request req;
    req.method = method;
    req.signing_service = signing_service;
    auto q = path.find('?');
    req.path = path.substr(0, q);
    req.query = q == std::string::npos ? std::string() : path.substr(q + 1);
    req.headers = std::move(headers);
    req.body = body;
    response res = send(std::move(req));
    if (res.status >= 300) {
        throw error_from_response(res);
    }
    res.body = body_bytes(res);
    res.segments.clear();
    return res;
}

s3_object internal_client::get_object(const std::string& bucket, const std::string& key) const {
    internal_request req;
    req.signing_service = "s3";
    req.path = object_path(bucket, key);
    response res = send(std::move(req));
    if (res.status != 200) {
        throw error_from_response(res);
    }
    s3_object out;
    out.body = body_bytes(res);
    out.content_type = std::string(res.headers.get("content-type").value_or(""));
    out.etag = std::string(res.headers.get("etag").value_or(""));
    out.metadata = metadata_of(res);
    return out;
}

std::optional<s3_object> internal_client::head_object(const std::string& bucket,
                                                      const std::string& key) const {
    internal_request req;
    req.method = "HEAD";
    req.signing_service = "s3";
    req.path = object_path(bucket, key);
    response res = send(std::move(req));
    if (res.status == 404) {
        return std::nullopt;
    }
    if (res.status != 200) {
        throw error_from_response(res);
    }
    s3_object out;
    out.content_type = std::string(res.headers.get("content-type").value_or(""));
    out.etag = std::string(res.headers.get("etag").value_or(""));
    out.metadata = metadata_of(res);
    return out;
}

std::string internal_client::put_object(const std::string& bucket, const std::string& key,
                                        std::string body, const std::string& content_type,
                                        const std::map<std::string, std::string>& metadata) const {
    internal_request req;
    req.method = "PUT";
    req.signing_service = "s3";
    req.path = object_path(bucket, key);
    if (!content_type.empty()) {
        req.headers.emplace_back("content-type", content_type);
    }
    for (const auto& [name, value] : metadata) {
        req.headers.emplace_back("x-amz-meta-" + core::to_lower(name), value);
    }
    req.body = std::move(body);
    response res = send(std::move(req));
    if (res.status != 200) {
        throw error_from_response(res);
    }
    return std::string(res.headers.get("etag").value_or(""));
}

void internal_client::delete_object(const std::string& bucket, const std::string& key) const {
    internal_request req;
    req.method = "DELETE";
    req.signing_service = "s3";
    req.path = object_path(bucket, key);
    response res = send(std::move(req));
    if (res.status != 204 && res.status != 200) {
        throw error_from_response(res);
    }
}

s3_listing internal_client::list_objects(const std::string& bucket, const std::string& prefix,
                                         const std::string& marker, int max_keys) const {
    internal_request req;
    req.signing_service = "s3";
    req.path = "/" + core::url_encode(bucket);
    req.query = "max-keys=" + std::to_string(max_keys) + "&prefix=" + core::url_encode(prefix);
    if (!marker.empty()) {
        req.query += "&marker=" + core::url_encode(marker);
    }
    response res = send(std::move(req));
    if (res.status != 200) {
        throw error_from_response(res);
    }
    auto xml = protocol::parse_xml(body_bytes(res));
    if (!xml) {
        throw core::aws_error("InternalError", "ListObjects returned malformed XML", 500, false);
    }
    s3_listing out;
    out.is_truncated = xml->child_text("IsTruncated").value_or("false") == "true";
    for (const auto* item : xml->children_named("Contents")) {
        s3_listing_entry e;
        e.key = item->child_text("Key").value_or("");
        e.size = std::stoull(item->child_text("Size").value_or("0"));
        e.last_modified = item->child_text("LastModified").value_or("");
        e.etag = item->child_text("ETag").value_or("");
        out.contents.push_back(std::move(e));
    }
    // AWS sends NextMarker only with a delimiter; the last key is the marker otherwise.
    out.next_marker = xml->child_text("NextMarker").value_or("");
    if (out.is_truncated && out.next_marker.empty() && !out.contents.empty()) {
        out.next_marker = out.contents.back().key;
    }
    return out;
}

} // namespace cloudbox::service
