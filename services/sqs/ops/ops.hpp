// Every SQS operation, one file each under ops/; listed in the dispatch table in sqs_service.cpp.
#pragma once

#include "sqs/sqs_service.hpp"

namespace cloudbox::services::sqs::ops {

service::response create_queue(sqs_call& call);
service::response get_queue_url(sqs_call& call);
service::response list_queues(sqs_call& call);
service::response delete_queue(sqs_call& call);
service::response get_queue_attributes(sqs_call& call);
service::response set_queue_attributes(sqs_call& call);
service::response purge_queue(sqs_call& call);
service::response tag_queue(sqs_call& call);
service::response untag_queue(sqs_call& call);
service::response list_queue_tags(sqs_call& call);
service::response add_permission(sqs_call& call);
service::response remove_permission(sqs_call& call);
service::response list_dead_letter_source_queues(sqs_call& call);
service::response start_message_move_task(sqs_call& call);
service::response list_message_move_tasks(sqs_call& call);
service::response cancel_message_move_task(sqs_call& call);
service::response send_message(sqs_call& call);
service::response send_message_batch(sqs_call& call);
service::response receive_message(sqs_call& call);
service::response delete_message(sqs_call& call);
service::response delete_message_batch(sqs_call& call);
service::response change_message_visibility(sqs_call& call);
service::response change_message_visibility_batch(sqs_call& call);

// Shared by CreateQueue and SetQueueAttributes (create_queue.cpp): a RedrivePolicy's target must
// exist and be of the same queue type. Requires the engine lock.
void check_redrive_target(sqs_call& call, const string_map& attributes, bool fifo);
// Shared by the delete and visibility operations (delete_message.cpp): AWS's error for each
// receipt-handle outcome.
void check_handle_result(handle_result result, const std::string& handle);
// Shared by the visibility operations (change_message_visibility.cpp).
int checked_visibility_timeout(std::optional<std::int64_t> timeout);
void change_visibility_of(sqs_call& call, live_queue& q, const std::string& handle, int timeout);

} // namespace cloudbox::services::sqs::ops
