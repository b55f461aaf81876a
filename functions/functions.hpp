// The handlers in functions/, each a factory (init phase) returning the handler.
#pragma once

#include "lambda/handler.hpp"

namespace cloudbox::functions {

lambda::handler_fn init_echo(lambda::init_context& init);
lambda::handler_fn init_fail(lambda::init_context& init);
lambda::handler_fn init_sleep(lambda::init_context& init);
lambda::handler_fn init_whoami(lambda::init_context& init);
lambda::handler_fn init_partial_batch(lambda::init_context& init);
lambda::handler_fn init_start_stamp(lambda::init_context& init);
lambda::handler_fn init_greetings_on_demand(lambda::init_context& init);
lambda::handler_fn init_create_thumbnail(lambda::init_context& init);
lambda::handler_fn init_purge_bucket_by_prefix(lambda::init_context& init);

} // namespace cloudbox::functions
