// AddPermission: stores a labelled statement (accounts x actions) in the queue's Policy.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

#include <set>

namespace cloudbox::services::sqs::ops {

namespace {
const std::set<std::string, std::less<>> actions{"*",
                                                 "SendMessage",
                                                 "ReceiveMessage",
                                                 "DeleteMessage",
                                                 "ChangeMessageVisibility",
                                                 "GetQueueAttributes",
                                                 "GetQueueUrl",
                                                 "ListDeadLetterSourceQueues",
                                                 "PurgeQueue",
                                                 "ListQueueTags"};
} // namespace

service::response add_permission(sqs_call& call) {
    std::string label = call.in.required_string("Label");
    auto accounts = call.in.string_list("AWSAccountIds");
    auto names = call.in.string_list("Actions");
    if (accounts.empty()) {
        throw errors::missing_parameter("AWSAccountIds");
    }
    if (names.empty()) {
        throw errors::missing_parameter("Actions");
    }
    for (const auto& a : names) {
        if (!actions.count(a)) {
            throw errors::invalid_parameter_value("Value SQS:" + a +
                                                  " for parameter ActionName is invalid. Reason: "
                                                  "Only the queue owner is allowed to invoke "
                                                  "this action.");
        }
    }
    auto lock = call.engine.lock();
    auto& q = call.queue();
    if (q.rec.permissions.contains(label)) {
        throw errors::invalid_parameter_value("Value " + label +
                                              " for parameter Label is invalid. Reason: Already "
                                              "exists.");
    }
    q.rec.permissions[label] = {{"accounts", accounts}, {"actions", names}};
    // The Policy attribute shows the statements, as AWS builds it.
    nlohmann::json statements = nlohmann::json::array();
    std::string arn = q.arn(call.engine.region());
    for (auto it = q.rec.permissions.begin(); it != q.rec.permissions.end(); ++it) {
        nlohmann::json principals = nlohmann::json::array();
        for (const auto& a : it.value()["accounts"]) {
            principals.push_back("arn:aws:iam::" + a.get<std::string>() + ":root");
        }
        nlohmann::json acts = nlohmann::json::array();
        for (const auto& a : it.value()["actions"]) {
            acts.push_back("SQS:" + a.get<std::string>());
        }
        statements.push_back(
            {{"Sid", it.key()},
             {"Effect", "Allow"},
             {"Principal", {{"AWS", principals.size() == 1 ? principals[0] : principals}}},
             {"Action", acts.size() == 1 ? acts[0] : acts},
             {"Resource", arn}});
    }
    q.rec.attributes["Policy"] = nlohmann::json{
        {"Version", "2012-10-17"},
        {"Id", arn + "/SQSDefaultPolicy"},
        {"Statement", statements}}.dump();
    call.engine.save_queue(q);
    return call.respond(nlohmann::json::object());
}

} // namespace cloudbox::services::sqs::ops
