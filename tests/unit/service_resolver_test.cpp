// Service resolution from the request head: every real capture, then the unsigned fallbacks.
#include "protocol/query_string.hpp"
#include "protocol/service_resolver.hpp"
#include "protocol/sigv4.hpp"
#include "wire_capture.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace cloudbox;
using protocol::resolve_service;

namespace {

// <service>-<operation>-NNN.raw; "s3api" captures are S3 too.
std::string expected_service(const std::string& file_name) {
    auto service = file_name.substr(0, file_name.find('-'));
    return service == "s3api" ? "s3" : service;
}

service::request make_request(std::string method, std::string target, std::string scope = {}) {
    service::request req;
    req.method = std::move(method);
    req.target = target;
    auto q = target.find('?');
    req.raw_path = target.substr(0, q);
    req.raw_query = q == std::string::npos ? std::string{} : target.substr(q + 1);
    req.query = protocol::parse_query(req.raw_query).value();
    req.ctx.signing_service = std::move(scope);
    return req;
}

} // namespace

TEST_CASE("service_resolver: every wire capture resolves to its service", "[unit]") {
    auto files = test::all_captures();
    REQUIRE(files.size() >= 60);
    for (const auto& path : files) {
        INFO(path.string());
        auto req = test::load_capture(path).to_request();
        auto creds = protocol::parse_sigv4(req);
        REQUIRE(creds);
        req.ctx.signing_service = creds->service;
        CHECK(resolve_service(req) == expected_service(path.filename().string()));
    }
}

TEST_CASE("service_resolver: X-Amz-Target wins over the signing name", "[unit]") {
    auto req = make_request("POST", "/", "s3");
    req.headers.add("X-Amz-Target", "DynamoDB_20120810.GetItem");
    CHECK(resolve_service(req) == "dynamodb");
    req.headers.set("X-Amz-Target", "DynamoDBStreams_20120810.GetRecords");
    CHECK(resolve_service(req) == "dynamodbstreams");
    req.headers.set("X-Amz-Target", "AmazonSQS.ReceiveMessage");
    CHECK(resolve_service(req) == "sqs");
    req.headers.set("X-Amz-Target", "TrentService.Encrypt");
    CHECK(resolve_service(req) == "kms");
    // A target that only shares a prefix does not match; the signing name decides.
    req.headers.set("X-Amz-Target", "DynamoDB_20120810Extra.GetItem");
    CHECK(resolve_service(req) == "s3");
    req.headers.set("X-Amz-Target", "DynamoDB_20120810");
    CHECK(resolve_service(req) == "s3");
}

TEST_CASE("service_resolver: shared signing names are split by path", "[unit]") {
    CHECK(resolve_service(make_request("POST", "/", "ses")) == "ses");
    CHECK(resolve_service(make_request("POST", "/", "email")) == "ses");
    CHECK(resolve_service(make_request("POST", "/v2/email/outbound-emails", "ses")) == "sesv2");
    CHECK(resolve_service(make_request("GET", "/v2/email/identities", "email")) == "sesv2");
    CHECK(resolve_service(make_request("GET", "/restapis", "apigateway")) == "apigateway");
    CHECK(resolve_service(make_request("GET", "/v2/apis", "apigateway")) == "apigatewayv2");
    CHECK(resolve_service(make_request("GET", "/2015-03-31/functions", "lambda")) == "lambda");
    CHECK(resolve_service(make_request("POST", "/", "sts")) == "sts");
    // The S3 signing name keeps paths that look like other services' in S3.
    CHECK(resolve_service(make_request("GET", "/restapis", "s3")) == "s3");
    CHECK(resolve_service(make_request("GET", "/2015-03-31/functions", "s3")) == "s3");
}

TEST_CASE("service_resolver: unsigned requests fall back to path, Action, then S3", "[unit]") {
    CHECK(resolve_service(make_request("GET", "/2015-03-31/functions/f/invocations")) == "lambda");
    CHECK(resolve_service(make_request("POST", "/2014-11-13/functions/f/invoke-async/")) ==
          "lambda");
    CHECK(resolve_service(make_request("GET", "/restapis/abc/resources")) == "apigateway");
    CHECK(resolve_service(make_request("GET", "/v2/apis")) == "apigatewayv2");
    CHECK(resolve_service(make_request("POST", "/v2/email/outbound-emails")) == "sesv2");
    CHECK(resolve_service(make_request("GET", "/000000000000/q1?Action=ReceiveMessage")) == "sqs");
    CHECK(resolve_service(make_request("GET", "/?Action=ListQueues")) == "query");
    CHECK(resolve_service(make_request("GET", "/bucket/key")) == "s3");
    CHECK(resolve_service(make_request("GET", "/")) == "s3");
    CHECK(resolve_service(make_request("PUT", "/bucket/key?uploadId=1&partNumber=1")) == "s3");
}
