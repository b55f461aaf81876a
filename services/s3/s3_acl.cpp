// S3 access control lists (accepted and validated, not enforced: cloudbox has one owner).
#include "s3/s3_acl.hpp"

#include "protocol/xml.hpp"
#include "s3/s3_errors.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_text.hpp"

#include <array>

namespace cloudbox::services::s3 {

namespace {

// Canned ACLs of objects and buckets. bucket-owner-read and bucket-owner-full-control are
// accepted (and ignored) on buckets; log-delivery-write on objects, as S3 does.
constexpr std::array<std::string_view, 8> canned_acls{
    "private",       "public-read",       "public-read-write",         "authenticated-read",
    "aws-exec-read", "bucket-owner-read", "bucket-owner-full-control", "log-delivery-write"};

constexpr std::array<std::string_view, 3> group_uris{
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
    "http://acs.amazonaws.com/groups/s3/LogDelivery"};

constexpr std::array<std::string_view, 5> permissions{"FULL_CONTROL", "WRITE", "WRITE_ACP", "READ",
                                                      "READ_ACP"};

constexpr std::array<std::string_view, 5> grant_headers{
    "x-amz-grant-full-control", "x-amz-grant-read", "x-amz-grant-read-acp", "x-amz-grant-write",
    "x-amz-grant-write-acp"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& set, std::string_view value) {
    for (auto v : set) {
        if (v == value) {
            return true;
        }
    }
    return false;
}

// A canonical user ID is 64 hexadecimal digits.
bool valid_canonical_id(std::string_view id) {
    return id.size() == 64 &&
           id.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

// The grantee's xsi:type attribute (any prefix bound to the XML Schema instance namespace).
std::string grantee_type(const protocol::xml_node& grantee) {
    for (const auto& [name, value] : grantee.attributes) {
        auto colon = name.find(':');
        std::string_view local = colon == std::string::npos
                                     ? std::string_view(name)
                                     : std::string_view(name).substr(colon + 1);
        if (local == "type" && !name.starts_with("xmlns")) {
            return value;
        }
    }
    return {};
}

} // namespace

std::string owner_full_control_acl_xml() {
    protocol::xml_writer w;
    w.open("AccessControlPolicy", s3_xmlns);
    w.open("Owner").element("ID", owner_id).element("DisplayName", owner_display_name).close();
    w.open("AccessControlList").open("Grant");
    w.open("Grantee", "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                      "xsi:type=\"CanonicalUser\"")
        .element("ID", owner_id)
        .element("DisplayName", owner_display_name)
        .close();
    w.element("Permission", "FULL_CONTROL");
    w.close().close();
    return std::move(w).str();
}

void validate_canned_acl(std::string_view acl) {
    if (!one_of(canned_acls, acl)) {
        // S3 answers an unknown canned ACL with an empty <Message/>.
        throw errors::invalid_argument("", "x-amz-acl", std::string(acl));
    }
}

void validate_grant_header(std::string_view header_name, std::string_view value) {
    for (std::string_view raw : split_list(value)) {
        std::string_view item = trim_blanks(raw);
        auto eq = item.find('=');
        std::string_view type =
            eq == std::string_view::npos ? item : trim_blanks(item.substr(0, eq));
        std::string_view id =
            eq == std::string_view::npos ? std::string_view{} : trim_blanks(item.substr(eq + 1));
        if (id.size() >= 2 && id.front() == '"' && id.back() == '"') {
            id = id.substr(1, id.size() - 2);
        }
        if (eq == std::string_view::npos ||
            (type != "id" && type != "uri" && type != "emailAddress")) {
            throw errors::invalid_argument("Argument format not recognized",
                                           std::string(header_name), std::string(item));
        }
        if (type == "uri" && !one_of(group_uris, id)) {
            throw errors::invalid_argument("Invalid group uri", "uri", std::string(id));
        }
        if (type == "id" && !valid_canonical_id(id)) {
            throw errors::invalid_argument("Invalid id", "id", std::string(id));
        }
    }
}

void validate_acl_body(std::string_view body) {
    auto doc = protocol::parse_xml(body);
    if (!doc || doc->name != "AccessControlPolicy") {
        throw errors::malformed_acl();
    }
    const auto* owner = doc->child("Owner");
    const auto* list = doc->child("AccessControlList");
    if (owner == nullptr || list == nullptr) {
        throw errors::malformed_acl();
    }
    auto owner_id_text = owner->child_text("ID").value_or("");
    if (!valid_canonical_id(owner_id_text)) {
        throw errors::invalid_argument("Invalid id", "CanonicalUser/ID", owner_id_text);
    }
    for (const auto* grant : list->children_named("Grant")) {
        auto permission = grant->child_text("Permission");
        const auto* grantee = grant->child("Grantee");
        if (!permission || !one_of(permissions, *permission) || grantee == nullptr) {
            throw errors::malformed_acl();
        }
        std::string type = grantee_type(*grantee);
        if (type == "Group") {
            auto uri = grantee->child_text("URI").value_or("");
            if (!one_of(group_uris, uri)) {
                throw errors::invalid_argument("Invalid group uri", "Group/URI", uri);
            }
        } else if (type == "CanonicalUser") {
            auto id = grantee->child_text("ID").value_or("");
            if (!valid_canonical_id(id)) {
                throw errors::invalid_argument("Invalid id", "CanonicalUser/ID", id);
            }
        } else if (type != "AmazonCustomerByEmail") {
            throw errors::malformed_acl();
        }
    }
}

void validate_acl_request(const service::request& req) {
    auto canned = req.headers.get("x-amz-acl");
    bool grants = false;
    for (auto name : grant_headers) {
        grants = grants || req.headers.has(name);
    }
    bool body = !req.body.empty();
    if (!canned && !grants && !body) {
        throw errors::missing_security_header("x-amz-acl");
    }
    if (canned && grants) {
        throw errors::invalid_request("Specifying both Canned ACLs and Header Grants is not "
                                      "allowed");
    }
    if ((canned || grants) && body) {
        throw errors::unexpected_content();
    }
    if (canned) {
        validate_canned_acl(*canned);
    } else if (grants) {
        for (auto name : grant_headers) {
            if (auto value = req.headers.get(name)) {
                validate_grant_header(name, *value);
            }
        }
    } else {
        validate_acl_body(req.body);
    }
}

} // namespace cloudbox::services::s3
