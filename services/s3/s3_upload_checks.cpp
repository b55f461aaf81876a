// Integrity checks S3 runs on an uploaded body.
#include "s3/s3_upload_checks.hpp"

#include "core/encoding.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_errors.hpp"

#include <charconv>

namespace cloudbox::services::s3 {

namespace {

// S3 refuses a checksum value that is not the base64 of a digest of the algorithm's size.
void check_checksum_value(const checksum_spec& spec, std::string_view value) {
    std::size_t size = spec.kind == core::digest_kind::sha1     ? 20
                       : spec.kind == core::digest_kind::sha256 ? 32
                                                                : 4;
    auto raw = core::base64_decode(value);
    if (!raw || raw->size() != size) {
        throw errors::invalid_checksum_header(std::string(spec.header));
    }
}

} // namespace

s3_upload_sink& upload_sink_of(const service::request& req) {
    auto* sink = req.sink_as<s3_upload_sink>();
    if (sink == nullptr) {
        throw std::logic_error("upload request without an upload sink");
    }
    return *sink;
}

std::optional<verified_checksum> verify_upload(const service::request& req,
                                               const s3_upload_sink& sink) {
    if (auto md5 = req.headers.get("content-md5")) {
        auto expected = core::base64_decode(*md5);
        if (!expected || expected->size() != 16) {
            throw errors::invalid_digest(std::string(*md5));
        }
        if (*expected != sink.md5()) {
            throw errors::bad_digest(std::string(*md5), core::base64_encode(sink.md5()));
        }
    }
    if (sink.sha256()) {
        auto client = req.headers.get("x-amz-content-sha256").value_or("");
        auto computed = core::to_hex(*sink.sha256());
        if (client != computed) {
            throw errors::content_sha256_mismatch(std::string(client), computed);
        }
    }
    if (auto decoded = req.headers.get("x-amz-decoded-content-length")) {
        std::uint64_t declared = 0;
        auto [ptr, ec] =
            std::from_chars(decoded->data(), decoded->data() + decoded->size(), declared);
        if (ec != std::errc() || declared != sink.size()) {
            throw errors::incomplete_body();
        }
    }
    auto spec = requested_checksum(req);
    if (!spec || !sink.checksum()) {
        return std::nullopt;
    }
    std::string computed = core::base64_encode(*sink.checksum());
    std::optional<std::string> expected;
    if (auto header = req.headers.get(spec->header)) {
        expected = std::string(*header);
    } else {
        expected = sink.trailer(spec->header);
    }
    if (expected) {
        check_checksum_value(*spec, *expected);
    }
    if (expected && *expected != computed) {
        throw errors::checksum_mismatch(std::string(spec->algorithm));
    }
    return verified_checksum{std::string(spec->algorithm), computed};
}

} // namespace cloudbox::services::s3
