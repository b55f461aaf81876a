// DescribeEndpoints: this server, as the endpoint of the region.
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json describe_endpoints(ddb_call& call) {
    std::string host =
        call.req.host.empty() ? "dynamodb." + call.region() + ".amazonaws.com" : call.req.host;
    return json{{"Endpoints", json::array({{{"Address", host}, {"CachePeriodInMinutes", 1440}}})}};
}

} // namespace cloudbox::services::dynamodb::ops
