// Bucket configuration documents that cloudbox stores but does not act on (lifecycle, website,
// encryption, public access block, ownership controls): parsing a PUT body and rendering what
// the GET answers.
#pragma once

#include "protocol/xml.hpp"

#include <string>
#include <string_view>

namespace cloudbox::services::s3 {

// Parses a request body whose root element must be `root_name`; MalformedXML otherwise.
protocol::xml_node parse_bucket_document(std::string_view body, std::string_view root_name);

// Renders a parsed document back as S3 answers it: an XML declaration, S3's namespace on the
// root, elements in the order sent, text escaped, attributes dropped.
std::string render_bucket_document(const protocol::xml_node& root);

// The configuration every bucket has unless another one is put: SSE-S3 (AES256), as S3 applies
// to all buckets since January 2023.
std::string default_encryption_document();

// True for S3's boolean spellings of a document element ("true"/"false"); MalformedXML
// otherwise. A missing element is false.
bool document_flag(const protocol::xml_node& parent, std::string_view name);

} // namespace cloudbox::services::s3
