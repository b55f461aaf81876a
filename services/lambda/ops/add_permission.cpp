// AddPermission: a statement in the resource policy of a function, version or alias (stored,
// not enforced).
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/lambda_policy.hpp"
#include "lambda/ops/ops.hpp"

#include <regex>
#include <tuple>

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
    if (ref.qualifier == "$LATEST") {
        throw errors::invalid_parameter("We currently do not support adding policies for $LATEST.");
    }
    auto target = require_policy_target(
        call, ref, "Function not found: " + function_arn(call, ref.name, ref.qualifier));
    if (auto revision = optional_string(in, "RevisionId", "revisionId")) {
        if (*revision != target.revision_id) {
            throw errors::precondition_failed();
        }
    }
    json statement = {{"Sid", *sid},
                      {"Effect", "Allow"},
                      {"Principal", statement_principal(*principal)},
                      {"Action", *action},
                      {"Resource", function_arn(call, ref.name, ref.qualifier)}};
    json condition = json::object();
    for (auto [member, field, key] :
         {std::tuple{"FunctionUrlAuthType", "functionUrlAuthType", "lambda:FunctionUrlAuthType"},
          {"EventSourceToken", "eventSourceToken", "lambda:EventSourceToken"},
          {"PrincipalOrgID", "principalOrgID", "aws:PrincipalOrgID"},
          {"SourceAccount", "sourceAccount", "AWS:SourceAccount"}}) {
        if (auto value = optional_string(in, member, field)) {
            condition["StringEquals"][key] = *value;
        }
    }
    if (auto source_arn = optional_string(in, "SourceArn", "sourceArn")) {
        condition["ArnLike"] = {{"AWS:SourceArn", *source_arn}};
    }
    if (!condition.empty()) {
        statement["Condition"] = condition;
    }
    auto settings = call.lambda.store.get_settings(call.scope(), ref.name);
    json& policy = settings.policies[target.qualifier];
    if (policy.is_null()) {
        policy = {{"Version", "2012-10-17"}, {"Id", "default"}, {"Statement", json::array()}};
    }
    for (const auto& st : policy["Statement"]) {
        if (st.value("Sid", "") == *sid) {
            throw errors::conflict("The statement id (" + *sid +
                                   ") provided already exists. Please provide a new statement "
                                   "id, or remove the existing statement.");
        }
    }
    policy["Statement"].push_back(statement);
    call.lambda.store.put_settings(call.scope(), ref.name, settings);
    return json_response(201, {{"Statement", statement_text(statement)}});
}

} // namespace cloudbox::services::lambda::ops
