// S3 input rules shared by several operations.
#include "s3/s3_validation.hpp"

#include "protocol/query_string.hpp"
#include "s3/s3_errors.hpp"

#include <set>

namespace cloudbox::services::s3 {

bool valid_bucket_name(std::string_view name) {
    if (name.size() < 3 || name.size() > 63) {
        return false;
    }
    for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
        if (!ok) {
            return false;
        }
    }
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!alnum(name.front()) || !alnum(name.back())) {
        return false;
    }
    if (name.find("..") != std::string_view::npos || name.find(".-") != std::string_view::npos ||
        name.find("-.") != std::string_view::npos) {
        return false;
    }
    if (name.starts_with("xn--") || name.starts_with("sthree-") ||
        name.starts_with("amzn-s3-demo-") || name.ends_with("-s3alias") ||
        name.ends_with("--ol-s3") || name.ends_with(".mrap") || name.ends_with("--x-s3")) {
        return false;
    }
    // Not formatted as an IPv4 address.
    int dots = 0;
    bool digits_and_dots = true;
    for (char c : name) {
        dots += c == '.';
        digits_and_dots = digits_and_dots && ((c >= '0' && c <= '9') || c == '.');
    }
    return !(digits_and_dots && dots == 3);
}

void check_key(const std::string& key) {
    if (key.size() > 1024) {
        throw errors::key_too_long()
            .with("Size", std::to_string(key.size()))
            .with("MaxSizeAllowed", "1024");
    }
}

protocol::xml_node parse_body_xml(std::string_view body) {
    auto doc = protocol::parse_xml(body);
    if (!doc) {
        throw errors::malformed_xml();
    }
    return std::move(*doc);
}

void validate_tags(const string_pairs& tags, std::size_t max_tags) {
    if (tags.size() > max_tags) {
        if (max_tags == 10) {
            // S3 answers too many object tags with the generic BadRequest code (observed, e.g.
            // boto/boto3#1213), not InvalidTag.
            throw core::aws_error("BadRequest", "Object tags cannot be greater than 10", 400);
        }
        throw errors::invalid_tag("Bucket tag count cannot be greater than 50");
    }
    std::set<std::string> seen;
    for (const auto& [k, v] : tags) {
        if (k.empty() || k.size() > 128) {
            throw errors::invalid_tag("The TagKey you have provided is invalid");
        }
        if (v.size() > 256) {
            throw errors::invalid_tag("The TagValue you have provided is invalid");
        }
        if (k.starts_with("aws:")) {
            throw errors::invalid_tag("Your TagKey cannot be prefixed with aws:");
        }
        if (!seen.insert(k).second) {
            throw errors::invalid_tag("Cannot provide multiple Tags with the same key");
        }
    }
}

string_pairs parse_tagging_xml(std::string_view body, std::size_t max_tags) {
    auto doc = parse_body_xml(body);
    const auto* set = doc.name == "Tagging" ? doc.child("TagSet") : nullptr;
    if (set == nullptr) {
        throw errors::malformed_xml();
    }
    string_pairs tags;
    for (const auto* tag : set->children_named("Tag")) {
        auto key = tag->child_text("Key");
        auto value = tag->child_text("Value");
        if (!key || !value) {
            throw errors::malformed_xml();
        }
        tags.emplace_back(std::move(*key), std::move(*value));
    }
    validate_tags(tags, max_tags);
    return tags;
}

string_pairs parse_tagging_header(std::string_view header) {
    auto params = protocol::parse_query(header);
    if (!params) {
        throw errors::invalid_argument("The header 'x-amz-tagging' shall be encoded as UTF-8 "
                                       "then URLEncoded URL query parameters without tag name "
                                       "duplicates.",
                                       "x-amz-tagging", std::string(header));
    }
    string_pairs tags(params->entries().begin(), params->entries().end());
    validate_tags(tags, 10);
    return tags;
}

} // namespace cloudbox::services::s3
