// SQS's two wire protocols, decoded to and encoded from one JSON-shaped form.
#include "sqs/sqs_codec.hpp"

#include "core/encoding.hpp"
#include "protocol/error_render.hpp"
#include "protocol/query_string.hpp"
#include "protocol/xml.hpp"
#include "sqs/sqs_errors.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace cloudbox::services::sqs {

using nlohmann::json;

namespace {

constexpr const char* xmlns = "http://queue.amazonaws.com/doc/2012-11-05/";

// Query parameters that are numbers in the JSON shape.
const std::set<std::string, std::less<>> integer_fields{
    "DelaySeconds",    "MaxNumberOfMessages", "VisibilityTimeout",
    "WaitTimeSeconds", "MaxResults",          "MaxNumberOfMessagesPerSecond",
};

bool is_index(std::string_view s) {
    return !s.empty() && s.size() < 7 && std::all_of(s.begin(), s.end(), ::isdigit);
}

// {"1": x, "2": y} (numeric keys) -> [x, y] in index order.
std::vector<json> indexed(const json& node) {
    std::vector<std::pair<int, json>> items;
    if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (is_index(it.key())) {
                items.emplace_back(std::stoi(it.key()), it.value());
            }
        }
    }
    std::sort(items.begin(), items.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<json> out;
    for (auto& [i, v] : items) {
        out.push_back(std::move(v));
    }
    return out;
}

std::string text_of(const json& node) {
    return node.is_string() ? node.get<std::string>() : std::string();
}

// A message attribute value: StringValue, BinaryValue, DataType, StringListValue.N, ...
json attribute_value(const json& node) {
    json out = json::object();
    if (!node.is_object()) {
        return out;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == "StringListValue" || it.key() == "BinaryListValue") {
            json list = json::array();
            for (auto& v : indexed(it.value())) {
                list.push_back(text_of(v));
            }
            out[it.key() + "s"] = list;
        } else if (it.value().is_string()) {
            out[it.key()] = it.value();
        }
    }
    return out;
}

json name_value_map(const json& node, const char* key_name, const char* value_name,
                    bool attribute_values) {
    json out = json::object();
    for (auto& entry : indexed(node)) {
        if (!entry.is_object() || !entry.contains(key_name)) {
            continue;
        }
        std::string key = text_of(entry[key_name]);
        const json value = entry.contains(value_name) ? entry[value_name] : json();
        out[key] = attribute_values ? attribute_value(value) : json(text_of(value));
    }
    return out;
}

// Converts one level of the query tree to the JSON shape.
json convert_members(const json& node, const std::string& action) {
    json out = json::object();
    if (!node.is_object()) {
        return out;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string& key = it.key();
        const json& v = it.value();
        auto list_of_strings = [&](const char* json_name) {
            json list = json::array();
            for (auto& e : indexed(v)) {
                list.push_back(text_of(e));
            }
            out[json_name] = list;
        };
        if (key == "Attribute") {
            out["Attributes"] = name_value_map(v, "Name", "Value", false);
        } else if (key == "Tag") {
            out[action == "CreateQueue" ? "tags" : "Tags"] =
                name_value_map(v, "Key", "Value", false);
        } else if (key == "MessageAttribute") {
            out["MessageAttributes"] = name_value_map(v, "Name", "Value", true);
        } else if (key == "MessageSystemAttribute") {
            out["MessageSystemAttributes"] = name_value_map(v, "Name", "Value", true);
        } else if (key == "AttributeName") {
            list_of_strings("AttributeNames");
        } else if (key == "MessageAttributeName") {
            list_of_strings("MessageAttributeNames");
        } else if (key == "MessageSystemAttributeName") {
            list_of_strings("MessageSystemAttributeNames");
        } else if (key == "TagKey") {
            list_of_strings("TagKeys");
        } else if (key == "AWSAccountId") {
            list_of_strings("AWSAccountIds");
        } else if (key == "ActionName") {
            list_of_strings("Actions");
        } else if (key.ends_with("BatchRequestEntry")) {
            json list = json::array();
            for (auto& e : indexed(v)) {
                list.push_back(convert_members(e, action));
            }
            out["Entries"] = list;
        } else if (v.is_string()) {
            const std::string& text = v.get_ref<const std::string&>();
            std::int64_t number = 0;
            auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
            if (integer_fields.count(key) && ec == std::errc() && p == text.data() + text.size()) {
                out[key] = number;
            } else {
                out[key] = v;
            }
        }
    }
    return out;
}

void add_param(json& tree, const std::string& key, const std::string& value) {
    json* node = &tree;
    std::size_t start = 0;
    for (;;) {
        auto dot = key.find('.', start);
        std::string part = key.substr(start, dot == std::string::npos ? dot : dot - start);
        if (!node->is_object()) {
            *node = json::object(); // a leaf that also has children: children win
        }
        json& child = (*node)[part];
        if (dot == std::string::npos) {
            if (child.is_null()) {
                child = value;
            }
            return;
        }
        node = &child;
        start = dot + 1;
    }
}

// XML for one JSON value under element `name` (query responses).
void write_xml(protocol::xml_writer& w, const std::string& name, const json& v,
               const std::string& action);

std::string list_element(const std::string& key, const std::string& action) {
    if (key == "QueueUrls" || key == "queueUrls") {
        return "QueueUrl";
    }
    if (key == "Messages") {
        return "Message";
    }
    if (key == "Successful") {
        return action + "ResultEntry";
    }
    if (key == "Failed") {
        return "BatchResultErrorEntry";
    }
    if (key == "Results") {
        return "ListMessageMoveTasksResultEntry";
    }
    if (key == "StringListValues") {
        return "StringListValue";
    }
    if (key == "BinaryListValues") {
        return "BinaryListValue";
    }
    return key;
}

void write_members(protocol::xml_writer& w, const json& obj, const std::string& action) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string& key = it.key();
        const json& v = it.value();
        if (v.is_array()) {
            std::string element = list_element(key, action);
            for (const auto& item : v) {
                write_xml(w, element, item, action);
            }
        } else if (v.is_object() &&
                   (key == "Attributes" || key == "Tags" || key == "MessageAttributes")) {
            bool tags = key == "Tags";
            std::string element = tags                  ? "Tag"
                                  : key == "Attributes" ? "Attribute"
                                                        : "MessageAttribute";
            for (auto m = v.begin(); m != v.end(); ++m) {
                w.open(element).element(tags ? "Key" : "Name", m.key());
                write_xml(w, "Value", m.value(), action);
                w.close();
            }
        } else {
            write_xml(w, key, v, action);
        }
    }
}

void write_xml(protocol::xml_writer& w, const std::string& name, const json& v,
               const std::string& action) {
    if (v.is_object()) {
        w.open(name);
        write_members(w, v, action);
        w.close();
    } else if (v.is_string()) {
        w.element(name, v.get_ref<const std::string&>());
    } else if (v.is_boolean()) {
        w.element(name, v.get<bool>() ? "true" : "false");
    } else if (v.is_number_integer()) {
        w.element(name, v.get<long long>());
    } else if (!v.is_null()) {
        w.element(name, v.dump());
    }
}

// Operations whose query response has no <OpResult> element.
bool has_result(const std::string& action) {
    static const std::set<std::string, std::less<>> none{
        "DeleteMessage", "DeleteQueue",      "SetQueueAttributes",
        "PurgeQueue",    "TagQueue",         "UntagQueue",
        "AddPermission", "RemovePermission", "ChangeMessageVisibility"};
    return none.count(action) == 0;
}

std::string field(const core::aws_error& e, const char* name) {
    for (const auto& [k, v] : e.fields) {
        if (k == name) {
            return v;
        }
    }
    return {};
}

} // namespace

wire_protocol detect_protocol(const service::request& req) {
    return req.headers.has("x-amz-target") ? wire_protocol::json : wire_protocol::query;
}

sqs_input decode_request(const service::request& req) {
    sqs_input in;
    in.protocol = detect_protocol(req);
    if (in.protocol == wire_protocol::json) {
        std::string target(req.headers.get("x-amz-target").value_or(""));
        in.action = target.substr(target.find('.') + 1);
        auto body = json::parse(req.body.empty() ? std::string("{}") : req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object()) {
            // AWS: a body that is not a JSON object is a SerializationException.
            throw errors::serialization("Start of structure or map found where not expected.");
        }
        in.params = std::move(body);
        return in;
    }
    json tree = json::object();
    for (const auto& [k, v] : req.query.entries()) {
        add_param(tree, k, v);
    }
    auto content_type = req.headers.get("content-type").value_or("");
    if (!req.body.empty() && content_type.find("json") == std::string_view::npos) {
        auto form = protocol::parse_query(req.body);
        if (!form) {
            throw errors::make("MalformedQueryString", "MalformedQueryString",
                               "The query string is malformed.");
        }
        for (const auto& [k, v] : form->entries()) {
            add_param(tree, k, v);
        }
    }
    in.action = tree.contains("Action") ? text_of(tree["Action"]) : std::string();
    in.params = convert_members(tree, in.action);
    for (const char* drop : {"Action", "Version", "AWSAccessKeyId", "Signature", "SignatureMethod",
                             "SignatureVersion", "Timestamp", "Expires"}) {
        in.params.erase(drop);
    }
    // Older clients POST to the queue URL itself: /{account}/{name}.
    if (!in.params.contains("QueueUrl") &&
        std::count(req.raw_path.begin(), req.raw_path.end(), '/') == 2 && req.raw_path.size() > 3) {
        in.params["QueueUrl"] = "http://" + req.host + req.raw_path;
    }
    return in;
}

service::response encode_output(const sqs_input& input, const json& output,
                                const std::string& request_id) {
    service::response r;
    r.headers.set("x-amzn-requestid", request_id);
    if (input.protocol == wire_protocol::json) {
        r.headers.set("content-type", "application/x-amz-json-1.0");
        r.body = output.dump(-1, ' ', false, json::error_handler_t::replace);
        return r;
    }
    r.headers.set("content-type", "text/xml");
    protocol::xml_writer w;
    w.open(input.action + "Response", std::string("xmlns=\"") + xmlns + "\"");
    if (has_result(input.action)) {
        w.open(input.action + "Result");
        write_members(w, output, input.action);
        w.close();
    }
    w.open("ResponseMetadata").element("RequestId", request_id).close();
    w.close();
    r.body = std::move(w).str();
    return r;
}

service::response encode_error(wire_protocol protocol, const core::aws_error& error,
                               const std::string& request_id) {
    if (protocol == wire_protocol::query) {
        if (error.code == "AWS.SimpleQueueService.NonExistentQueue") {
            // The query API still words this error as in the WSDL days (AWS SDK smoke tests,
            // LocalStack's AWS-recorded test_non_existent_queue); JSON drops the suffix.
            core::aws_error worded = error;
            worded.message = "The specified queue does not exist for this wsdl version.";
            return protocol::render_query_error(worded, request_id, xmlns);
        }
        return protocol::render_query_error(error, request_id, xmlns);
    }
    std::string type = field(error, "__type");
    if (type.empty()) {
        type = error.code;
    }
    if (type.find('#') == std::string::npos) {
        type = "com.amazonaws.sqs#" + type;
    }
    service::response r;
    r.status = error.http_status;
    r.headers.set("x-amzn-requestid", request_id);
    r.headers.set("content-type", "application/x-amz-json-1.0");
    if (field(error, "__no_query_header").empty()) {
        r.headers.set("x-amzn-query-error",
                      error.code + (error.sender_fault ? ";Sender" : ";Receiver"));
    }
    r.body = json{{"__type", type}, {"message", error.message}}.dump();
    return r;
}

} // namespace cloudbox::services::sqs
