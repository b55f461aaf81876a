// SQS event source: receive up to BatchSize messages, hand them to the function as AWS's
// "aws:sqs" records, delete what succeeded (all, or all but batchItemFailures with
// ReportBatchItemFailures); failed messages stay for their visibility timeout and the queue's
// redrive policy.
#include "core/arn.hpp"
#include "lambda_sources/event_filter.hpp"
#include "lambda_sources/event_source_poller.hpp"
#include "service/internal_client.hpp"

#include <set>

namespace cloudbox::services::lambda_sources {

namespace {

// SQS's MessageAttributes as Lambda's records spell them.
json record_attributes(const json& message_attributes) {
    json out = json::object();
    if (!message_attributes.is_object()) {
        return out;
    }
    for (const auto& [name, value] : message_attributes.items()) {
        json a = {{"stringListValues", json::array()},
                  {"binaryListValues", json::array()},
                  {"dataType", value.value("DataType", "String")}};
        if (value.contains("StringValue")) {
            a["stringValue"] = value["StringValue"];
        }
        if (value.contains("BinaryValue")) {
            a["binaryValue"] = value["BinaryValue"];
        }
        out[name] = a;
    }
    return out;
}

bool reports_item_failures(const json& mapping) {
    auto types = mapping.value("FunctionResponseTypes", json::array());
    return std::find(types.begin(), types.end(), "ReportBatchItemFailures") != types.end();
}

} // namespace

std::size_t event_source_poller::poll_sqs(const json& mapping) {
    const std::string source = mapping.value("EventSourceArn", "");
    auto q = core::parse_arn(source);
    service::internal_client client(dispatcher_, {q.account, q.region});
    const std::string queue_url = "http://localhost/" + q.account + "/" + q.resource;
    const int batch_size = std::max(1, mapping.value("BatchSize", 10));

    json messages = json::array();
    while (static_cast<int>(messages.size()) < batch_size) {
        int want = std::min(10, batch_size - static_cast<int>(messages.size()));
        json got = client.call_json("sqs", "AmazonSQS.ReceiveMessage",
                                    {{"QueueUrl", queue_url},
                                     {"MaxNumberOfMessages", want},
                                     {"AttributeNames", {"All"}},
                                     {"MessageAttributeNames", {"All"}},
                                     {"WaitTimeSeconds", 0}});
        auto list = got.value("Messages", json::array());
        if (list.empty()) {
            break;
        }
        for (auto& m : list) {
            messages.push_back(std::move(m));
        }
    }
    if (messages.empty()) {
        return 0;
    }

    json records = json::array();
    std::vector<std::pair<std::string, std::string>> to_delete; // id, receipt handle
    for (const auto& m : messages) {
        json record = {
            {"messageId", m.value("MessageId", "")},
            {"receiptHandle", m.value("ReceiptHandle", "")},
            {"body", m.value("Body", "")},
            {"attributes", m.value("Attributes", json::object())},
            {"messageAttributes", record_attributes(m.value("MessageAttributes", json()))},
            {"md5OfBody", m.value("MD5OfBody", "")},
            {"eventSource", "aws:sqs"},
            {"eventSourceARN", source},
            {"awsRegion", q.region}};
        // Messages the mapping's filters reject are deleted without invoking, as AWS does.
        if (!passes_filter_criteria(mapping, record)) {
            to_delete.emplace_back(record["messageId"], record["receiptHandle"]);
            continue;
        }
        records.push_back(std::move(record));
    }

    std::size_t delivered = 0;
    if (!records.empty()) {
        auto result = invoke(mapping, json{{"Records", records}});
        if (result) {
            std::set<std::string> failed;
            if (reports_item_failures(mapping) && result->is_object() &&
                result->contains("batchItemFailures")) {
                const json& failures = (*result)["batchItemFailures"];
                if (!failures.is_array()) {
                    failed.insert("*"); // a malformed response fails the whole batch
                }
                for (const auto& f : failures.is_array() ? failures : json::array()) {
                    failed.insert(f.is_object() ? f.value("itemIdentifier", "") : "");
                }
            }
            for (const auto& r : records) {
                if (!failed.count("*") && !failed.count(r["messageId"].get<std::string>())) {
                    to_delete.emplace_back(r["messageId"], r["receiptHandle"]);
                }
            }
        }
        delivered = records.size();
    }
    for (std::size_t i = 0; i < to_delete.size(); i += 10) {
        json entries = json::array();
        for (std::size_t j = i; j < std::min(i + 10, to_delete.size()); ++j) {
            entries.push_back(
                {{"Id", "m" + std::to_string(j)}, {"ReceiptHandle", to_delete[j].second}});
        }
        client.call_json("sqs", "AmazonSQS.DeleteMessageBatch",
                         {{"QueueUrl", queue_url}, {"Entries", entries}});
    }
    return delivered + (records.empty() ? to_delete.size() : 0);
}

} // namespace cloudbox::services::lambda_sources
