// Shared Lambda semantics: function references and qualifiers, validation with AWS's messages,
// the FunctionConfiguration document, and JSON responses.
#pragma once

#include "lambda/executor.hpp"
#include "lambda/lambda_service.hpp"

#include <optional>
#include <string>

namespace cloudbox::services::lambda {

// A function named in any form: name, name:qualifier, full or partial ARN.
struct function_ref {
    std::string name;
    std::string qualifier; // empty when none was given
};

// Parses a path's FunctionName, merging ?Qualifier= (AWS refuses a mismatch). `field` names
// the member in validation messages.
function_ref parse_function_ref(const lambda_call& call, const std::string& raw,
                                bool allow_query_qualifier = true);

// The $LATEST configuration of a function, or ResourceNotFoundException.
json require_function(lambda_call& call, const std::string& name);
// The configuration a qualifier names: "" or $LATEST, a version, or an alias's version.
json require_version(lambda_call& call, const function_ref& ref);
// require_version, with the text an operation gives AWS's 404 instead of "Function not found".
json require_version_or(lambda_call& call, const function_ref& ref,
                        const std::string& not_found_message);
// The 404 text of GetFunctionEventInvokeConfig and its kin for a missing config (or function).
std::string no_invoke_config_message(const lambda_call& call, const function_ref& ref);
// The version an alias routes this invocation to (weighted), or the qualifier itself.
std::string route_qualifier(lambda_call& call, const function_ref& ref);

std::string function_arn(const lambda_call& call, const std::string& name,
                         const std::string& qualifier = {});
std::string last_modified(const core::clock& clock); // 2026-11-21T15:20:00.000+0000
std::string code_sha256(const std::string& zip);
// An update's answer: AWS replies while the update is still in progress (GetFunction then
// reports Successful), with these fields.
json update_in_progress(json config);
// A configuration as ListFunctions / ListVersionsByFunction show it: without the state fields
// and RuntimeVersionConfig, which AWS reports only for one function.
json list_view(json config);

// Validation of CreateFunction / UpdateFunctionConfiguration members, with AWS's messages.
// A version number: one or more ASCII digits.
bool is_digits(const std::string& s);

void check_function_name(const std::string& value, const std::string& field = "functionName");
void apply_configuration(json& config, const json& input, bool creating);

// What the executor needs to run this version.
cloudbox::lambda::function_spec spec_for(lambda_call& call, const json& config,
                                         const std::string& invoked_arn);
cloudbox::lambda::function_spec spec_for(lambda_store& store, const scope_key& scope,
                                         const json& config, const std::string& invoked_arn);

// Publishes $LATEST as a new version (or returns the latest version when nothing changed).
json publish_latest(lambda_call& call, const std::string& name,
                    const std::optional<std::string>& description);
// The zip a Code / UpdateFunctionCode input names (ZipFile, or S3Bucket + S3Key).
std::string code_from_input(lambda_call& call, const json& input);

service::response json_response(int status, const json& body);
service::response empty_response(int status);

// Integers and strings of an input document, with AWS's type errors.
std::optional<std::int64_t> optional_int(const json& input, const char* member, const char* field);
std::optional<std::string> optional_string(const json& input, const char* member,
                                           const char* field);

} // namespace cloudbox::services::lambda

namespace cloudbox::services::lambda {

// The function a tagging ARN names ("arn:aws:lambda:region:account:function:name").
std::string function_of_resource_arn(lambda_call& call, const std::string& arn);
// A new RevisionId for $LATEST: AWS changes it on every change to the function, tags included.
void touch_revision(lambda_call& call, const std::string& name);

// Event invoke config documents (Put replaces, Update merges).
// The model's constraints on an event invoke config request (ranges, destination ARN pattern),
// which AWS checks before it looks anything up.
void check_invoke_config_input(const json& input);
json apply_invoke_config(lambda_call& call, const std::string& name, const std::string& qualifier,
                         json config, const json& input);

} // namespace cloudbox::services::lambda
