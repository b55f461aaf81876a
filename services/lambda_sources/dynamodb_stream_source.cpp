// DynamoDB Streams event source: per shard, in order, batches of up to BatchSize records; a
// failed batch blocks its shard and is retried (halved with BisectBatchOnFunctionError) until it
// succeeds or MaximumRetryAttempts is exhausted, then the OnFailure destination gets AWS's
// DDBStreamBatchInfo record and the shard moves on.
#include "core/arn.hpp"
#include "core/ids.hpp"
#include "core/time_format.hpp"
#include "lambda_sources/event_filter.hpp"
#include "lambda_sources/event_source_poller.hpp"
#include "service/internal_client.hpp"

namespace cloudbox::services::lambda_sources {

namespace {

double creation_seconds(const json& record) {
    const json& d = record.value("dynamodb", json::object());
    auto it = d.find("ApproximateCreationDateTime");
    return it != d.end() && it->is_number() ? it->get<double>() : 0.0;
}

std::string sequence_of(const json& record) {
    return record.value("dynamodb", json::object()).value("SequenceNumber", "");
}

} // namespace

event_source_poller::shard_position&
event_source_poller::stream_position(const std::string& uuid, const std::string& shard_id) {
    auto [it, fresh] = positions_.try_emplace(uuid + "|" + shard_id);
    if (fresh && checkpoints_.load) {
        if (auto sequence = checkpoints_.load(uuid, shard_id)) {
            it->second.after_sequence = *sequence;
        }
    }
    return it->second;
}

void event_source_poller::advance(const std::string& uuid, const std::string& shard_id,
                                  shard_position& pos, const std::string& sequence) {
    pos = shard_position{sequence, 0, 0};
    if (checkpoints_.save) {
        checkpoints_.save(uuid, shard_id, sequence);
    }
}

std::size_t event_source_poller::poll_stream(const json& mapping) {
    const std::string stream_arn = mapping.value("EventSourceArn", "");
    const std::string uuid = mapping.value("UUID", "");
    auto s = core::parse_arn(stream_arn);
    service::internal_client client(dispatcher_, {s.account, s.region});
    const int batch_size = std::max(1, mapping.value("BatchSize", 100));
    const int max_retries = mapping.value("MaximumRetryAttempts", -1);
    const bool bisect = mapping.value("BisectBatchOnFunctionError", false);
    // LATEST starts at the mapping's creation (or last update): earlier records are skipped.
    const bool latest = mapping.value("StartingPosition", "TRIM_HORIZON") == "LATEST";
    const double since = mapping.value("LastModified", 0.0);

    json description = client.call_json("dynamodb", "DynamoDBStreams_20120810.DescribeStream",
                                        {{"StreamArn", stream_arn}});
    std::size_t progress = 0;
    for (const auto& shard : description["StreamDescription"].value("Shards", json::array())) {
        const std::string shard_id = shard.value("ShardId", "");
        shard_position& pos = stream_position(uuid, shard_id);
        json iterator_input = {{"StreamArn", stream_arn}, {"ShardId", shard_id}};
        std::string iterator;
        if (!pos.after_sequence.empty()) {
            iterator_input["ShardIteratorType"] = "AFTER_SEQUENCE_NUMBER";
            iterator_input["SequenceNumber"] = pos.after_sequence;
            try {
                iterator = client
                               .call_json("dynamodb", "DynamoDBStreams_20120810.GetShardIterator",
                                          iterator_input)
                               .value("ShardIterator", "");
            } catch (const core::aws_error&) {
                // The checkpoint was trimmed away (24 h retention): resume at the oldest record,
                // as Lambda does.
                iterator_input.erase("SequenceNumber");
            }
        }
        if (iterator.empty()) {
            iterator_input["ShardIteratorType"] = "TRIM_HORIZON";
            iterator = client
                           .call_json("dynamodb", "DynamoDBStreams_20120810.GetShardIterator",
                                      iterator_input)
                           .value("ShardIterator", "");
        }
        int limit = pos.batch_limit > 0 ? pos.batch_limit : batch_size;
        json got = client.call_json("dynamodb", "DynamoDBStreams_20120810.GetRecords",
                                    {{"ShardIterator", iterator}, {"Limit", limit}});
        json records = json::array();
        std::string last_sequence;
        for (auto& r : got.value("Records", json::array())) {
            last_sequence = sequence_of(r);
            if (pos.after_sequence.empty() && latest && creation_seconds(r) + 1 < since) {
                continue; // before the mapping existed
            }
            r["eventSourceARN"] = stream_arn;
            if (passes_filter_criteria(mapping, r)) {
                records.push_back(std::move(r));
            }
        }
        if (last_sequence.empty()) {
            continue;
        }
        if (records.empty()) { // skipped or filtered out: move past them
            advance(uuid, shard_id, pos, last_sequence);
            continue;
        }
        if (invoke(mapping, json{{"Records", records}})) {
            advance(uuid, shard_id, pos, last_sequence);
            progress += records.size();
            continue;
        }
        ++pos.failed_attempts;
        if (bisect && records.size() > 1) {
            pos.batch_limit = static_cast<int>(records.size() / 2);
        }
        if (max_retries < 0 || pos.failed_attempts <= max_retries) {
            // Blocked until the batch succeeds; a bounded retry counts as progress so that a
            // drain runs the retries out.
            progress += max_retries < 0 ? 0 : 1;
            continue;
        }
        json info = {
            {"requestContext",
             {{"requestId", core::new_uuid()},
              {"functionArn", mapping.value("FunctionArn", "")},
              {"condition", "RetryAttemptsExhausted"},
              {"approximateInvokeCount", pos.failed_attempts}}},
            {"responseContext",
             {{"statusCode", 200}, {"executedVersion", "$LATEST"}, {"functionError", "Unhandled"}}},
            {"version", "1.0"},
            {"timestamp", core::format_iso8601_millis(clock_.now())},
            {"DDBStreamBatchInfo",
             {{"shardId", shard_id},
              {"startSequenceNumber", sequence_of(records.front())},
              {"endSequenceNumber", sequence_of(records.back())},
              {"approximateArrivalOfFirstRecord",
               core::format_iso8601(core::from_millis(
                   static_cast<std::int64_t>(creation_seconds(records.front()) * 1000)))},
              {"approximateArrivalOfLastRecord",
               core::format_iso8601(core::from_millis(
                   static_cast<std::int64_t>(creation_seconds(records.back()) * 1000)))},
              {"batchSize", records.size()},
              {"streamArn", stream_arn}}}};
        send_to_failure_destination(mapping, info);
        advance(uuid, shard_id, pos, sequence_of(records.back()));
        progress += records.size();
    }
    return progress;
}

} // namespace cloudbox::services::lambda_sources
