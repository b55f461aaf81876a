// AddPermission: a statement in the function's resource policy (stored, not enforced).
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

#include <regex>

namespace cloudbox::services::lambda::ops {

service::response add_permission(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    json in = call.body();
    auto sid = optional_string(in, "StatementId", "statementId");
    auto action = optional_string(in, "Action", "action");
    auto principal = optional_string(in, "Principal", "principal");
    if (!sid) {
        throw errors::not_null("statementId");
    }
    if (!action) {
        throw errors::not_null("action");
    }
    if (!principal) {
        throw errors::not_null("principal");
    }
    static const std::regex sid_pattern("([a-zA-Z0-9-_]+)");
    if (sid->size() > 100 || !std::regex_match(*sid, sid_pattern)) {
        throw errors::validation("'" + *sid + "'", "statementId",
                                 "Member must satisfy regular expression pattern: "
                                 "([a-zA-Z0-9-_]+)");
    }
    static const std::regex action_pattern("(lambda:[*]|lambda:[a-zA-Z]+|[*])");
    if (!std::regex_match(*action, action_pattern)) {
        throw errors::validation("'" + *action + "'", "action",
                                 "Member must satisfy regular expression pattern: "
                                 "(lambda:[*]|lambda:[a-zA-Z]+|[*])");
    }
    require_version(call, ref);
    auto settings = call.lambda.store.get_settings(call.scope(), ref.name);
    if (settings.policy.is_null()) {
        settings.policy = {
            {"Version", "2012-10-17"}, {"Id", "default"}, {"Statement", json::array()}};
    }
    for (const auto& st : settings.policy["Statement"]) {
        if (st.value("Sid", "") == *sid) {
            throw errors::conflict("The statement id (" + *sid +
                                   ") provided already exists. Please provide a new statement "
                                   "id, or remove the existing statement.");
        }
    }
    json statement = {{"Sid", *sid},
                      {"Effect", "Allow"},
                      {"Action", *action},
                      {"Resource", function_arn(call, ref.name, ref.qualifier)}};
    if (principal->find(".amazonaws.com") != std::string::npos) {
        statement["Principal"] = {{"Service", *principal}};
    } else if (*principal == "*") {
        statement["Principal"] = "*";
    } else {
        std::string account = principal->find_first_not_of("0123456789") == std::string::npos
                                  ? "arn:aws:iam::" + *principal + ":root"
                                  : *principal;
        statement["Principal"] = {{"AWS", account}};
    }
    json condition = json::object();
    if (auto source_arn = optional_string(in, "SourceArn", "sourceArn")) {
        condition["ArnLike"] = {{"AWS:SourceArn", *source_arn}};
    }
    if (auto source_account = optional_string(in, "SourceAccount", "sourceAccount")) {
        condition["StringEquals"] = {{"AWS:SourceAccount", *source_account}};
    }
    if (!condition.empty()) {
        statement["Condition"] = condition;
    }
    settings.policy["Statement"].push_back(statement);
    call.lambda.store.put_settings(call.scope(), ref.name, settings);
    return json_response(201, {{"Statement", statement.dump()}});
}

} // namespace cloudbox::services::lambda::ops
