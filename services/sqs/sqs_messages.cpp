// Shared by the message operations.
#include "sqs/sqs_messages.hpp"

#include "core/encoding.hpp"
#include "core/hash.hpp"
#include "sqs/sqs_errors.hpp"
#include "sqs/sqs_validation.hpp"

namespace cloudbox::services::sqs {

using nlohmann::json;

message_record build_message(const live_queue& q, wire_protocol protocol, const json& entry,
                             int& delay, const std::string& sender_id) {
    message_record m;
    auto body = entry_string(entry, "MessageBody");
    if (!body) {
        throw errors::missing_parameter("MessageBody");
    }
    json attributes = entry.contains("MessageAttributes") ? entry["MessageAttributes"] : json();
    json system =
        entry.contains("MessageSystemAttributes") ? entry["MessageSystemAttributes"] : json();
    std::size_t attributes_size = validate_message_attributes(attributes, false);
    validate_message_attributes(system, true);
    auto max_size = static_cast<std::size_t>(q.int_attribute("MaximumMessageSize"));
    validate_body(*body, attributes_size, max_size);
    auto delay_value = entry_integer(protocol, entry, "DelaySeconds");
    if (delay_value && (*delay_value < 0 || *delay_value > 900)) {
        throw errors::invalid_value(std::to_string(*delay_value), "DelaySeconds",
                                    "DelaySeconds must be >= 0 and <= 900.");
    }
    auto group = entry_string(entry, "MessageGroupId");
    auto dedup = entry_string(entry, "MessageDeduplicationId");
    if (q.rec.fifo()) {
        if (delay_value && *delay_value != 0) {
            throw errors::invalid_value(std::to_string(*delay_value), "DelaySeconds",
                                        "The request include parameter that is not valid for "
                                        "this queue type.");
        }
        if (!group) {
            throw errors::missing_parameter("MessageGroupId");
        }
        if (!dedup) {
            auto cbd = q.rec.attributes.find("ContentBasedDeduplication");
            if (cbd == q.rec.attributes.end() || cbd->second != "true") {
                throw errors::invalid_parameter_value(
                    "The queue should either have ContentBasedDeduplication enabled or "
                    "MessageDeduplicationId provided explicitly");
            }
            dedup = core::to_hex(core::digest(core::digest_kind::sha256, *body));
        }
        for (const auto* v : {&*group, &*dedup}) {
            if (v->empty() || v->size() > 128) {
                throw errors::invalid_parameter_value(
                    "Value " + *v + " for parameter " +
                    (v == &*group ? "MessageGroupId" : "MessageDeduplicationId") +
                    " is invalid. Reason: The value must be 1 to 128 characters.");
            }
        }
        m.group_id = *group;
        m.dedup_id = *dedup;
        delay = q.int_attribute("DelaySeconds");
    } else {
        if (dedup) {
            throw errors::invalid_value(*dedup, "MessageDeduplicationId",
                                        "The request includes a parameter that is not valid "
                                        "for this queue type.");
        }
        if (group) {
            m.group_id.clear(); // standard queues accept and ignore a group id (fair queues)
        }
        delay = delay_value ? static_cast<int>(*delay_value) : q.int_attribute("DelaySeconds");
    }
    m.body = *body;
    m.md5_body = md5_hex(m.body);
    if (attributes.is_object()) {
        m.attributes = attributes;
    }
    if (system.is_object()) {
        m.system_attributes = system;
    }
    m.md5_attributes = md5_of_attributes(m.attributes);
    m.md5_system_attributes = md5_of_attributes(m.system_attributes);
    m.sender_id = sender_id;
    return m;
}

json message_output(const live_queue& q, const message_record& m,
                    const std::set<std::string>& names, const std::vector<std::string>& wanted,
                    const std::string& region) {
    (void)region;
    json out{{"MessageId", m.id},
             {"ReceiptHandle", m.receipt_handle},
             {"MD5OfBody", m.md5_body},
             {"Body", m.body}};
    bool all = names.count("All") > 0;
    json attrs = json::object();
    auto add = [&](const char* name, const std::string& value) {
        if ((all || names.count(name)) && !value.empty()) {
            attrs[name] = value;
        }
    };
    add("SenderId", m.sender_id);
    add("SentTimestamp", std::to_string(m.sent_ms));
    add("ApproximateReceiveCount", std::to_string(m.receive_count));
    add("ApproximateFirstReceiveTimestamp", std::to_string(m.first_receive_ms));
    if (q.rec.fifo()) {
        add("SequenceNumber", m.sequence_number);
        add("MessageDeduplicationId", m.dedup_id);
        add("MessageGroupId", m.group_id);
    }
    add("DeadLetterQueueSourceArn", m.dead_letter_source_arn);
    if (m.system_attributes.contains("AWSTraceHeader")) {
        add("AWSTraceHeader", m.system_attributes["AWSTraceHeader"].value("StringValue", ""));
    }
    if (!attrs.empty()) {
        out["Attributes"] = attrs;
    }
    json selected = json::object();
    for (auto it = m.attributes.begin(); it != m.attributes.end(); ++it) {
        for (const auto& w : wanted) {
            bool match = w == "All" || w == ".*" || w == it.key() ||
                         (w.ends_with(".*") && it.key().starts_with(w.substr(0, w.size() - 1)));
            if (match) {
                selected[it.key()] = it.value();
                break;
            }
        }
    }
    if (!selected.empty()) {
        out["MessageAttributes"] = selected;
        out["MD5OfMessageAttributes"] = md5_of_attributes(selected);
    }
    return out;
}

const json& batch_entries(const sqs_input& in, const char* entry_shape) {
    const json* entries = in.member("Entries");
    if (entries && !entries->is_array()) {
        throw errors::serialization("Expected List for Entries");
    }
    if (!entries || entries->empty()) {
        throw errors::empty_batch_request(entry_shape);
    }
    if (entries->size() > 10) {
        throw errors::too_many_entries(entries->size());
    }
    std::set<std::string> ids;
    for (const auto& e : *entries) {
        if (!e.is_object()) {
            throw errors::serialization("Expected Structure in Entries");
        }
        auto id = entry_string(e, "Id");
        if (!id) {
            throw errors::missing_parameter("Id");
        }
        validate_batch_entry_id(*id);
        if (!ids.insert(*id).second) {
            throw errors::batch_ids_not_distinct(*id);
        }
    }
    return *entries;
}

json batch_failure(const std::string& id, const core::aws_error& error) {
    return json{{"Id", id},
                {"SenderFault", error.sender_fault},
                {"Code", error.code},
                {"Message", error.message}};
}

} // namespace cloudbox::services::sqs
