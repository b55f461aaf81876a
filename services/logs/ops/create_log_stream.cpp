// CreateLogStream.
#include "logs/logs_validation.hpp"
#include "logs/ops/ops.hpp"

namespace cloudbox::services::logs::ops {

json create_log_stream(logs_call& call) {
    std::string group = call.required_string("logGroupName");
    std::string stream = call.required_string("logStreamName");
    check_group_name(group);
    if (stream.empty() || stream.size() > 512 || stream.find_first_of(":*") != std::string::npos) {
        throw errors::invalid_parameter("1 validation error detected: Value '" + stream +
                                        "' at 'logStreamName' failed to satisfy constraint: Member "
                                        "must satisfy regular expression pattern: [^:*]*");
    }
    if (!call.store.get_group(call.scope(), group)) {
        throw errors::group_not_found();
    }
    if (!call.store.create_stream(call.scope(), group, stream, call.clock.now_millis())) {
        throw errors::already_exists("log stream");
    }
    return json::object();
}

} // namespace cloudbox::services::logs::ops
