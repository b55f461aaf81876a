// Event notifications: which changes reach which target, with AWS's event record (eventVersion
// 2.1, form-encoded key, size, eTag, sequencer, userIdentity, requestParameters), and the
// s3:TestEvent a queue gets when a configuration is put.
#include "s3/s3_test_support.hpp"

#include "s3/s3_service.hpp"
#include "service/dispatcher.hpp"

#include <nlohmann/json.hpp>

#include <mutex>

using namespace cloudbox;
using namespace cloudbox::test;
using nlohmann::json;

namespace {

const std::string fn_arn = "arn:aws:lambda:us-east-1:000000000000:function:thumbs";
const std::string queue_arn = "arn:aws:sqs:us-east-1:000000000000:uploads";

struct captured {
    std::mutex m;
    std::vector<std::pair<std::string, json>> sent;
    std::vector<std::pair<std::string, json>> take() {
        std::lock_guard lock(m);
        return std::exchange(sent, {});
    }
};

void capture(s3_fixture& f, captured& log) {
    auto* s3 =
        dynamic_cast<services::s3::s3_service*>(f.srv.app().dispatcher().services().find("s3"));
    REQUIRE(s3 != nullptr);
    s3->notifier().set_delivery([&log](const std::string& arn, const std::string& payload) {
        std::lock_guard lock(log.m);
        log.sent.emplace_back(arn, json::parse(payload));
    });
}

std::vector<std::pair<std::string, json>> drained(s3_fixture& f, captured& log) {
    REQUIRE(f.c.request("POST", "/_cloudbox/events/drain").status == 200);
    return log.take();
}

void configure(s3_fixture& f) {
    std::string body = "<NotificationConfiguration>"
                       "<QueueConfiguration><Id>removals</Id><Queue>" +
                       queue_arn +
                       "</Queue><Event>s3:ObjectRemoved:*</Event></QueueConfiguration>"
                       "<CloudFunctionConfiguration><Id>thumbs</Id><CloudFunction>" +
                       fn_arn +
                       "</CloudFunction><Event>s3:ObjectCreated:*</Event><Filter><S3Key>"
                       "<FilterRule><Name>prefix</Name><Value>images/</Value></FilterRule>"
                       "<FilterRule><Name>suffix</Name><Value>.jpg</Value></FilterRule>"
                       "</S3Key></Filter></CloudFunctionConfiguration>"
                       "</NotificationConfiguration>";
    auto r = f.c.request("PUT", "/" + f.bucket + "?notification", body);
    INFO(r.body);
    REQUIRE(r.status == 200);
}

} // namespace

TEST_CASE("notifications: putting a configuration sends s3:TestEvent to its queues", "[service]") {
    s3_fixture f;
    captured log;
    capture(f, log);
    configure(f);
    auto sent = drained(f, log);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].first == queue_arn);
    CHECK(sent[0].second["Service"] == "Amazon S3");
    CHECK(sent[0].second["Event"] == "s3:TestEvent");
    CHECK(sent[0].second["Bucket"] == f.bucket);
    CHECK_FALSE(sent[0].second["RequestId"].get<std::string>().empty());
}

TEST_CASE("notifications: a created object matching the filter reaches the function", "[service]") {
    s3_fixture f;
    captured log;
    capture(f, log);
    configure(f);
    drained(f, log);

    put_object(f.c, f.bucket, "images/mona lisa.jpg", "jpeg bytes");
    put_object(f.c, f.bucket, "images/readme.txt", "not a picture");
    put_object(f.c, f.bucket, "other/a.jpg", "outside the prefix");
    auto sent = drained(f, log);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].first == fn_arn);
    REQUIRE(sent[0].second["Records"].size() == 1);
    const json& rec = sent[0].second["Records"][0];
    CHECK(rec["eventVersion"] == "2.1");
    CHECK(rec["eventSource"] == "aws:s3");
    CHECK(rec["awsRegion"] == "us-east-1");
    CHECK(rec["eventName"] == "ObjectCreated:Put");
    CHECK(rec["eventTime"].get<std::string>().ends_with("Z"));
    CHECK(rec["requestParameters"]["sourceIPAddress"] == "127.0.0.1");
    CHECK(rec["s3"]["s3SchemaVersion"] == "1.0");
    CHECK(rec["s3"]["configurationId"] == "thumbs");
    CHECK(rec["s3"]["bucket"]["name"] == f.bucket);
    CHECK(rec["s3"]["bucket"]["arn"] == "arn:aws:s3:::" + f.bucket);
    CHECK(rec["s3"]["object"]["key"] == "images/mona+lisa.jpg");
    CHECK(rec["s3"]["object"]["size"] == 10);
    CHECK(rec["s3"]["object"]["eTag"] == md5_hex("jpeg bytes"));
    CHECK(rec["s3"]["object"]["sequencer"].get<std::string>().size() == 16);

    // a copy into the prefix is ObjectCreated:Copy
    auto r = f.c.request("PUT", f.path("images/copy.jpg"), "",
                         {{"x-amz-copy-source", "/" + f.bucket + "/other/a.jpg"}});
    REQUIRE(r.status == 200);
    sent = drained(f, log);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].second["Records"][0]["eventName"] == "ObjectCreated:Copy");
}

TEST_CASE("notifications: removals reach the queue, in order, with increasing sequencers",
          "[service]") {
    s3_fixture f;
    captured log;
    capture(f, log);
    configure(f);
    put_object(f.c, f.bucket, "a", "1");
    put_object(f.c, f.bucket, "b", "2");
    drained(f, log);

    REQUIRE(f.c.request("DELETE", f.path("a")).status == 204);
    std::string del = "<Delete><Object><Key>b</Key></Object></Delete>";
    REQUIRE(f.c.request("POST", "/" + f.bucket + "?delete", del, {{"content-md5", md5_b64(del)}})
                .status == 200);
    auto sent = drained(f, log);
    REQUIRE(sent.size() == 2);
    std::vector<std::string> keys;
    for (auto& [arn, payload] : sent) {
        CHECK(arn == queue_arn);
        const json& rec = payload["Records"][0];
        CHECK(rec["eventName"] == "ObjectRemoved:Delete");
        CHECK_FALSE(rec["s3"]["object"].contains("size"));
        keys.push_back(rec["s3"]["object"]["key"]);
    }
    std::sort(keys.begin(), keys.end());
    CHECK(keys == std::vector<std::string>{"a", "b"});
}

TEST_CASE("notifications: a bucket without configuration, or after it is removed, sends nothing",
          "[service]") {
    s3_fixture f;
    captured log;
    capture(f, log);
    put_object(f.c, f.bucket, "images/x.jpg", "x");
    CHECK(drained(f, log).empty());
    configure(f);
    drained(f, log);
    REQUIRE(f.c.request("PUT", "/" + f.bucket + "?notification", "<NotificationConfiguration/>")
                .status == 200);
    put_object(f.c, f.bucket, "images/y.jpg", "y");
    CHECK(drained(f, log).empty());
}
