// Bucket configuration documents: parse, re-render, defaults.
#include "s3/s3_bucket_documents.hpp"

#include "s3/s3_errors.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_validation.hpp"

namespace cloudbox::services::s3 {

namespace {

void write_node(protocol::xml_writer& w, const protocol::xml_node& node) {
    if (node.children.empty()) {
        w.element(node.name, node.text);
        return;
    }
    w.open(node.name); // mixed content between elements is only whitespace in these documents
    for (const auto& child : node.children) {
        write_node(w, child);
    }
    w.close();
}

} // namespace

protocol::xml_node parse_bucket_document(std::string_view body, std::string_view root_name) {
    auto doc = parse_body_xml(body);
    if (doc.name != root_name) {
        throw errors::malformed_xml();
    }
    return doc;
}

std::string render_bucket_document(const protocol::xml_node& root) {
    protocol::xml_writer w;
    w.open(root.name, s3_xmlns);
    for (const auto& child : root.children) {
        write_node(w, child);
    }
    w.close();
    return std::move(w).str();
}

std::string default_encryption_document() {
    protocol::xml_writer w;
    w.open("ServerSideEncryptionConfiguration", s3_xmlns).open("Rule");
    w.open("ApplyServerSideEncryptionByDefault").element("SSEAlgorithm", "AES256").close();
    w.element("BucketKeyEnabled", "false");
    w.close().close();
    return std::move(w).str();
}

bool document_flag(const protocol::xml_node& parent, std::string_view name) {
    auto value = parent.child_text(name);
    if (!value || *value == "false") {
        return false;
    }
    if (*value != "true") {
        throw errors::malformed_xml();
    }
    return true;
}

} // namespace cloudbox::services::s3
