// The DynamoDB service (awsJson1_0, DynamoDB_20120810.*) and the DynamoDB Streams API
// (DynamoDBStreams_20120810.*): two aws_services sharing one store.
#pragma once

#include "core/clock.hpp"
#include "service/service.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace cloudbox::services::dynamodb {

struct dynamodb_options {
    std::filesystem::path root; // dynamodb.db lives here
    bool in_memory = false;
    std::string default_region = "us-east-1";
};

struct ddb_context; // dynamodb_call.hpp

class dynamodb_service final : public service::aws_service {
  public:
    dynamodb_service(std::shared_ptr<ddb_context> context, std::string api);
    ~dynamodb_service() override;

    std::string_view name() const override { return api_; }
    service::body_plan plan_body(service::request& req) override;
    service::response handle(service::request& req) override;
    service::response render_error(const core::aws_error& error,
                                   const service::request& req) const override;
    void reset() override;
    std::optional<service::response> control(service::request& req) override;

    // Told after every write that appended stream records (see dynamodb_store). Set before the
    // server serves.
    void set_stream_listener(std::function<void()> listener);

  private:
    std::shared_ptr<ddb_context> context_;
    std::string api_; // "dynamodb" or "dynamodbstreams"
};

// Both services over one store: {dynamodb, dynamodbstreams}.
std::pair<std::unique_ptr<dynamodb_service>, std::unique_ptr<dynamodb_service>>
make_dynamodb_services(dynamodb_options options, core::clock& clock);

} // namespace cloudbox::services::dynamodb
