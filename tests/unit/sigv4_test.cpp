// SigV4 credential parsing from every captured Authorization header and from presigned queries.
#include "protocol/query_string.hpp"
#include "protocol/sigv4.hpp"
#include "wire_capture.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace cloudbox;
using protocol::parse_sigv4;

namespace {

service::request with_authorization(std::string value) {
    service::request req;
    req.headers.add("Authorization", std::move(value));
    return req;
}

service::request with_query(std::string_view raw) {
    service::request req;
    req.raw_query = raw;
    req.query = protocol::parse_query(raw).value();
    return req;
}

// The signing name a capture's client used: SES v1 and v2 both sign as "ses".
std::string signing_name_for(const std::string& file_name) {
    auto service = file_name.substr(0, file_name.find('-'));
    return service == "sesv2" ? "ses" : service == "s3api" ? "s3" : service;
}

} // namespace

TEST_CASE("sigv4: every captured Authorization header parses", "[unit]") {
    auto files = test::all_captures();
    REQUIRE(files.size() >= 60);
    for (const auto& path : files) {
        INFO(path.string());
        auto req = test::load_capture(path).to_request();
        auto creds = parse_sigv4(req);
        REQUIRE(creds);
        CHECK(creds->access_key == "AKIDEXAMPLE");
        CHECK(creds->date == "20261121");
        CHECK(creds->region == "us-east-1");
        CHECK(creds->service == signing_name_for(path.filename().string()));
        CHECK_FALSE(creds->presigned);
        CHECK(protocol::account_for_access_key(creds->access_key) == "000000000000");
    }
}

TEST_CASE("sigv4: Authorization header variants", "[unit]") {
    auto creds = parse_sigv4(with_authorization(
        "AWS4-HMAC-SHA256 Credential=123456789012/20240102/eu-west-3/dynamodb/aws4_request,"
        "SignedHeaders=host;x-amz-date,Signature=00ff"));
    REQUIRE(creds);
    CHECK(creds->access_key == "123456789012");
    CHECK(creds->date == "20240102");
    CHECK(creds->region == "eu-west-3");
    CHECK(creds->service == "dynamodb");

    // SigV2, anonymous, other algorithms and malformed scopes carry no SigV4 credential.
    CHECK_FALSE(parse_sigv4(service::request{}));
    CHECK_FALSE(parse_sigv4(with_authorization("AWS AKIDEXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=")));
    CHECK_FALSE(parse_sigv4(with_authorization("AWS4-HMAC-SHA256 SignedHeaders=host")));
    CHECK_FALSE(parse_sigv4(with_authorization(
        "AWS4-HMAC-SHA256 Credential=AKID/20240102/us-east-1/s3, Signature=00")));
    CHECK_FALSE(parse_sigv4(with_authorization(
        "AWS4-HMAC-SHA256 Credential=AKID/20240102/us-east-1/s3/aws4_reques, Signature=00")));
    CHECK_FALSE(parse_sigv4(with_authorization(
        "AWS4-HMAC-SHA256 Credential=AKID/20240102/us-east-1/s3/aws4_request/x, Signature=00")));
    CHECK_FALSE(parse_sigv4(with_authorization("AWS4-HMAC-SHA256 "
                                               "Credential=AKID/20240102/us-east-1/s3/aws4_request/"
                                               "aws4_request, Signature=00")));
}

TEST_CASE("sigv4: presigned URL query parameters", "[unit]") {
    auto creds = parse_sigv4(
        with_query("X-Amz-Algorithm=AWS4-HMAC-SHA256"
                   "&X-Amz-Credential=AKIDEXAMPLE%2F20261121%2Feu-west-1%2Fs3%2Faws4_request"
                   "&X-Amz-Date=20261121T111920Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
                   "&X-Amz-Signature=1b2c"));
    REQUIRE(creds);
    CHECK(creds->presigned);
    CHECK(creds->access_key == "AKIDEXAMPLE");
    CHECK(creds->date == "20261121");
    CHECK(creds->region == "eu-west-1");
    CHECK(creds->service == "s3");
    CHECK(creds->amz_date == "20261121T111920Z");
    CHECK(creds->expires_seconds == 3600);

    auto no_expiry = parse_sigv4(
        with_query("X-Amz-Credential=AKIDEXAMPLE%2F20261121%2Fus-east-1%2Fs3%2Faws4_request"));
    REQUIRE(no_expiry);
    CHECK(no_expiry->expires_seconds == 0);
    CHECK(no_expiry->amz_date.empty());

    CHECK_FALSE(parse_sigv4(with_query("X-Amz-Credential=AKIDEXAMPLE%2F20261121")));
    CHECK_FALSE(parse_sigv4(with_query("AWSAccessKeyId=AKIDEXAMPLE&Signature=x&Expires=1")));

    // An Authorization header wins over query parameters.
    auto req = with_query("X-Amz-Credential=Q%2F20261121%2Fus-east-1%2Fs3%2Faws4_request");
    req.headers.add(
        "authorization",
        "AWS4-HMAC-SHA256 Credential=H/20261121/us-west-2/s3/aws4_request, Signature=0");
    auto both = parse_sigv4(req);
    REQUIRE(both);
    CHECK(both->access_key == "H");
    CHECK_FALSE(both->presigned);
}

TEST_CASE("sigv4: account id is the access key only when it is 12 digits", "[unit]") {
    using protocol::account_for_access_key;
    CHECK(account_for_access_key("123456789012") == "123456789012");
    CHECK(account_for_access_key("000000000001") == "000000000001");
    CHECK(account_for_access_key("AKIDEXAMPLE") == "000000000000");
    CHECK(account_for_access_key("test") == "000000000000");
    CHECK(account_for_access_key("") == "000000000000");
    CHECK(account_for_access_key("12345678901") == "000000000000");
    CHECK(account_for_access_key("1234567890123") == "000000000000");
    CHECK(account_for_access_key("12345678901a") == "000000000000");
    CHECK(account_for_access_key("-12345678901") == "000000000000");
}
