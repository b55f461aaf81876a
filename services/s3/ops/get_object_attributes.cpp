// GetObjectAttributes: GET /bucket/key?attributes answers the attributes named by
// x-amz-object-attributes (ETag, Checksum, ObjectParts, StorageClass, ObjectSize) in one
// <GetObjectAttributesResponse>, with Last-Modified as a header. The ETag is unquoted here.
#include "core/encoding.hpp"
#include "core/time_format.hpp"
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_object_digest.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_text.hpp"
#include "s3/s3_version_id.hpp"

#include <array>
#include <charconv>

namespace cloudbox::services::s3::ops {

namespace {

constexpr std::array<std::string_view, 5> attribute_names{"ETag", "Checksum", "ObjectParts",
                                                          "StorageClass", "ObjectSize"};

core::aws_error invalid_attribute(std::string_view value) {
    return errors::invalid_argument("Invalid attribute name specified.", "x-amz-object-attributes",
                                    std::string(value));
}

// The attributes asked for (botocore joins the list with commas; a header may also repeat).
// None, or a name S3 does not know: InvalidArgument "Invalid attribute name specified.".
std::array<bool, 5> requested_attributes(const service::request& req) {
    std::array<bool, 5> wanted{};
    bool any = false;
    for (const auto& [name, value] : req.headers.entries()) {
        if (name != "x-amz-object-attributes") {
            continue;
        }
        for (std::string_view raw : split_list(value)) {
            std::string_view item = trim_blanks(raw);
            bool known = false;
            for (std::size_t i = 0; i < attribute_names.size(); ++i) {
                if (attribute_names[i] == item) {
                    wanted[i] = known = any = true;
                }
            }
            if (!known) {
                throw invalid_attribute(item);
            }
        }
    }
    if (!any) {
        throw invalid_attribute("");
    }
    return wanted;
}

int int_header(const service::request& req, std::string_view name, int fallback) {
    auto v = req.headers.get(name);
    if (!v) {
        return fallback;
    }
    int out = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || ptr != v->data() + v->size() || out < 0) {
        throw errors::invalid_argument("Provided " + std::string(name) +
                                           " not an integer or within integer range",
                                       std::string(name), std::string(*v));
    }
    return out;
}

// <ObjectParts> of a multipart object. S3 lists the parts only when the object has a COMPOSITE
// (per-part) checksum; otherwise only their count. Part checksums are recomputed from the
// stored bytes, part by part.
void write_object_parts(s3_call& call, const object_record& o, protocol::xml_writer& w) {
    w.open("ObjectParts").element("PartsCount", o.parts_count);
    auto spec = o.checksum_algorithm ? checksum_by_name(*o.checksum_algorithm) : std::nullopt;
    if (!spec || o.checksum_type != "COMPOSITE") {
        w.close();
        return;
    }
    int marker = int_header(call.req, "x-amz-part-number-marker", 0);
    int max_parts = int_header(call.req, "x-amz-max-parts", 1000);
    int total = static_cast<int>(o.part_sizes.size());
    int last = std::min(total, marker + max_parts);
    w.element("PartNumberMarker", marker)
        .element("NextPartNumberMarker", last > marker ? last : 0)
        .element("MaxParts", max_parts)
        .element("IsTruncated", last < total ? "true" : "false");
    std::uint64_t offset = 0;
    for (int i = 0; i < last; ++i) {
        std::uint64_t size = o.part_sizes[static_cast<std::size_t>(i)];
        if (i >= marker) {
            std::string digest = digest_object_range(call.s3, o, offset, size, spec->kind);
            w.open("Part")
                .element("PartNumber", i + 1)
                .element("Size", static_cast<long long>(size))
                .element("Checksum" + std::string(spec->algorithm), core::base64_encode(digest))
                .close();
        }
        offset += size;
    }
    w.close();
}

} // namespace

service::response get_object_attributes(s3_call& call) {
    auto wanted = requested_attributes(call.req);
    auto object = call.s3.store.get_object(call.bucket(), call.key());
    if (!object) {
        require_bucket(call);
        throw errors::no_such_key(call.key());
    }
    check_version_id_query(call.req);
    const object_record& o = *object;

    protocol::xml_writer w;
    w.open("GetObjectAttributesResponse", s3_xmlns);
    if (wanted[0]) {
        w.element("ETag", o.etag);
    }
    if (wanted[1] && o.checksum_algorithm && o.checksum_value) {
        // A multipart object's composite checksum is stored as "value-N"; this answer carries
        // the value alone (the part count is in ObjectParts).
        std::string value = *o.checksum_value;
        if (o.parts_count > 0) {
            value = value.substr(0, value.rfind('-'));
        }
        w.open("Checksum").element("Checksum" + *o.checksum_algorithm, value);
        if (o.checksum_type) {
            w.element("ChecksumType", *o.checksum_type);
        }
        w.close();
    }
    if (wanted[2] && o.parts_count > 0) {
        write_object_parts(call, o, w);
    }
    if (wanted[3]) {
        w.element("StorageClass", o.storage_class);
    }
    if (wanted[4]) {
        w.element("ObjectSize", static_cast<long long>(o.size));
    }
    auto res = xml_response(std::move(w).str());
    res.headers.set("last-modified", core::format_http_date(core::from_millis(o.last_modified_ms)));
    return res;
}

} // namespace cloudbox::services::s3::ops
