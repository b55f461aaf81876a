// CloudWatch Logs operations, one file each.
#pragma once

#include "logs/logs_service.hpp"

namespace cloudbox::services::logs::ops {

using op = json (*)(logs_call&);

json create_log_group(logs_call& call);
json create_log_stream(logs_call& call);
json delete_log_group(logs_call& call);
json describe_log_groups(logs_call& call);
json describe_log_streams(logs_call& call);
json put_log_events(logs_call& call);
json get_log_events(logs_call& call);
json filter_log_events(logs_call& call);

} // namespace cloudbox::services::logs::ops
