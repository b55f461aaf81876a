// Lambda's operations, one file each under ops/.
#pragma once

#include "lambda/lambda_service.hpp"
#include "service/response.hpp"

namespace cloudbox::services::lambda::ops {

using op = service::response (*)(lambda_call&);

service::response create_function(lambda_call& call);
service::response get_function(lambda_call& call);
service::response get_function_configuration(lambda_call& call);
service::response list_functions(lambda_call& call);
service::response update_function_code(lambda_call& call);
service::response update_function_configuration(lambda_call& call);
service::response delete_function(lambda_call& call);
service::response publish_version(lambda_call& call);
service::response list_versions_by_function(lambda_call& call);
service::response create_alias(lambda_call& call);
service::response get_alias(lambda_call& call);
service::response update_alias(lambda_call& call);
service::response delete_alias(lambda_call& call);
service::response list_aliases(lambda_call& call);
service::response invoke(lambda_call& call);
service::response invoke_async(lambda_call& call);
service::response add_permission(lambda_call& call);
service::response remove_permission(lambda_call& call);
service::response get_policy(lambda_call& call);
service::response put_function_concurrency(lambda_call& call);
service::response get_function_concurrency(lambda_call& call);
service::response delete_function_concurrency(lambda_call& call);
service::response get_account_settings(lambda_call& call);
service::response tag_resource(lambda_call& call);
service::response untag_resource(lambda_call& call);
service::response list_tags(lambda_call& call);
service::response put_function_event_invoke_config(lambda_call& call);
service::response get_function_event_invoke_config(lambda_call& call);
service::response update_function_event_invoke_config(lambda_call& call);
service::response delete_function_event_invoke_config(lambda_call& call);
service::response list_function_event_invoke_configs(lambda_call& call);
service::response create_event_source_mapping(lambda_call& call);
service::response get_event_source_mapping(lambda_call& call);
service::response list_event_source_mappings(lambda_call& call);
service::response update_event_source_mapping(lambda_call& call);
service::response delete_event_source_mapping(lambda_call& call);

} // namespace cloudbox::services::lambda::ops
