// CreateLogGroup.
#include "logs/logs_validation.hpp"
#include "logs/ops/ops.hpp"

namespace cloudbox::services::logs::ops {

json create_log_group(logs_call& call) {
    std::string name = call.required_string("logGroupName");
    check_group_name(name);
    if (!call.store.create_group(call.scope(), name, call.clock.now_millis())) {
        throw errors::already_exists("log group");
    }
    return json::object();
}

} // namespace cloudbox::services::logs::ops
