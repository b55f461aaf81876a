// DynamoDB Streams: one shard per stream; sequence numbers are the store's record sequence,
// zero-padded to 21 digits; shard iterators carry the stream ARN and the next sequence.
#pragma once

#include "dynamodb/dynamodb_call.hpp"

namespace cloudbox::services::dynamodb {

// Records are kept 24 hours on the clock.
inline constexpr std::int64_t stream_retention_ms = 24LL * 3600 * 1000;

std::string sequence_text(std::int64_t sequence);
std::string shard_id_of(const table_info& t);

// The table whose current stream `arn` names, or ResourceNotFoundException.
table_ptr table_of_stream(const ddb_call& call, const std::string& arn);

struct shard_iterator {
    std::string stream_arn;
    std::string shard_id;
    std::int64_t after_sequence = 0; // records with a greater sequence come next
    std::int64_t issued_ms = 0;
};
std::string encode_iterator(const shard_iterator& it);
std::optional<shard_iterator> decode_iterator(const std::string& text);

} // namespace cloudbox::services::dynamodb
