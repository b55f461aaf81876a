// PutBucketLifecycleConfiguration: PUT /bucket?lifecycle replaces the bucket's lifecycle rules.
// The rules are checked as S3 checks them and stored; cloudbox does not run them
// (objects never expire or change storage class).
#include "s3/ops/ops.hpp"
#include "s3/s3_body_checks.hpp"
#include "s3/s3_bucket_documents.hpp"

#include <set>
#include <string>

namespace cloudbox::services::s3::ops {

namespace {

// S3's checks of one rule, with its errors (recorded AWS answers): MalformedXML for a rule
// without Filter or Prefix, a Filter naming more than one condition, an empty
// NoncurrentVersionExpiration, or ExpiredObjectDeleteMarker with Days / Date.
void check_rule(const protocol::xml_node& rule) {
    auto status = rule.child_text("Status");
    if (!status || (*status != "Enabled" && *status != "Disabled")) {
        throw errors::malformed_xml();
    }
    const auto* filter = rule.child("Filter");
    if (filter == nullptr && !rule.child("Prefix")) {
        throw errors::malformed_xml();
    }
    if (filter != nullptr) {
        int conditions = 0;
        for (const char* name :
             {"Prefix", "Tag", "And", "ObjectSizeGreaterThan", "ObjectSizeLessThan"}) {
            conditions += filter->child(name) ? 1 : 0;
        }
        if (conditions > 1) {
            throw errors::malformed_xml();
        }
        if (const auto* all = filter->child("And")) {
            std::set<std::string> keys;
            for (const auto* tag : all->children_named("Tag")) {
                if (!keys.insert(std::string(tag->child_text("Key").value_or(""))).second) {
                    throw errors::invalid_request("Duplicate Tag Keys are not allowed.");
                }
            }
        }
    }
    if (const auto* noncurrent = rule.child("NoncurrentVersionExpiration");
        noncurrent != nullptr && !noncurrent->child("NoncurrentDays")) {
        throw errors::malformed_xml();
    }
    if (const auto* expiration = rule.child("Expiration")) {
        if (expiration->child("ExpiredObjectDeleteMarker") &&
            (expiration->child("Days") || expiration->child("Date"))) {
            throw errors::malformed_xml();
        }
        if (auto date = expiration->child_text("Date")) {
            // "2023-01-01T00:00:00Z" (or with .000 / +00:00): only midnight is a valid date.
            auto t = date->find('T');
            std::string time = t == std::string::npos ? "" : date->substr(t + 1);
            if (!time.starts_with("00:00:00")) {
                throw errors::invalid_argument("'Date' must be at midnight GMT", "Date", *date);
            }
        }
    }
}

} // namespace

service::response put_bucket_lifecycle_configuration(s3_call& call) {
    require_bucket(call);
    verify_body_integrity(call.req, true);
    auto doc = parse_bucket_document(call.req.body, "LifecycleConfiguration");
    auto rules = doc.children_named("Rule");
    if (rules.empty()) {
        throw errors::malformed_xml();
    }
    for (const auto* rule : rules) {
        check_rule(*rule);
    }
    call.s3.store.set_bucket_config(call.bucket(), "lifecycle", render_bucket_document(doc));
    return {};
}

} // namespace cloudbox::services::s3::ops
