// DeleteObjects: POST /bucket?delete with <Delete><Object><Key/><VersionId/></Object>...
// <Quiet/></Delete>. Up to 1,000 keys are removed in one transaction; each is reported <Deleted>
// (a key that did not exist too) or, per key, <Error>. Quiet mode reports only the errors.
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_body_checks.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_validation.hpp"
#include "s3/s3_version_id.hpp"

namespace cloudbox::services::s3::ops {

namespace {

constexpr std::size_t max_keys_per_request = 1000;
constexpr std::size_t max_key_bytes = 1024;

struct entry {
    std::string key;
    std::optional<std::string> version_id;
    // Set when this key fails on its own (the others are still deleted).
    std::string error_code;
    std::string error_message;
};

// The request document; MalformedXML for anything the schema refuses: another root, no Object,
// more than 1,000, an Object without a Key or with an empty one.
std::vector<entry> parse_delete(std::string_view body, bool& quiet) {
    auto doc = parse_body_xml(body);
    if (doc.name != "Delete") {
        throw errors::malformed_xml();
    }
    auto objects = doc.children_named("Object");
    if (objects.empty() || objects.size() > max_keys_per_request) {
        throw errors::malformed_xml();
    }
    // XML Schema booleans: "true" or "1".
    auto q = doc.child_text("Quiet");
    quiet = q && (*q == "true" || *q == "1");
    std::vector<entry> out;
    out.reserve(objects.size());
    for (const auto* object : objects) {
        auto key = object->child_text("Key");
        if (!key || key->empty()) {
            throw errors::malformed_xml();
        }
        out.push_back({std::move(*key), object->child_text("VersionId"), {}, {}});
    }
    return out;
}

} // namespace

service::response delete_objects(s3_call& call) {
    require_bucket(call);
    // S3 requires an integrity header here (botocore marks the operation
    // requestChecksumRequired): the CLI sends Content-MD5, newer SDKs x-amz-checksum-crc32.
    verify_body_integrity(call.req, true);
    bool quiet = false;
    std::vector<entry> entries = parse_delete(call.req.body, quiet);

    std::vector<std::string> keys;
    for (auto& e : entries) {
        if (e.key.size() > max_key_bytes) {
            e.error_code = "KeyTooLongError";
            e.error_message = "Your key is too long";
        } else if (e.version_id && !is_null_version(*e.version_id)) {
            // Only the "null" version exists in a bucket without versioning.
            e.error_code = "NoSuchVersion";
            e.error_message = "The specified version does not exist.";
        } else {
            keys.push_back(e.key);
        }
    }
    call.s3.free_blobs(call.s3.store.delete_objects(call.bucket(), keys));
    for (const auto& key : keys) {
        publish_object_event(call, "ObjectRemoved:Delete", key);
    }

    protocol::xml_writer w;
    w.open("DeleteResult", s3_xmlns);
    if (!quiet) {
        for (const auto& e : entries) {
            if (e.error_code.empty()) {
                w.open("Deleted").element("Key", e.key);
                if (e.version_id) {
                    w.element("VersionId", *e.version_id);
                }
                w.close();
            }
        }
    }
    for (const auto& e : entries) {
        if (!e.error_code.empty()) {
            w.open("Error").element("Key", e.key);
            if (e.version_id) {
                w.element("VersionId", *e.version_id);
            }
            w.element("Code", e.error_code).element("Message", e.error_message).close();
        }
    }
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
