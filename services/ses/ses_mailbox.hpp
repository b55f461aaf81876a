// JSON views of mailbox messages: cloudbox's own shape and LocalStack's /_aws/ses shape.
#pragma once

#include "ses/ses_store.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::services::ses {

nlohmann::json message_json(const message_record& m);
// LocalStack's shape; raw_data is the message as sent (only for raw messages).
nlohmann::json localstack_message_json(const message_record& m, const std::string* raw_data);

} // namespace cloudbox::services::ses
