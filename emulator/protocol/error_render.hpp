// Renders core::aws_error in each AWS wire protocol.
#pragma once

#include "core/aws_error.hpp"
#include "service/response.hpp"

#include <string_view>

namespace cloudbox::protocol {

// S3 (REST-XML): <Error><Code/><Message/>[fields]<RequestId/><HostId/></Error>; no body for HEAD.
service::response render_rest_xml_error(const core::aws_error& e, std::string_view request_id,
                                        bool head_request);
// Query protocol (SQS legacy, SES v1, STS): <ErrorResponse><Error><Type/>..</Error>..
service::response render_query_error(const core::aws_error& e, std::string_view request_id,
                                     std::string_view xmlns);
// awsJson1_0 / 1_1: {"__type": prefix + code, "message": ...}
service::response render_json_error(const core::aws_error& e, std::string_view request_id,
                                    std::string_view type_prefix, std::string_view content_type);
// REST-JSON (Lambda, SES v2, API Gateway): X-Amzn-ErrorType header and {"message": ...}.
// message_key: the member name the service's model gives the error's text (Lambda spells it
// "Message" for some exceptions and "message" for others).
service::response render_rest_json_error(const core::aws_error& e, std::string_view request_id,
                                         std::string_view message_key = "message");

} // namespace cloudbox::protocol
