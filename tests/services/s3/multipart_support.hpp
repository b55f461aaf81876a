// Helpers shared by the multipart upload service tests: a server with a bucket, and the requests
// of a multipart upload.
#pragma once

#include "core/encoding.hpp"
#include "core/hash.hpp"
#include "protocol/xml.hpp"
#include "services/service_test_support.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace cloudbox::test::multipart {

using headers = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::size_t mib = 1024 * 1024;

inline std::string quoted_md5(const std::string& data) {
    return "\"" + md5_hex(data) + "\"";
}

// The ETag of a multipart object: MD5 of the parts' binary MD5s, then "-N".
inline std::string multipart_etag(const std::vector<std::string>& parts) {
    std::string md5s;
    for (const auto& p : parts) {
        md5s += core::digest(core::digest_kind::md5, p);
    }
    return "\"" + md5_hex(md5s) + "-" + std::to_string(parts.size()) + "\"";
}

inline protocol::xml_node xml(const http_response& r) {
    auto doc = protocol::parse_xml(r.body);
    REQUIRE(doc);
    return *doc;
}

inline std::string text(const protocol::xml_node& node, const std::string& name) {
    return node.child_text(name).value_or("<missing>");
}

inline std::string error_code(const http_response& r) {
    return text(xml(r), "Code");
}

// A server with the bucket "bucket" and a client.
struct fixture {
    test_server srv;
    http_client c{srv.port()};

    fixture() { REQUIRE(c.request("PUT", "/bucket").status == 200); }

    std::string create(const std::string& key = "key", headers h = {}) {
        auto r = c.request("POST", "/bucket/" + key + "?uploads", "", std::move(h));
        REQUIRE(r.status == 200);
        return text(xml(r), "UploadId");
    }

    http_response part(const std::string& upload_id, const std::string& number,
                       const std::string& body, headers h = {}, const std::string& key = "key") {
        return c.request("PUT",
                         "/bucket/" + key + "?partNumber=" + number + "&uploadId=" + upload_id,
                         body, std::move(h));
    }

    http_response copy(const std::string& upload_id, const std::string& number,
                       const std::string& source, headers h = {}, const std::string& key = "key") {
        h.emplace_back("x-amz-copy-source", source);
        return c.request("PUT",
                         "/bucket/" + key + "?partNumber=" + number + "&uploadId=" + upload_id, "",
                         std::move(h));
    }

    http_response complete(const std::string& upload_id, const std::string& body, headers h = {},
                           const std::string& key = "key") {
        return c.request("POST", "/bucket/" + key + "?uploadId=" + upload_id, body, std::move(h));
    }

    http_response list_parts(const std::string& upload_id, const std::string& query = "",
                             const std::string& key = "key") {
        return c.request("GET", "/bucket/" + key + "?uploadId=" + upload_id + query);
    }

    http_response abort(const std::string& upload_id, const std::string& key = "key") {
        return c.request("DELETE", "/bucket/" + key + "?uploadId=" + upload_id);
    }
};

struct listed_part {
    int number;
    std::string etag; // as sent, quotes included
    std::string extra = {};
};

inline std::string complete_document(const std::vector<listed_part>& parts) {
    std::string body =
        "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
    for (const auto& p : parts) {
        body += "<Part><PartNumber>" + std::to_string(p.number) + "</PartNumber><ETag>" + p.etag +
                "</ETag>" + p.extra + "</Part>";
    }
    return body + "</CompleteMultipartUpload>";
}

} // namespace cloudbox::test::multipart
