// Errors are AWS-shaped data: thrown by handlers, caught once by the dispatcher, rendered by the
// protocol of the service.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cloudbox::core {

struct aws_error : std::runtime_error {
    std::string code;
    std::string message;
    int http_status = 400;
    bool sender_fault = true;
    // Extra elements some protocols render (S3: BucketName, Key, Condition, ...), in order.
    std::vector<std::pair<std::string, std::string>> fields;
    // Extra response headers (S3: x-amz-delete-marker, Allow, ...).
    std::vector<std::pair<std::string, std::string>> headers;

    aws_error(std::string code_, std::string message_, int status = 400, bool sender = true)
        : std::runtime_error(code_ + ": " + message_), code(std::move(code_)),
          message(std::move(message_)), http_status(status), sender_fault(sender) {}

    aws_error& with(std::string name, std::string value) & {
        fields.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    aws_error&& with(std::string name, std::string value) && {
        fields.emplace_back(std::move(name), std::move(value));
        return std::move(*this);
    }
    aws_error&& with_header(std::string name, std::string value) && {
        headers.emplace_back(std::move(name), std::move(value));
        return std::move(*this);
    }
};

} // namespace cloudbox::core
