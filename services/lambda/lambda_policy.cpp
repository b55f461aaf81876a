// Resource policies: targets, principals and AWS's rendering.
#include "lambda/lambda_policy.hpp"

#include "lambda/lambda_errors.hpp"

namespace cloudbox::services::lambda {

using ordered = nlohmann::ordered_json;

policy_target require_policy_target(lambda_call& call, const function_ref& ref,
                                    const std::string& missing_function_message) {
    auto latest = call.lambda.store.get_version(call.scope(), ref.name, "$LATEST");
    if (!latest) {
        throw errors::resource_not_found(missing_function_message);
    }
    if (ref.qualifier.empty() || ref.qualifier == "$LATEST") {
        return {"", latest->value("RevisionId", "")};
    }
    if (is_digits(ref.qualifier)) {
        auto config = call.lambda.store.get_version(call.scope(), ref.name, ref.qualifier);
        if (!config) {
            throw errors::resource_not_found("The resource you requested does not exist.");
        }
        return {ref.qualifier, config->value("RevisionId", "")};
    }
    auto alias = call.lambda.store.get_alias(call.scope(), ref.name, ref.qualifier);
    if (!alias) {
        throw errors::resource_not_found("Cannot find alias arn: " +
                                         function_arn(call, ref.name, ref.qualifier));
    }
    return {ref.qualifier, alias->value("RevisionId", "")};
}

nlohmann::json statement_principal(const std::string& principal) {
    if (principal == "*") {
        return "*";
    }
    if (principal.ends_with(".amazonaws.com") || principal.ends_with(".amazon.com")) {
        return {{"Service", principal}};
    }
    if (principal.size() == 12 && is_digits(principal)) {
        return {{"AWS", "arn:aws:iam::" + principal + ":root"}};
    }
    if (principal.starts_with("arn:aws")) {
        return {{"AWS", principal}};
    }
    throw errors::invalid_parameter(
        "The provided principal was invalid. Please check the principal and try again.");
}

namespace {

ordered ordered_statement(const nlohmann::json& st) {
    ordered out;
    for (const char* key : {"Sid", "Effect", "Principal", "Action", "Resource"}) {
        if (st.contains(key)) {
            out[key] = st[key];
        }
    }
    if (st.contains("Condition")) {
        // StringEquals before ArnLike, and within it the order the statement was built in.
        ordered condition;
        for (const char* op : {"StringEquals", "ArnLike"}) {
            if (!st["Condition"].contains(op)) {
                continue;
            }
            const auto& members = st["Condition"][op];
            ordered values;
            for (const char* key : {"lambda:FunctionUrlAuthType", "lambda:EventSourceToken",
                                    "aws:PrincipalOrgID", "AWS:SourceAccount", "AWS:SourceArn"}) {
                if (members.contains(key)) {
                    values[key] = members[key];
                }
            }
            condition[op] = values;
        }
        out["Condition"] = condition;
    }
    return out;
}

} // namespace

std::string statement_text(const nlohmann::json& statement) {
    return ordered_statement(statement).dump();
}

std::string policy_text(const nlohmann::json& policy) {
    ordered out;
    out["Version"] = policy.value("Version", "2012-10-17");
    out["Id"] = policy.value("Id", "default");
    out["Statement"] = ordered::array();
    for (const auto& st : policy.value("Statement", nlohmann::json::array())) {
        out["Statement"].push_back(ordered_statement(st));
    }
    return out.dump();
}

} // namespace cloudbox::services::lambda
