// The explicit list of C++ handlers, by the name CreateFunction's Handler refers to.
#include "functions.hpp"

namespace cloudbox::lambda {

std::vector<registered_function> registered_functions() {
    using namespace cloudbox::functions;
    return {
        {"echo", init_echo},
        {"fail", init_fail},
        {"sleep", init_sleep},
        {"whoami", init_whoami},
        {"partialBatch", init_partial_batch},
        {"startStamp", init_start_stamp},
        {"greetingsOnDemand", init_greetings_on_demand},
        {"createThumbnailAndStoreInDB", init_create_thumbnail},
        {"purgeBucketByPrefix", init_purge_bucket_by_prefix},
    };
}

} // namespace cloudbox::lambda
