// The C++ functions against a fake AWS client: thumbnail fits the box (JPEG and PNG), metadata
// copied, the images item; purge by key age on a frozen clock; greetings; partialBatch;
// startStamp.
#include "functions.hpp"
#include "image_codec.hpp"

#include <catch2/catch.hpp>
#include <map>

using namespace cloudbox;
using lambda::json;

namespace {

struct fake_aws final : lambda::aws_client {
    std::map<std::string, lambda::s3_get_result> objects; // "bucket/key"
    std::vector<json> calls;
    std::vector<std::string> deleted;
    json call(std::string_view service, std::string_view operation, const json& input) override {
        calls.push_back({{"service", service}, {"operation", operation}, {"input", input}});
        return json::object();
    }
    lambda::s3_get_result s3_get_object(const std::string& b, const std::string& k) override {
        auto it = objects.find(b + "/" + k);
        if (it == objects.end()) {
            throw lambda::aws_client_error("NoSuchKey", "The specified key does not exist.", 404);
        }
        return it->second;
    }
    void s3_put_object(const std::string& b, const std::string& k, std::string body,
                       const std::string& type,
                       const std::map<std::string, std::string>& metadata) override {
        objects[b + "/" + k] = {std::move(body), type, metadata};
    }
    void s3_delete_object(const std::string& b, const std::string& k) override {
        objects.erase(b + "/" + k);
        deleted.push_back(k);
    }
    // Pages of two keys, without NextMarker (as AWS answers without a delimiter).
    lambda::s3_list_result s3_list_objects(const std::string& b, const std::string& prefix,
                                           const std::string& marker) override {
        lambda::s3_list_result out;
        for (const auto& [name, obj] : objects) {
            std::string key = name.substr(b.size() + 1);
            if (!name.starts_with(b + "/") || !key.starts_with(prefix) || key <= marker) {
                continue;
            }
            if (out.contents.size() == 2) {
                out.is_truncated = true;
                break;
            }
            out.contents.push_back({key, obj.body.size(), ""});
        }
        return out;
    }
};

struct null_logger final : lambda::logger {
    std::vector<std::string> lines;
    void log(std::string_view line) override { lines.emplace_back(line); }
};

struct harness {
    fake_aws aws;
    null_logger log;
    std::chrono::system_clock::time_point now =
        std::chrono::sys_days(std::chrono::year(2026) / 1 / 1) + std::chrono::hours(12);
    lambda::invocation_context ctx;
    harness() {
        ctx.request_id = "req";
        ctx.function_name = "fn";
        ctx.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        ctx.now = [this] { return now; };
        ctx.log = &log;
        ctx.aws = &aws;
    }
    lambda::invocation_response run(lambda::handler_fn (*init)(lambda::init_context&),
                                    const json& event) {
        lambda::init_context ic{"fn", ctx.environment, &log};
        return init(ic)(event, ctx);
    }
};

functions::image gradient(int w, int h, int channels) {
    functions::image img;
    img.width = w;
    img.height = h;
    img.channels = channels;
    img.pixels.resize(static_cast<std::size_t>(w * h * channels));
    for (std::size_t i = 0; i < img.pixels.size(); ++i) {
        img.pixels[i] = static_cast<std::uint8_t>(i % 251);
    }
    return img;
}

json s3_event(const std::string& bucket, const std::string& key) {
    return {{"Records", {{{"s3", {{"bucket", {{"name", bucket}}}, {"object", {{"key", key}}}}}}}}};
}

} // namespace

TEST_CASE("fit_inside keeps the aspect ratio and never upscales", "[unit]") {
    CHECK(functions::fit_inside(400, 200, 100, 100) == std::pair{100, 50});
    CHECK(functions::fit_inside(200, 400, 200, 200) == std::pair{100, 200});
    CHECK(functions::fit_inside(50, 40, 200, 200) == std::pair{50, 40});
    CHECK(functions::fit_inside(1000, 1, 10, 10) == std::pair{10, 1});
}

TEST_CASE("createThumbnailAndStoreInDB: JPEG fits the metadata box, metadata copied", "[unit]") {
    harness h;
    h.aws.objects["pictures/images/mona lisa.jpg"] = {
        functions::encode_jpeg(gradient(640, 480, 3)),
        "image/jpeg",
        {{"width", "100"}, {"height", "100"}, {"author", "Leo"}, {"title", "Mona"}}};
    auto r = h.run(functions::init_create_thumbnail, s3_event("pictures", "images/mona+lisa.jpg"));
    INFO(r.error_message);
    REQUIRE(r.success);
    auto& thumb = h.aws.objects.at("pictures/thumbs/images/mona lisa.jpg");
    CHECK(thumb.content_type == "image/jpeg");
    CHECK(thumb.metadata.at("author") == "Leo");
    CHECK(thumb.metadata.at("width") == "100");
    auto decoded = functions::decode_jpeg(thumb.body);
    REQUIRE(decoded);
    CHECK(decoded->width == 100);
    CHECK(decoded->height == 75);
    REQUIRE(h.aws.calls.size() == 1);
    const json& put = h.aws.calls[0];
    CHECK(put["service"] == "dynamodb");
    CHECK(put["operation"] == "PutItem");
    CHECK(put["input"]["TableName"] == "images");
    CHECK(put["input"]["Item"]["name"]["S"] == "images/mona lisa.jpg");
    CHECK(put["input"]["Item"]["thumbnail"]["S"] == "thumbs/images/mona lisa.jpg");
    CHECK(put["input"]["Item"]["timestamp"]["S"] == "2026-01-01T12:00:00.000Z");
    CHECK(put["input"]["Item"]["author"]["S"] == "Leo");
    CHECK_FALSE(put["input"]["Item"].contains("description"));
}

TEST_CASE("createThumbnailAndStoreInDB: PNG path, default 200x200, TABLE env", "[unit]") {
    harness h;
    h.ctx.environment["TABLE"] = "thumbs";
    h.aws.objects["b/images/x.png"] = {
        functions::encode_png(gradient(300, 600, 4)), "image/png", {}};
    auto r = h.run(functions::init_create_thumbnail, s3_event("b", "images/x.png"));
    REQUIRE(r.success);
    auto decoded = functions::decode_png(h.aws.objects.at("b/thumbs/images/x.png").body);
    REQUIRE(decoded);
    CHECK(decoded->width == 100);
    CHECK(decoded->height == 200);
    CHECK(h.aws.calls[0]["input"]["TableName"] == "thumbs");
}

TEST_CASE("createThumbnailAndStoreInDB: unsupported or broken input fails", "[unit]") {
    harness h;
    auto gif = h.run(functions::init_create_thumbnail, s3_event("b", "images/x.gif"));
    CHECK_FALSE(gif.success);
    CHECK(gif.error_message == "Unsupported image type: gif");
    auto none = h.run(functions::init_create_thumbnail, s3_event("b", "images/noext"));
    CHECK(none.error_message == "Could not determine the image type for key: images/noext");
    auto missing = h.run(functions::init_create_thumbnail, s3_event("b", "images/x.jpg"));
    CHECK(missing.error_type == "NoSuchKey");
    h.aws.objects["b/images/y.jpg"] = {"not a jpeg", "image/jpeg", {}};
    CHECK_FALSE(h.run(functions::init_create_thumbnail, s3_event("b", "images/y.jpg")).success);
    CHECK(h.aws.calls.empty());
}

TEST_CASE("purgeBucketByPrefix: deletes by key age on the frozen clock", "[unit]") {
    harness h;
    h.ctx.environment["BUCKET"] = "tmpbucket";
    for (const char* key :
         {"tmp/20260101095959-a.jpg", "tmp/20260101105959-b.jpg", "tmp/20260101110001-c.jpg",
          "tmp/20260101115959-d.jpg", "tmp/notimestamp.jpg", "keep/20200101000000.jpg"}) {
        h.aws.objects[std::string("tmpbucket/") + key] = {"x", "", {}};
    }
    auto r = h.run(functions::init_purge_bucket_by_prefix, json{{"source", "aws.events"}});
    INFO(r.error_message);
    REQUIRE(r.success);
    CHECK(r.payload == "2 objects deleted");
    CHECK(h.aws.deleted ==
          std::vector<std::string>{"tmp/20260101095959-a.jpg", "tmp/20260101105959-b.jpg"});
    CHECK(h.aws.objects.count("tmpbucket/tmp/20260101110001-c.jpg") == 1);
    CHECK(h.aws.objects.count("tmpbucket/keep/20200101000000.jpg") == 1);
    // An hour later the others are old too.
    h.now += std::chrono::hours(1);
    CHECK(h.run(functions::init_purge_bucket_by_prefix, json::object()).payload ==
          "2 objects deleted");
}

TEST_CASE("purgeBucketByPrefix: PREFIX, MAX_AGE_SECONDS and a missing BUCKET", "[unit]") {
    harness h;
    auto none = h.run(functions::init_purge_bucket_by_prefix, json::object());
    CHECK(none.error_message == "The BUCKET environment variable is not set");
    h.ctx.environment = {{"BUCKET", "b"}, {"PREFIX", "cache/"}, {"MAX_AGE_SECONDS", "60"}};
    h.aws.objects["b/cache/20260101115800"] = {"x", "", {}};
    h.aws.objects["b/cache/20260101115930"] = {"x", "", {}};
    CHECK(h.run(functions::init_purge_bucket_by_prefix, json::object()).payload ==
          "1 objects deleted");
}

TEST_CASE("greetingsOnDemand and partialBatch", "[unit]") {
    harness h;
    CHECK(h.run(functions::init_greetings_on_demand, {{"name", "John"}}).payload == "Hello John!");
    CHECK(h.run(functions::init_greetings_on_demand, json::object()).payload == "Hello World!");
    json batch = {
        {"Records",
         {{{"messageId", "1"}, {"body", "ok"}}, {{"messageId", "2"}, {"body", "fail me"}}}}};
    auto r = h.run(functions::init_partial_batch, batch);
    CHECK(r.payload == json{{"batchItemFailures", {{{"itemIdentifier", "2"}}}}});
}

TEST_CASE("startStamp: the real time it started and what started it", "[unit]") {
    harness h;
    auto before = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
    json s3 = {{"Records", {{{"s3", {{"object", {{"key", "images/a.jpg"}}}}}}}}};
    auto r = h.run(functions::init_start_stamp, s3).payload;
    CHECK(r["mark"] == "images/a.jpg");
    CHECK(r["startedMicros"].get<std::int64_t>() >= before);
    json sqs = {{"Records", {{{"body", "job-7"}}}}};
    CHECK(h.run(functions::init_start_stamp, sqs).payload["mark"] == "job-7");
    json ddb = {{"Records", {{{"dynamodb", {{"Keys", {{"id", {{"S", "b1"}}}}}}}}}}};
    CHECK(h.run(functions::init_start_stamp, ddb).payload["mark"] == R"({"id":{"S":"b1"}})");
    CHECK(h.run(functions::init_start_stamp, {{"id", "x"}}).payload["mark"] == "x");
}
