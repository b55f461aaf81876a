// In-process AWS calls through the dispatcher (route -> prepare -> invoke), with no HTTP: how
// services and functions reach each other, exactly as an external request would.
#pragma once

#include "core/aws_error.hpp"
#include "service/request.hpp"
#include "service/response.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cloudbox::service {

class dispatcher;

// Who is calling: the account and region the request is scoped to.
struct caller_identity {
    std::string account_id = "000000000000";
    std::string region = "us-east-1";
};

// A request as the client builds it; the path is sent as given (already percent-encoded).
struct internal_request {
    std::string method = "GET";
    std::string signing_service; // credential-scope service: "s3", "sqs", "dynamodb", ...
    std::string path = "/";
    std::string query; // raw, percent-encoded
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct s3_object {
    std::string body;
    std::string content_type;
    std::string etag;
    std::map<std::string, std::string> metadata; // x-amz-meta-* without the prefix
};

struct s3_listing_entry {
    std::string key;
    std::uint64_t size = 0;
    std::string last_modified; // ISO 8601 as S3 returns it
    std::string etag;
};

struct s3_listing {
    std::vector<s3_listing_entry> contents;
    bool is_truncated = false;
    std::string next_marker; // ListObjects v1: NextMarker, else the last key when truncated
};

class internal_client {
  public:
    internal_client(dispatcher& d, caller_identity identity = {})
        : dispatcher_(d), identity_(std::move(identity)) {}

    // Sends one request through the dispatcher; never throws for AWS errors (they are in the
    // response, rendered by the service's protocol, as a client on the wire would see them).
    response send(internal_request req) const;

    // JSON-protocol services (awsJson 1.0/1.1): target "DynamoDB_20120810.PutItem",
    // "AmazonSQS.SendMessage", "Logs_20140328.GetLogEvents". Throws core::aws_error with the
    // service's code and message on an error response.
    nlohmann::json call_json(const std::string& signing_service, const std::string& target,
                             const nlohmann::json& input) const;

    // REST-JSON services (Lambda): throws core::aws_error on an error response.
    response call_rest_json(const std::string& signing_service, const std::string& method,
                            const std::string& path, const std::string& body,
                            std::vector<std::pair<std::string, std::string>> headers = {}) const;

    // S3. Errors throw core::aws_error with S3's code and message.
    s3_object get_object(const std::string& bucket, const std::string& key) const;
    std::optional<s3_object> head_object(const std::string& bucket, const std::string& key) const;
    std::string put_object(const std::string& bucket, const std::string& key, std::string body,
                           const std::string& content_type = {},
                           const std::map<std::string, std::string>& metadata = {}) const;
    void delete_object(const std::string& bucket, const std::string& key) const;
    s3_listing list_objects(const std::string& bucket, const std::string& prefix,
                            const std::string& marker = {}, int max_keys = 1000) const;

    const caller_identity& identity() const { return identity_; }
    internal_client with_identity(caller_identity identity) const {
        return internal_client(dispatcher_, std::move(identity));
    }

  private:
    dispatcher& dispatcher_;
    caller_identity identity_;
};

// The error an S3 (REST-XML) or REST-JSON response carries, as core::aws_error.
core::aws_error error_from_response(const response& res);

} // namespace cloudbox::service
