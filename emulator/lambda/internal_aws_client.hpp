// The functions' AWS client (lambda::aws_client) on top of service::internal_client.
#pragma once

#include "lambda/handler.hpp"
#include "service/internal_client.hpp"

namespace cloudbox::lambda {

class internal_aws_client final : public aws_client {
  public:
    explicit internal_aws_client(service::internal_client client) : client_(std::move(client)) {}

    json call(std::string_view service, std::string_view operation, const json& input) override;
    s3_get_result s3_get_object(const std::string& bucket, const std::string& key) override;
    void s3_put_object(const std::string& bucket, const std::string& key, std::string body,
                       const std::string& content_type,
                       const std::map<std::string, std::string>& metadata) override;
    void s3_delete_object(const std::string& bucket, const std::string& key) override;
    s3_list_result s3_list_objects(const std::string& bucket, const std::string& prefix,
                                   const std::string& marker) override;

  private:
    json invoke_function(const json& input);
    service::internal_client client_;
};

} // namespace cloudbox::lambda
