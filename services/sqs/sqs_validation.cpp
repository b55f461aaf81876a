// SQS input rules with AWS's messages.
#include "sqs/sqs_validation.hpp"

#include "core/encoding.hpp"
#include "core/hash.hpp"
#include "sqs/sqs_errors.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <vector>

namespace cloudbox::services::sqs {

using nlohmann::json;

namespace {

bool name_chars_ok(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
}

struct int_range {
    const char* name;
    long long min;
    long long max;
};

constexpr int_range ranges[] = {
    {"DelaySeconds", 0, 900},
    {"MaximumMessageSize", 1024, 1048576},
    {"MessageRetentionPeriod", 60, 1209600},
    {"ReceiveMessageWaitTimeSeconds", 0, 20},
    {"VisibilityTimeout", 0, 43200},
    {"KmsDataKeyReusePeriodSeconds", 60, 86400},
};

const std::set<std::string, std::less<>> common_attributes{"DelaySeconds",
                                                           "MaximumMessageSize",
                                                           "MessageRetentionPeriod",
                                                           "Policy",
                                                           "ReceiveMessageWaitTimeSeconds",
                                                           "VisibilityTimeout",
                                                           "RedrivePolicy",
                                                           "RedriveAllowPolicy",
                                                           "KmsMasterKeyId",
                                                           "KmsDataKeyReusePeriodSeconds",
                                                           "SqsManagedSseEnabled"};
const std::set<std::string, std::less<>> fifo_attributes{
    "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit"};

bool parse_long(const std::string& s, long long& out) {
    if (s.empty() || s.size() > 18) {
        return false;
    }
    std::size_t i = s[0] == '-' ? 1 : 0;
    if (i == s.size() || !std::all_of(s.begin() + static_cast<long>(i), s.end(), ::isdigit)) {
        return false;
    }
    out = std::stoll(s);
    return true;
}

// "Value <policy> for parameter RedrivePolicy is invalid. Reason: ..." is InvalidParameterValue,
// as AWS answers a malformed target (LocalStack's AWS-recorded
// test_invalid_dead_letter_arn_rejected_before_lookup) and a missing one.
core::aws_error invalid_redrive_policy(const std::string& policy, const std::string& reason) {
    return errors::invalid_value(policy, "RedrivePolicy", reason);
}

// arn:<partition>:sqs:<region>:<account>:<queue>
bool is_queue_arn(const std::string& arn) {
    if (!arn.starts_with("arn:") || std::count(arn.begin(), arn.end(), ':') != 5) {
        return false;
    }
    auto service = arn.find(':', 4) + 1;
    return arn.compare(service, 4, "sqs:") == 0 && !arn.ends_with(":");
}

void check_redrive_policy(const std::string& value) {
    auto j = json::parse(value, nullptr, false);
    if (!j.is_object()) {
        throw errors::invalid_attribute_value_message(
            "Invalid value for the parameter RedrivePolicy. Reason: Redrive policy is not a "
            "valid JSON map.");
    }
    if (!j.contains("deadLetterTargetArn") || !j.contains("maxReceiveCount")) {
        throw invalid_redrive_policy(
            value,
            std::string("Redrive policy does not contain mandatory attribute: ") +
                (j.contains("deadLetterTargetArn") ? "maxReceiveCount" : "deadLetterTargetArn") +
                ".");
    }
    long long max = 0;
    const auto& m = j["maxReceiveCount"];
    bool ok = m.is_number_integer() ? (max = m.get<long long>(), true)
                                    : m.is_string() && parse_long(m.get<std::string>(), max);
    if (!ok || max < 1 || max > 1000) {
        throw invalid_redrive_policy(value, "Invalid value for maxReceiveCount: " + m.dump() +
                                                ", valid values are from 1 to 1000 both "
                                                "inclusive.");
    }
    const auto& arn = j["deadLetterTargetArn"];
    if (!arn.is_string() || !is_queue_arn(arn.get<std::string>())) {
        throw invalid_redrive_policy(value, "Invalid value for deadLetterTargetArn.");
    }
}

void check_boolean(const std::string& name, const std::string& value) {
    if (value != "true" && value != "false") {
        throw errors::invalid_attribute_value(name);
    }
}

} // namespace

void validate_queue_name(const std::string& name) {
    bool fifo = name.ends_with(".fifo");
    std::string_view base(name.data(), fifo ? name.size() - 5 : name.size());
    if (name.empty() || name.size() > 80 || base.empty() || !name_chars_ok(base)) {
        throw errors::invalid_parameter_value(
            fifo ? "The name of a FIFO queue can only include alphanumeric characters, hyphens, "
                   "or underscores, must end with .fifo suffix and be 1 to 80 in length."
                 : "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 "
                   "in length");
    }
}

string_map default_queue_attributes(bool fifo) {
    string_map a{{"DelaySeconds", "0"},
                 {"MaximumMessageSize", "1048576"},
                 {"MessageRetentionPeriod", "345600"},
                 {"ReceiveMessageWaitTimeSeconds", "0"},
                 {"VisibilityTimeout", "30"},
                 {"SqsManagedSseEnabled", "true"}};
    if (fifo) {
        a["FifoQueue"] = "true";
        a["ContentBasedDeduplication"] = "false";
        a["DeduplicationScope"] = "queue";
        a["FifoThroughputLimit"] = "perQueue";
    }
    return a;
}

void apply_encryption_switch(string_map& attributes, const string_map& requested) {
    auto kms_key = requested.find("KmsMasterKeyId");
    if (kms_key != requested.end() && !kms_key->second.empty()) {
        attributes["SqsManagedSseEnabled"] = "false";
        attributes.try_emplace("KmsDataKeyReusePeriodSeconds", "300");
    }
    auto sqs_sse = requested.find("SqsManagedSseEnabled");
    if (sqs_sse != requested.end() && sqs_sse->second == "true") {
        attributes.erase("KmsMasterKeyId");
        attributes.erase("KmsDataKeyReusePeriodSeconds");
    }
}

string_map validate_queue_attributes(const string_map& attributes, bool fifo, bool creating) {
    auto kms_key = attributes.find("KmsMasterKeyId");
    auto sqs_sse = attributes.find("SqsManagedSseEnabled");
    if (kms_key != attributes.end() && !kms_key->second.empty() && sqs_sse != attributes.end() &&
        sqs_sse->second == "true") {
        throw errors::conflicting_encryption();
    }
    string_map out;
    for (const auto& [name, value] : attributes) {
        bool known = common_attributes.count(name) || fifo_attributes.count(name);
        if (!known) {
            throw errors::invalid_attribute_name(name);
        }
        if (fifo_attributes.count(name) && !fifo) {
            if (name == "FifoQueue" && creating && value == "true") {
                throw errors::invalid_attribute_value_message(
                    "Invalid value for the parameter FifoQueue. Reason: The name of a FIFO "
                    "queue can only include alphanumeric characters, hyphens, or underscores, "
                    "must end with .fifo suffix and be 1 to 80 in length.");
            }
            if (name != "FifoQueue" || value != "false") {
                throw errors::invalid_attribute_name(name);
            }
            continue;
        }
        if (name == "FifoQueue") {
            if (!creating) {
                throw errors::invalid_attribute_value_message(
                    "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is "
                    "not supported.");
            }
            if (value != "true") {
                throw errors::invalid_attribute_value(name);
            }
        }
        for (const auto& r : ranges) {
            if (name == r.name) {
                long long v = 0;
                if (!parse_long(value, v) || v < r.min || v > r.max) {
                    throw errors::invalid_attribute_value(name);
                }
            }
        }
        if (name == "ContentBasedDeduplication" || name == "SqsManagedSseEnabled") {
            check_boolean(name, value);
        }
        if (name == "DeduplicationScope" && value != "queue" && value != "messageGroup") {
            throw errors::invalid_attribute_value(name);
        }
        if (name == "FifoThroughputLimit" && value != "perQueue" && value != "perMessageGroupId") {
            throw errors::invalid_attribute_value(name);
        }
        if (name == "RedrivePolicy" && !value.empty()) {
            check_redrive_policy(value);
        }
        if ((name == "Policy" || name == "RedriveAllowPolicy") && !value.empty() &&
            !json::parse(value, nullptr, false).is_object()) {
            throw errors::invalid_attribute_value(name);
        }
        out[name] = value;
    }
    return out;
}

void validate_body(const std::string& body, std::size_t attributes_size, std::size_t max_size) {
    if (body.empty()) {
        throw errors::missing_parameter("MessageBody");
    }
    // XML 1.0 characters: #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF.
    const auto* p = reinterpret_cast<const unsigned char*>(body.data());
    const auto* end = p + body.size();
    while (p < end) {
        std::uint32_t cp = 0;
        int len = *p < 0x80         ? 1
                  : (*p >> 5) == 6  ? 2
                  : (*p >> 4) == 14 ? 3
                  : (*p >> 3) == 30 ? 4
                                    : 0;
        if (len == 0 || p + len > end) {
            cp = 0xFFFF; // invalid UTF-8
        } else {
            cp = len == 1 ? *p : *p & (0x7F >> len);
            for (int i = 1; i < len; ++i) {
                if ((p[i] & 0xC0) != 0x80) {
                    cp = 0xFFFF;
                    break;
                }
                cp = (cp << 6) | (p[i] & 0x3F);
            }
        }
        bool ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                  (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!ok) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "#x%X", cp);
            throw errors::invalid_message_contents(
                std::string("Invalid binary character '") + hex +
                "' was found in the message body, the set of allowed characters is #x9 | #xA | "
                "#xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
        }
        p += len == 0 ? 1 : len;
    }
    if (body.size() + attributes_size > max_size) {
        throw errors::invalid_parameter_value(
            "One or more parameters are invalid. Reason: Message must be shorter than " +
            std::to_string(max_size) + " bytes.");
    }
}

std::size_t validate_message_attributes(const json& attributes, bool system) {
    if (attributes.is_null()) {
        return 0;
    }
    if (!attributes.is_object()) {
        throw errors::serialization("Expected Map for MessageAttributes");
    }
    if (!system && attributes.size() > 10) {
        throw errors::invalid_parameter_value("Number of message attributes [" +
                                              std::to_string(attributes.size()) +
                                              "] exceeds the allowed maximum [10].");
    }
    std::size_t total = 0;
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const std::string& name = it.key();
        const json& v = it.value();
        if (system && name != "AWSTraceHeader") {
            throw errors::invalid_parameter_value("Message system attribute name '" + name +
                                                  "' is invalid.");
        }
        if (name.empty() || name.size() > 256 || name.starts_with("AWS.") ||
            name.starts_with("Amazon.") || name.starts_with(".") || name.ends_with(".") ||
            name.find("..") != std::string::npos ||
            !std::all_of(name.begin(), name.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ||
                       c == '.';
            })) {
            if (!system) {
                throw errors::invalid_parameter_value("Message (user) attribute name '" + name +
                                                      "' is invalid.");
            }
        }
        if (!v.is_object()) {
            throw errors::serialization("Expected Structure for MessageAttributeValue");
        }
        std::string type = v.value("DataType", "");
        if (type.empty()) {
            throw errors::invalid_parameter_value("The message attribute '" + name +
                                                  "' must contain non-empty message attribute "
                                                  "type.");
        }
        std::string base = type.substr(0, type.find('.'));
        if (base != "String" && base != "Number" && base != "Binary") {
            throw errors::invalid_parameter_value(
                "The type of message (user) attribute '" + name +
                "' is invalid. You must use only the following supported type prefixes: "
                "Binary, Number, String.");
        }
        bool binary = base == "Binary";
        const char* field = binary ? "BinaryValue" : "StringValue";
        if (v.contains(field) && v[field].is_string() && v[field].get<std::string>().empty()) {
            // AWS-recorded (LocalStack's test_send_message_with_empty_string_attribute).
            throw errors::invalid_parameter_value("Message (user) attribute '" + name +
                                                  "' must contain a non-empty value of type '" +
                                                  base + "'.");
        }
        if (!v.contains(field) || !v[field].is_string() || v[field].get<std::string>().empty()) {
            throw errors::invalid_parameter_value("The message attribute '" + name +
                                                  "' with type '" + base + "' must use field '" +
                                                  (binary ? "Binary" : "String") + "'.");
        }
        std::string value = v[field].get<std::string>();
        if (binary) {
            auto decoded = core::base64_decode(value);
            if (!decoded) {
                throw errors::serialization("Could not decode base64 for BinaryValue");
            }
            value = *decoded;
        } else if (base == "Number") {
            char* endp = nullptr;
            std::strtod(value.c_str(), &endp);
            if (endp == value.c_str() || *endp != '\0') {
                throw errors::invalid_parameter_value("Can't cast the value of message (user) "
                                                      "attribute '" +
                                                      name + "' to a number.");
            }
        }
        total += name.size() + type.size() + value.size();
    }
    return total;
}

std::string md5_hex(const std::string& data) {
    return core::to_hex(core::digest(core::digest_kind::md5, data));
}

std::string md5_of_attributes(const json& attributes) {
    if (!attributes.is_object() || attributes.empty()) {
        return {};
    }
    std::vector<std::string> names;
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        names.push_back(it.key());
    }
    std::sort(names.begin(), names.end());
    std::string buf;
    auto put = [&buf](std::string_view s) {
        auto n = static_cast<std::uint32_t>(s.size());
        char len[4] = {static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                       static_cast<char>(n >> 8), static_cast<char>(n)};
        buf.append(len, 4);
        buf.append(s);
    };
    for (const auto& name : names) {
        const json& v = attributes[name];
        std::string type = v.value("DataType", "");
        put(name);
        put(type);
        if (type.starts_with("Binary")) {
            buf.push_back(2);
            put(core::base64_decode(v.value("BinaryValue", "")).value_or(""));
        } else {
            buf.push_back(1);
            put(v.value("StringValue", ""));
        }
    }
    return md5_hex(buf);
}

void validate_batch_entry_id(const std::string& id) {
    if (id.empty() || id.size() > 80 || !name_chars_ok(id)) {
        throw errors::invalid_batch_entry_id();
    }
}

} // namespace cloudbox::services::sqs
