// F08 purgeBucketByPrefix: deletes objects under PREFIX (default tmp/) of BUCKET whose key
// timestamp (YYYYMMDDHHMMSS after the prefix, UTC) is older than MAX_AGE_SECONDS (default 3600).
// Fixed from the book's listing: pages follow the last key when NextMarker is absent (AWS sends
// it only with a delimiter), "now" and the key times are both UTC, keys without a timestamp are
// left alone, and a failed delete is reported instead of calling the missing console.fail.
#include "functions.hpp"

#include <charconv>
#include <chrono>

namespace cloudbox::functions {

using lambda::invocation_context;
using lambda::invocation_response;
using lambda::json;

namespace {

std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
    if (at + count > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    auto [ptr, ec] = std::from_chars(text.data() + at, text.data() + at + count, value);
    if (ec != std::errc() || ptr != text.data() + at + count) {
        return std::nullopt;
    }
    return value;
}

// The UTC instant a key names after its prefix, or nullopt when it names none.
std::optional<std::chrono::system_clock::time_point> key_time(std::string_view key,
                                                              std::size_t prefix_length) {
    auto y = digits(key, prefix_length, 4);
    auto mo = digits(key, prefix_length + 4, 2);
    auto d = digits(key, prefix_length + 6, 2);
    auto h = digits(key, prefix_length + 8, 2);
    auto mi = digits(key, prefix_length + 10, 2);
    auto s = digits(key, prefix_length + 12, 2);
    if (!y || !mo || !d || !h || !mi || !s) {
        return std::nullopt;
    }
    std::chrono::year_month_day ymd{std::chrono::year(*y),
                                    std::chrono::month(static_cast<unsigned>(*mo)),
                                    std::chrono::day(static_cast<unsigned>(*d))};
    if (!ymd.ok() || *h > 23 || *mi > 59 || *s > 60) {
        return std::nullopt;
    }
    return std::chrono::sys_days(ymd) + std::chrono::hours(*h) + std::chrono::minutes(*mi) +
           std::chrono::seconds(*s);
}

} // namespace

lambda::handler_fn init_purge_bucket_by_prefix(lambda::init_context&) {
    return [](const json& event, invocation_context& ctx) -> invocation_response {
        ctx.log->log("Received event: " + event.dump());
        std::string bucket = ctx.env("BUCKET");
        if (bucket.empty()) {
            return invocation_response::failure("The BUCKET environment variable is not set",
                                                "Error");
        }
        std::string prefix = ctx.env("PREFIX", "tmp/");
        long max_age = 3600;
        std::string max_age_text = ctx.env("MAX_AGE_SECONDS", "3600");
        std::from_chars(max_age_text.data(), max_age_text.data() + max_age_text.size(), max_age);
        auto now = ctx.now();
        int found = 0;
        int deleted = 0;
        try {
            std::string marker;
            while (true) {
                auto page = ctx.aws->s3_list_objects(bucket, prefix, marker);
                found += static_cast<int>(page.contents.size());
                for (const auto& item : page.contents) {
                    auto when = key_time(item.key, prefix.size());
                    if (!when) {
                        continue;
                    }
                    auto age = std::chrono::duration_cast<std::chrono::seconds>(now - *when);
                    if (age.count() > max_age) {
                        ctx.aws->s3_delete_object(bucket, item.key);
                        ++deleted;
                    }
                }
                if (!page.is_truncated || page.contents.empty()) {
                    break;
                }
                marker = page.next_marker.empty() ? page.contents.back().key : page.next_marker;
            }
        } catch (const lambda::aws_client_error& e) {
            return invocation_response::failure(e.message, e.code);
        }
        ctx.log->log(std::to_string(found) + " objects found, " + std::to_string(deleted) +
                     " deleted");
        return invocation_response::ok(std::to_string(deleted) + " objects deleted");
    };
}

} // namespace cloudbox::functions
