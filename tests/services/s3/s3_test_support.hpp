// Shared setup for the S3 service tests: a server, a client and a bucket in one fixture.
#pragma once

#include "services/service_test_support.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace cloudbox::test {

using header_list = std::vector<std::pair<std::string, std::string>>;

// Creates a bucket and requires success.
inline void make_bucket(http_client& c, const std::string& name) {
    auto r = c.request("PUT", "/" + name);
    INFO(r.body);
    REQUIRE(r.status == 200);
}

// Puts an object and requires success; returns the response.
inline http_response put_object(http_client& c, const std::string& bucket, const std::string& key,
                                const std::string& body, header_list headers = {}) {
    auto r = c.request("PUT", object_path(bucket, key), body, std::move(headers));
    INFO(r.body);
    REQUIRE(r.status == 200);
    return r;
}

// Checks an S3 REST-XML error: status, <Code> and <Message>.
inline void check_s3_error(const http_response& r, int status, const std::string& code,
                           const std::string& message = {}) {
    INFO(r.body);
    CHECK(r.status == status);
    CHECK(xml_root(r.body) == "Error");
    CHECK(xml_find(r.body, "Code") == code);
    if (!message.empty()) {
        CHECK(xml_find(r.body, "Message") == message);
    }
    CHECK(!xml_find(r.body, "RequestId").empty());
    CHECK(r.header("content-type") == "application/xml");
    CHECK(!r.header("x-amz-request-id").empty());
}

// A <Tagging> document (PutBucketTagging / PutObjectTagging body) with the given tags, in order.
inline std::string tagging_document(const std::vector<std::pair<std::string, std::string>>& tags) {
    std::string body = "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>";
    for (const auto& [k, v] : tags) {
        body += "<Tag><Key>" + k + "</Key><Value>" + v + "</Value></Tag>";
    }
    return body + "</TagSet></Tagging>";
}

// A server with one bucket ready.
struct s3_fixture {
    test_server srv;
    http_client c{srv.port()};
    std::string bucket = "test-bucket";
    s3_fixture() { make_bucket(c, bucket); }
    std::string path(const std::string& key) const { return object_path(bucket, key); }
};

} // namespace cloudbox::test
