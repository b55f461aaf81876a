// The explicit list of C++ handlers, by the name CreateFunction's Handler refers to.
#include "functions.hpp"

namespace cloudbox::lambda {

std::vector<registered_function> registered_functions() {
    using namespace cloudbox::functions;
    // runs_inline: pure computations on the event (see registered_function).
    constexpr bool runs_inline = true;
    return {
        {"echo", init_echo, runs_inline},
        {"fail", init_fail, runs_inline},
        {"sleep", init_sleep},
        {"whoami", init_whoami, runs_inline},
        {"partialBatch", init_partial_batch, runs_inline},
        {"startStamp", init_start_stamp, runs_inline},
        {"greetingsOnDemand", init_greetings_on_demand, runs_inline},
        {"createThumbnailAndStoreInDB", init_create_thumbnail},
        {"purgeBucketByPrefix", init_purge_bucket_by_prefix},
    };
}

} // namespace cloudbox::lambda
