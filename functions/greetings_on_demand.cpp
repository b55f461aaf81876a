// F03 greetingsOnDemand: "Hello <name>!", "Hello World!" without a name (book listing 2.1).
#include "functions.hpp"

namespace cloudbox::functions {

using lambda::json;

lambda::handler_fn init_greetings_on_demand(lambda::init_context& init) {
    init.log->log("Loading function"); // init code: once per execution environment
    return [](const json& event, lambda::invocation_context& ctx) {
        ctx.log->log("Received event: " + event.dump(2));
        std::string name = "World";
        // JavaScript's `'name' in event`: a present key wins even when empty ("Hello !").
        if (event.is_object() && event.contains("name")) {
            const json& value = event["name"];
            name = value.is_string() ? value.get<std::string>() : value.dump();
        }
        ctx.log->log("name =  " + name);
        std::string greetings = "Hello " + name + "!";
        ctx.log->log(greetings);
        return lambda::invocation_response::ok(greetings);
    };
}

} // namespace cloudbox::functions
