// DescribeLimits: the default account and table capacity limits.
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json describe_limits(ddb_call&) {
    return json{{"AccountMaxReadCapacityUnits", 80000},
                {"AccountMaxWriteCapacityUnits", 80000},
                {"TableMaxReadCapacityUnits", 40000},
                {"TableMaxWriteCapacityUnits", 40000}};
}

} // namespace cloudbox::services::dynamodb::ops
