// SQS's records: queues and messages as the engine holds them and the store persists them.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace cloudbox::services::sqs {

using string_map = std::map<std::string, std::string>;

struct queue_record {
    std::string account;
    std::string name;
    string_map attributes; // the settable attributes, as strings (defaults filled in)
    string_map tags;
    nlohmann::json permissions = nlohmann::json::object(); // label -> {accounts, actions}
    std::int64_t created_s = 0;
    std::int64_t modified_s = 0;
    std::int64_t next_seq = 1;       // ordering of messages in this queue
    std::int64_t last_purge_ms = -1; // PurgeQueue allows one call per 60 seconds
    bool fifo() const { return name.ends_with(".fifo"); }
};

struct message_record {
    std::int64_t seq = 0; // send order within the queue (and the FIFO SequenceNumber base)
    std::string id;
    std::string body;
    nlohmann::json attributes = nlohmann::json::object();        // MessageAttributes
    nlohmann::json system_attributes = nlohmann::json::object(); // MessageSystemAttributes
    std::string md5_body;
    std::string md5_attributes;        // empty when there are none
    std::string md5_system_attributes; // empty when there are none
    std::string sender_id;
    std::int64_t sent_ms = 0;
    std::int64_t visible_at_ms = 0; // delayed or in flight until then
    std::int64_t first_receive_ms = 0;
    int receive_count = 0;
    bool in_flight = false;     // received and not yet visible again
    std::string receipt_handle; // of the latest receive
    std::string group_id;       // FIFO
    std::string dedup_id;       // FIFO
    std::string sequence_number;
    std::string dead_letter_source_arn; // set when redriven to a DLQ
};

} // namespace cloudbox::services::sqs
