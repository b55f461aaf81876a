// F06 createThumbnailAndStoreInDB: fits an uploaded JPEG/PNG inside width x height (from its
// metadata, default 200x200), stores thumbs/<key> with the same metadata, and the `images` item.
// Fixed from the book's listing: the event key is URL-decoded, an unsupported type stops the
// handler, failures are reported (so retries and the DLQ see them), small images are not upscaled.
#include "function_text.hpp"
#include "functions.hpp"
#include "image_codec.hpp"

#include <algorithm>
#include <charconv>

namespace cloudbox::functions {

using lambda::invocation_context;
using lambda::invocation_response;
using lambda::json;

namespace {

constexpr int default_max_width = 200;
constexpr int default_max_height = 200;

int metadata_int(const std::map<std::string, std::string>& metadata, const std::string& name,
                 int fallback) {
    auto it = metadata.find(name);
    if (it == metadata.end()) {
        return fallback;
    }
    int value = 0;
    auto [ptr, ec] =
        std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
    return ec == std::errc() && value > 0 ? value : fallback;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

lambda::handler_fn init_create_thumbnail(lambda::init_context&) {
    return [](const json& event, invocation_context& ctx) -> invocation_response {
        if (!event.is_object() || !event.contains("Records") || !event["Records"].is_array() ||
            event["Records"].empty()) {
            return invocation_response::failure("The event has no S3 record", "Error");
        }
        const json& s3 = event["Records"][0].value("s3", json::object());
        std::string bucket = s3.value("bucket", json::object()).value("name", "");
        std::string key = decode_event_key(s3.value("object", json::object()).value("key", ""));
        std::string dst_key = "thumbs/" + key;

        auto dot = key.rfind('.');
        if (dot == std::string::npos || key.find('/', dot) != std::string::npos) {
            return invocation_response::failure(
                "Could not determine the image type for key: " + key, "Error");
        }
        std::string type = lower(key.substr(dot + 1));
        if (type != "jpg" && type != "jpeg" && type != "png") {
            return invocation_response::failure("Unsupported image type: " + type, "Error");
        }
        try {
            auto object = ctx.aws->s3_get_object(bucket, key);
            auto decoded = type == "png" ? decode_png(object.body) : decode_jpeg(object.body);
            if (!decoded) {
                return invocation_response::failure("Could not decode " + bucket + "/" + key,
                                                    "Error");
            }
            int max_w = metadata_int(object.metadata, "width", default_max_width);
            int max_h = metadata_int(object.metadata, "height", default_max_height);
            auto [w, h] = fit_inside(decoded->width, decoded->height, max_w, max_h);
            image thumb = resize(*decoded, w, h);
            std::string bytes = type == "png" ? encode_png(thumb) : encode_jpeg(thumb);
            std::string content_type = object.content_type.empty()
                                           ? (type == "png" ? "image/png" : "image/jpeg")
                                           : object.content_type;
            ctx.aws->s3_put_object(bucket, dst_key, std::move(bytes), content_type,
                                   object.metadata);

            json item = {{"name", {{"S", key}}},
                         {"thumbnail", {{"S", dst_key}}},
                         {"timestamp", {{"S", iso8601_millis(ctx.now())}}}};
            for (const char* field : {"author", "title", "description"}) {
                if (auto it = object.metadata.find(field); it != object.metadata.end()) {
                    item[field] = {{"S", it->second}};
                }
            }
            ctx.aws->call("dynamodb", "PutItem",
                          {{"TableName", ctx.env("TABLE", "images")}, {"Item", item}});
            ctx.log->log("Successfully resized " + bucket + "/" + key + " and uploaded to " +
                         bucket + "/" + dst_key);
            return invocation_response::ok(nullptr);
        } catch (const lambda::aws_client_error& e) {
            ctx.log->log("ERROR " + std::string(e.what()));
            return invocation_response::failure(e.message, e.code);
        }
    };
}

} // namespace cloudbox::functions
