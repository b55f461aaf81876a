// GetObject and HeadObject.
#include "s3/s3_object_reader.hpp"

#include "core/time_format.hpp"
#include "s3/s3_byte_range.hpp"
#include "s3/s3_conditions.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_version_id.hpp"

namespace cloudbox::services::s3 {

namespace {

struct byte_range {
    std::uint64_t first = 0;
    std::uint64_t last = 0; // inclusive
};

// "bytes=a-b", "bytes=a-", "bytes=-n". A header S3 cannot parse (or several ranges) is ignored
// and the whole object returned; a range that starts past the end is InvalidRange (416).
std::optional<byte_range> parse_range(std::string_view header, std::uint64_t size) {
    auto ends = split_byte_range(header);
    if (!ends || header.find(',') != std::string_view::npos) {
        return std::nullopt;
    }
    auto [a, b] = *ends;
    std::uint64_t first = 0;
    std::uint64_t last = 0;
    if (a.empty()) {
        std::uint64_t suffix = 0;
        if (!parse_uint(b, suffix)) {
            return std::nullopt;
        }
        if (suffix == 0 || size == 0) {
            throw errors::invalid_range(size, std::string(header));
        }
        first = suffix >= size ? 0 : size - suffix;
        return byte_range{first, size - 1};
    }
    if (!parse_uint(a, first)) {
        return std::nullopt;
    }
    if (b.empty()) {
        last = size == 0 ? 0 : size - 1;
    } else if (!parse_uint(b, last) || last < first) {
        return std::nullopt;
    }
    if (first >= size) {
        throw errors::invalid_range(size, std::string(header));
    }
    return byte_range{first, std::min(last, size - 1)};
}

} // namespace

bool not_modified(const service::request& req, const std::string& etag,
                  std::int64_t last_modified_ms, std::int64_t now_ms) {
    std::int64_t modified = last_modified_ms / 1000;
    auto if_match = req.headers.get("if-match");
    if (if_match) {
        if (!etag_list_matches(*if_match, etag)) {
            throw errors::precondition_failed("If-Match");
        }
    } else if (auto since = header_date_seconds(req, "if-unmodified-since");
               since && modified > *since) {
        throw errors::precondition_failed("If-Unmodified-Since");
    }
    if (auto if_none = req.headers.get("if-none-match")) {
        return etag_list_matches(*if_none, etag);
    }
    if (auto since = header_date_seconds(req, "if-modified-since");
        since && *since <= now_ms / 1000 && modified <= *since) {
        return true;
    }
    return false;
}

void attach_body(s3_call& call, const object_record& o, std::uint64_t offset, std::uint64_t length,
                 service::response& res) {
    if (o.inline_data) {
        res.body = o.inline_data->substr(static_cast<std::size_t>(offset),
                                         static_cast<std::size_t>(length));
        return;
    }
    std::uint64_t position = 0;
    for (const auto& seg : o.segments) {
        std::uint64_t seg_end = position + seg.length;
        if (length > 0 && offset < seg_end && offset + length > position) {
            std::uint64_t from = std::max(offset, position);
            std::uint64_t to = std::min(offset + length, seg_end);
            auto file = call.s3.blobs.open(seg.blob_id);
            if (!file) {
                throw object_data_replaced("object data missing for " + o.key);
            }
            res.segments.push_back({file, seg.offset + (from - position), to - from});
        }
        position = seg_end;
    }
}

namespace {

service::response read_object_once(s3_call& call, bool head) {
    auto object = call.s3.store.get_object(call.bucket(), call.key());
    if (!object) {
        require_bucket(call);
        throw errors::no_such_key(call.key());
    }
    const object_record& o = *object;
    const auto& req = call.req;
    service::response res;
    if (not_modified(req, o.etag, o.last_modified_ms, call.s3.clock.now_millis())) {
        res.status = 304;
        res.headers.set("etag", quote_etag(o.etag));
        res.headers.set("last-modified",
                        core::format_http_date(core::from_millis(o.last_modified_ms)));
        res.omit_body = true;
        return res;
    }

    std::uint64_t offset = 0;
    std::uint64_t length = o.size;
    bool partial = false;
    if (auto part = req.query.get("partNumber")) {
        std::uint64_t n = 0;
        if (!parse_uint(*part, n) || n < 1 || n > 10000) {
            throw errors::invalid_argument("Part number must be an integer between 1 and 10000, "
                                           "inclusive",
                                           "partNumber", std::string(*part));
        }
        if (req.headers.has("range")) {
            throw errors::invalid_request(
                "Cannot specify both Range header and partNumber query parameter");
        }
        if (o.parts_count == 0) {
            // A simple object is one part: part 1 is a 'ranged' read of all of it (206).
            if (n != 1) {
                throw errors::part_number_not_satisfiable(std::string(*part), 1);
            }
            partial = o.size > 0;
        } else {
            if (n > o.part_sizes.size()) {
                throw errors::part_number_not_satisfiable(std::string(*part), o.part_sizes.size());
            }
            for (std::size_t i = 0; i + 1 < n; ++i) {
                offset += o.part_sizes[i];
            }
            length = o.part_sizes[n - 1];
            partial = true;
        }
    } else if (auto range_header = req.headers.get("range")) {
        if (auto range = parse_range(*range_header, o.size)) {
            offset = range->first;
            length = range->last - range->first + 1;
            partial = true;
        }
    }

    bool checksum_mode = req.headers.get("x-amz-checksum-mode") == "ENABLED" && !partial;
    add_object_headers(res, o, checksum_mode);
    // S3 reports the part count only to a request that asked for a part.
    if (o.parts_count > 0 && req.query.has("partNumber")) {
        res.headers.set("x-amz-mp-parts-count", std::to_string(o.parts_count));
    }
    if (partial) {
        res.status = 206;
        res.headers.set("content-range", "bytes " + std::to_string(offset) + "-" +
                                             std::to_string(offset + length - 1) + "/" +
                                             std::to_string(o.size));
    }
    // response-* query parameters override the stored headers.
    static constexpr std::pair<std::string_view, std::string_view> overrides[] = {
        {"response-content-type", "content-type"},
        {"response-content-language", "content-language"},
        {"response-expires", "expires"},
        {"response-cache-control", "cache-control"},
        {"response-content-disposition", "content-disposition"},
        {"response-content-encoding", "content-encoding"},
    };
    for (auto [param, header] : overrides) {
        if (auto v = req.query.get(param)) {
            res.headers.set(header, std::string(*v));
        }
    }
    if (head) {
        res.omit_body = true;
        res.declared_length = length;
    } else {
        attach_body(call, o, offset, length, res);
    }
    return res;
}

} // namespace

service::response read_object(s3_call& call, bool head) {
    check_version_id_query(call.req);
    // A concurrent overwrite may delete the blobs of the row just read: read it again, as S3
    // would answer with the old or the new object, never an error.
    for (int attempt = 1;; ++attempt) {
        try {
            return read_object_once(call, head);
        } catch (const object_data_replaced&) {
            if (attempt == 3) {
                throw;
            }
        }
    }
}

} // namespace cloudbox::services::s3
