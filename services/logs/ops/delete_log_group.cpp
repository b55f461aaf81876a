// DeleteLogGroup: the group, its streams and events.
#include "logs/logs_validation.hpp"
#include "logs/ops/ops.hpp"

namespace cloudbox::services::logs::ops {

json delete_log_group(logs_call& call) {
    std::string name = call.required_string("logGroupName");
    check_group_name(name);
    if (!call.store.delete_group(call.scope(), name)) {
        throw errors::group_not_found();
    }
    return json::object();
}

} // namespace cloudbox::services::logs::ops
