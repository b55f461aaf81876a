// Rules shared by the multipart upload operations: part numbers, the upload a request names,
// the Initiator/Owner elements and the list parameters.
#pragma once

#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_owner.hpp"

#include <charconv>
#include <cstdint>
#include <limits>
#include <string>

namespace cloudbox::services::s3 {

inline constexpr std::uint64_t min_part_size = 5ULL * 1024 * 1024; // all parts but the last
inline constexpr int max_part_number = 10000;

// partNumber of UploadPart / UploadPartCopy: an integer 1..10000, else InvalidArgument.
inline int part_number_of(const service::request& req) {
    std::string_view text = req.query.get("partNumber").value_or("");
    int n = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || n < 1 ||
        n > max_part_number) {
        throw errors::invalid_part_number(std::string(text));
    }
    return n;
}

// The upload named by ?uploadId= for this bucket and key. S3 answers NoSuchBucket before
// NoSuchUpload, and NoSuchUpload for an upload of another key.
inline upload_record require_upload(s3_call& call) {
    require_bucket(call);
    std::string upload_id(call.req.query.get("uploadId").value_or(""));
    auto upload = call.s3.store.get_upload(upload_id);
    if (!upload || upload->bucket != call.bucket() || upload->key != call.key()) {
        throw errors::no_such_upload(upload_id);
    }
    return *upload;
}

// <Initiator> and <Owner>: cloudbox has one owner, who initiates every upload.
inline void write_initiator_and_owner(protocol::xml_writer& w) {
    w.open("Initiator").element("ID", owner_id).element("DisplayName", owner_display_name).close();
    w.open("Owner").element("ID", owner_id).element("DisplayName", owner_display_name).close();
}

// max-parts, part-number-marker, max-uploads: S3 takes 0..2147483647 (InvalidArgument otherwise).
// ListParts takes an empty value as absent (empty_is_absent).
inline int list_argument(const service::request& req, std::string_view name, int fallback,
                         bool empty_is_absent = false) {
    auto value = req.query.get(name);
    if (!value || (empty_is_absent && value->empty())) {
        return fallback;
    }
    long long n = 0;
    auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
    if (value->empty() || ec != std::errc() || ptr != value->data() + value->size() || n < 0 ||
        n > std::numeric_limits<std::int32_t>::max()) {
        throw errors::invalid_list_argument(std::string(name), std::string(*value));
    }
    return static_cast<int>(n);
}

} // namespace cloudbox::services::s3
