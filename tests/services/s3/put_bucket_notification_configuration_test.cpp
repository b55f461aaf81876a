// PutBucketNotificationConfiguration: queue/topic/function configurations with filters are
// validated as S3 validates them and stored; empty documents clear; errors.
#include "s3/s3_test_support.hpp"

#include "s3/s3_notification.hpp"

using namespace cloudbox::test;

namespace {

std::string doc(const std::string& inner) {
    return "<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + inner +
           "</NotificationConfiguration>";
}

std::string filter(const std::string& rules) {
    return "<Filter><S3Key>" + rules + "</S3Key></Filter>";
}

std::string rule(const std::string& name, const std::string& value) {
    return "<FilterRule><Name>" + name + "</Name><Value>" + value + "</Value></FilterRule>";
}

std::string queue(const std::string& id, const std::string& events, const std::string& extra = "",
                  const std::string& arn = "arn:aws:sqs:us-east-1:000000000000:q") {
    return "<QueueConfiguration>" + (id.empty() ? "" : "<Id>" + id + "</Id>") + "<Queue>" + arn +
           "</Queue>" + events + extra + "</QueueConfiguration>";
}

std::string event(const std::string& e) {
    return "<Event>" + e + "</Event>";
}

http_response put(s3_fixture& f, const std::string& body) {
    return f.c.request("PUT", "/" + f.bucket + "?notification", body);
}

std::string get(s3_fixture& f) {
    auto r = f.c.request("GET", "/" + f.bucket + "?notification");
    REQUIRE(r.status == 200);
    return r.body;
}

} // namespace

TEST_CASE("PutBucketNotificationConfiguration: stores every kind of configuration", "[service]") {
    s3_fixture f;
    std::string body = doc(
        "<TopicConfiguration><Id>t</Id><Topic>arn:aws:sns:us-east-1:000000000000:topic</Topic>" +
        event("s3:ObjectRemoved:*") + "</TopicConfiguration>" +
        queue("images", event("s3:ObjectCreated:Put") + event("s3:ObjectCreated:Post"),
              filter(rule("prefix", "images/") + rule("SUFFIX", ".jpg"))) +
        "<CloudFunctionConfiguration><Id>fn</Id><CloudFunction>arn:aws:lambda:us-east-1:"
        "000000000000:function:thumb</CloudFunction>" +
        event("s3:ObjectCreated:*") + filter(rule("Prefix", "uploads/")) +
        "</CloudFunctionConfiguration><EventBridgeConfiguration/>");
    auto r = put(f, body);
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.body.empty());
    auto got = get(f);
    // Filter rule names come back capitalised.
    CHECK(got.find("<QueueConfiguration><Id>images</Id><Queue>arn:aws:sqs:us-east-1:000000000000:q"
                   "</Queue><Event>s3:ObjectCreated:Put</Event><Event>s3:ObjectCreated:Post"
                   "</Event><Filter><S3Key><FilterRule><Name>Prefix</Name><Value>images/</Value>"
                   "</FilterRule><FilterRule><Name>Suffix</Name><Value>.jpg</Value></FilterRule>"
                   "</S3Key></Filter></QueueConfiguration>") != std::string::npos);
    CHECK(got.find("<CloudFunction>arn:aws:lambda:us-east-1:000000000000:function:thumb"
                   "</CloudFunction>") != std::string::npos);
    CHECK(got.find("<EventBridgeConfiguration></EventBridgeConfiguration>") != std::string::npos);
}

TEST_CASE("PutBucketNotificationConfiguration: canonical JSON for event delivery", "[service]") {
    using namespace cloudbox::services::s3;
    s3_fixture f;
    REQUIRE(put(f, doc(queue("", event("s3:ObjectCreated:*"),
                             filter(rule("Prefix", "in/") + rule("Suffix", ".png")))))
                .status == 200);
    // The stored document is what delivery reads; its parsed model selects targets by event and
    // key.
    auto model = notification_from_json(
        notification_to_json(notification_from_json(notification_to_json(parse_notification_xml(
            doc(queue("", event("s3:ObjectCreated:*"),
                      filter(rule("Prefix", "in/") + rule("Suffix", ".png")))),
            [] { return std::string("generated"); })))));
    REQUIRE(model.targets.size() == 1);
    const auto& t = model.targets[0];
    CHECK(t.kind == notification_kind::queue);
    CHECK(t.id == "generated");
    CHECK(t.prefix() == "in/");
    CHECK(t.suffix() == ".png");
    CHECK(model.targets_for("s3:ObjectCreated:Put", "in/a.png").size() == 1);
    CHECK(model.targets_for("s3:ObjectCreated:CompleteMultipartUpload", "in/a.png").size() == 1);
    CHECK(model.targets_for("s3:ObjectRemoved:Delete", "in/a.png").empty());
    CHECK(model.targets_for("s3:ObjectCreated:Put", "out/a.png").empty());
    CHECK(model.targets_for("s3:ObjectCreated:Put", "in/a.jpg").empty());
    // A configuration without an Id gets a generated one.
    auto got = get(f);
    CHECK(!xml_find(got, "Id").empty());
}

TEST_CASE("PutBucketNotificationConfiguration: an empty document clears", "[service]") {
    s3_fixture f;
    REQUIRE(put(f, doc(queue("q", event("s3:ObjectCreated:*")))).status == 200);
    REQUIRE(put(f, doc("")).status == 200);
    CHECK(get(f) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NotificationConfiguration "
          "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></NotificationConfiguration>");
}

TEST_CASE("PutBucketNotificationConfiguration: invalid events and filter rules", "[service]") {
    s3_fixture f;
    auto r = put(f, doc(queue("q", event("s3:ObjectCreated:Get"))));
    check_s3_error(r, 400, "InvalidArgument", "The event is not supported for notifications");
    CHECK(xml_find(r.body, "ArgumentValue") == "s3:ObjectCreated:Get");
    check_s3_error(put(f, doc(queue("q", event("notarealeventname")))), 400, "InvalidArgument",
                   "The event is not supported for notifications");
    r = put(f, doc(queue("q", event("s3:ObjectCreated:*"), filter(rule("middle", "x")))));
    check_s3_error(r, 400, "InvalidArgument", "filter rule name must be either prefix or suffix");
    check_s3_error(put(f, doc(queue("q", event("s3:ObjectCreated:*"),
                                    filter(rule("prefix", "a") + rule("Prefix", "b"))))),
                   400, "InvalidArgument", "Cannot specify more than one prefix rule in a filter.");
    check_s3_error(put(f, doc(queue("q", event("s3:ObjectCreated:*"),
                                    filter(rule("suffix", std::string(1025, 'x')))))),
                   400, "InvalidArgument",
                   "Size of filter rule value cannot exceed 1024 bytes in UTF-8 representation");
    check_s3_error(put(f, doc(queue("q", event("s3:ObjectCreated:*"), "",
                                    "arn:aws:sns:us-east-1:000000000000:topic"))),
                   400, "InvalidArgument", "The ARN is not well formed");
    // Nothing was stored by the refused requests.
    CHECK(xml_find(get(f), "QueueConfiguration").empty());
}

TEST_CASE("PutBucketNotificationConfiguration: overlapping configurations", "[service]") {
    s3_fixture f;
    const std::string overlap =
        "Configurations overlap. Configurations on the same bucket cannot share a common event "
        "type.";
    // Same event, no filters, even to different destinations.
    check_s3_error(put(f, doc(queue("a", event("s3:ObjectCreated:*")) +
                              "<CloudFunctionConfiguration><CloudFunction>arn:aws:lambda:us-east-1:"
                              "000000000000:function:f</CloudFunction>" +
                              event("s3:ObjectCreated:*") + "</CloudFunctionConfiguration>")),
                   400, "InvalidArgument", overlap);
    // A wildcard covers its specific events.
    check_s3_error(put(f, doc(queue("a", event("s3:ObjectCreated:*")) +
                              queue("b", event("s3:ObjectCreated:Put")))),
                   400, "InvalidArgument", overlap);
    // Nested prefixes overlap; a prefix and a suffix overlap (a key can have both).
    check_s3_error(
        put(f, doc(queue("a", event("s3:ObjectCreated:*"), filter(rule("prefix", "a/"))) +
                   queue("b", event("s3:ObjectCreated:*"), filter(rule("prefix", "a/b/"))))),
        400, "InvalidArgument", overlap);
    check_s3_error(
        put(f, doc(queue("a", event("s3:ObjectCreated:*"), filter(rule("prefix", "a/"))) +
                   queue("b", event("s3:ObjectCreated:*"), filter(rule("suffix", ".jpg"))))),
        400, "InvalidArgument", overlap);
    // Disjoint prefixes, disjoint suffixes, or different event types are fine.
    CHECK(put(f, doc(queue("a", event("s3:ObjectCreated:*"), filter(rule("prefix", "a/"))) +
                     queue("b", event("s3:ObjectCreated:*"), filter(rule("prefix", "b/")))))
              .status == 200);
    CHECK(put(f, doc(queue("a", event("s3:ObjectCreated:*"), filter(rule("suffix", ".jpg"))) +
                     queue("b", event("s3:ObjectCreated:*"), filter(rule("suffix", ".png")))))
              .status == 200);
    CHECK(put(f, doc(queue("a", event("s3:ObjectCreated:*")) +
                     queue("b", event("s3:ObjectRemoved:*"))))
              .status == 200);
}

TEST_CASE("PutBucketNotificationConfiguration: malformed documents and missing bucket",
          "[service]") {
    s3_fixture f;
    check_s3_error(put(f, "<NotificationConfiguration>"), 400, "MalformedXML");
    check_s3_error(put(f, "<Other/>"), 400, "MalformedXML");
    check_s3_error(put(f, doc("<QueueConfiguration><Event>s3:ObjectCreated:*</Event>"
                              "</QueueConfiguration>")),
                   400, "MalformedXML");
    check_s3_error(put(f, doc(queue("q", ""))), 400, "MalformedXML");
    check_s3_error(f.c.request("PUT", "/no-such-bucket?notification", doc("")), 404,
                   "NoSuchBucket");
}
