// S3 input rules shared by several operations: bucket names, keys, tag sets.
#pragma once

#include "protocol/xml.hpp"
#include "s3/s3_types.hpp"

#include <string>
#include <string_view>

namespace cloudbox::services::s3 {

// S3's general-purpose bucket naming rules (3-63 chars, lower-case letters, digits, '.', '-',
// starts and ends with a letter or digit, no "..", not an IP address, reserved prefixes and
// suffixes refused).
bool valid_bucket_name(std::string_view name);

// Throws KeyTooLongError for keys over 1,024 bytes.
void check_key(const std::string& key);

// <Tagging><TagSet><Tag><Key/><Value/></Tag>...</TagSet></Tagging>, validated as S3 does
// (InvalidTag: duplicate keys, more than `max_tags`, key > 128 or value > 256 characters).
string_pairs parse_tagging_xml(std::string_view body, std::size_t max_tags);
// x-amz-tagging header: URL-encoded "k1=v1&k2=v2".
string_pairs parse_tagging_header(std::string_view header);
void validate_tags(const string_pairs& tags, std::size_t max_tags);

// Parses a request body as XML, or throws MalformedXML.
protocol::xml_node parse_body_xml(std::string_view body);

} // namespace cloudbox::services::s3
