// Resource policies (AddPermission, RemovePermission, GetPolicy): one per function, version and
// alias, rendered with AWS's member order.
#pragma once

#include "lambda/lambda_model.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace cloudbox::services::lambda {

// The policy's subject: the function, version or alias `ref` names, which must exist. A
// missing one is reported with the texts AWS uses for policies; `$LATEST` takes no policy
// of its own, so it is the function's.
struct policy_target {
    std::string qualifier;   // "" for the function itself
    std::string revision_id; // of the function, version or alias
};
policy_target require_policy_target(lambda_call& call, const function_ref& ref,
                                    const std::string& missing_function_message);

// {"Service": ...}, "*" or {"AWS": ...}, as AWS writes the principal into the statement; an
// unrecognised principal is InvalidParameterValueException.
nlohmann::json statement_principal(const std::string& principal);

// The JSON text of a statement and of a policy, members in AWS's order (Sid, Effect,
// Principal, Action, Resource, Condition; Version, Id, Statement), which SDK users compare.
std::string statement_text(const nlohmann::json& statement);
std::string policy_text(const nlohmann::json& policy);

} // namespace cloudbox::services::lambda
