// Request rules and XML pieces shared by the bucket listings (ListObjects, ListObjectsV2,
// ListObjectVersions): max-keys, encoding-type, continuation tokens, S3's URL encoding.
#pragma once

#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_types.hpp"
#include "service/request.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cloudbox::services::s3 {

// S3 returns at most this many entries per page, whatever max-keys asks for.
inline constexpr int max_list_page = 1000;

// max-keys as requested (default 1000). S3: "Provided max-keys not an integer or within integer
// range" (ArgumentName max-keys) for non-numbers and values past 32 bits, "Argument maxKeys must
// be an integer between 0 and 2147483647" (ArgumentName maxKeys) for negatives.
int parse_max_keys(const service::request& req);

// True for encoding-type=url; any other value is InvalidArgument "Invalid Encoding Method
// specified in Request".
bool parse_encoding_type(const service::request& req);

// The encoding S3 applies to keys under encoding-type=url (observed): letters, digits and
// "-_.*/" stay, a space becomes '+', every other byte is %XX (upper-case hex). botocore decodes
// it with unquote_plus.
std::string s3_url_encode(std::string_view text);

// ListObjectsV2 continuation tokens are opaque to clients; cloudbox's carry the last key (or
// common prefix) returned. nullopt when the token is not one of ours.
std::string make_continuation_token(const std::string& last_key);
std::optional<std::string> parse_continuation_token(std::string_view token);

// The parameters every bucket listing takes.
struct listing_params {
    bool url = false;             // encoding-type=url
    int max_keys = max_list_page; // as requested (a page holds at most max_list_page)
    std::string prefix;
    std::string delimiter;

    // `text` as the response carries it: S3's URL encoding under encoding-type=url.
    std::string encode(const std::string& text) const;
};

// encoding-type, then max-keys (their errors come in this order), prefix and delimiter.
listing_params parse_listing_params(const service::request& req);

// The page of the bucket's keys and common prefixes after `start_after` (exclusive).
list_result list_page(s3_call& call, const listing_params& params, std::string start_after);

// Opens the result element `root` and writes what every listing starts with: Name, Prefix.
void open_listing(protocol::xml_writer& w, std::string_view root, const std::string& bucket,
                  const listing_params& params);

// The elements that close every listing, after the operation's own markers: MaxKeys,
// Delimiter, EncodingType, IsTruncated, one entry per object (written by `write_entry`), then
// the CommonPrefixes.
void write_listing_page(protocol::xml_writer& w, const listing_params& params,
                        const list_result& result,
                        const std::function<void(const object_summary&)>& write_entry);

// Writes LastModified, ETag, ChecksumAlgorithm, ChecksumType and Size: the run <Contents> and
// <Version> share.
void write_summary_fields(protocol::xml_writer& w, const object_summary& o);
// Writes <Contents> for one object (ListObjects, ListObjectsV2), in S3's element order.
void write_list_contents(protocol::xml_writer& w, const object_summary& o, bool url, bool owner);
// Writes the <CommonPrefixes> of a listing.
void write_common_prefixes(protocol::xml_writer& w, const list_result& result, bool url);
// Writes <Owner><ID/><DisplayName/></Owner>.
void write_owner(protocol::xml_writer& w);

} // namespace cloudbox::services::s3
