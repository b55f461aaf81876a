// The body sink for PutObject and UploadPart: decodes aws-chunked framing, hashes the payload
// (MD5 for the ETag, the requested flexible checksum, SHA-256 when the client sent one) and keeps
// small bodies in memory, larger ones streaming into a blob file.
#pragma once

#include "core/hash.hpp"
#include "protocol/aws_chunked.hpp"
#include "service/request.hpp"
#include "storage/blob_store.hpp"

#include <memory>
#include <optional>
#include <string>

namespace cloudbox::services::s3 {

struct upload_sink_options {
    std::uint64_t inline_limit = 0; // bodies up to this size stay in memory (0: always a blob)
    std::uint64_t max_size = 0;     // EntityTooLarge beyond this
    std::optional<core::digest_kind> checksum; // flexible checksum to compute
    bool sha256 = false;      // compute SHA-256 (x-amz-content-sha256 given as hex)
    bool aws_chunked = false; // Content-Encoding: aws-chunked framing
};

class s3_upload_sink final : public service::body_sink {
  public:
    s3_upload_sink(const storage::blob_store& blobs, upload_sink_options options);

    void write(const char* data, std::size_t size) override;
    void finish() override;

    // Results, valid after finish().
    std::uint64_t size() const { return size_; }
    const std::string& md5() const { return md5_; }                          // raw bytes
    const std::optional<std::string>& checksum() const { return checksum_; } // raw bytes
    const std::optional<std::string>& sha256() const { return sha256_; }     // raw bytes
    // Trailing headers of an aws-chunked body (x-amz-checksum-*), names lower-cased.
    std::optional<std::string> trailer(std::string_view name) const;

    bool is_inline() const { return writer_ == nullptr; }
    std::string take_inline() { return std::move(inline_); }
    std::string commit_blob(); // publishes the blob and returns its id

  private:
    struct payload_sink final : service::body_sink {
        s3_upload_sink& owner;
        explicit payload_sink(s3_upload_sink& o) : owner(o) {}
        void write(const char* data, std::size_t size) override { owner.consume(data, size); }
        void finish() override {}
    };
    void consume(const char* data, std::size_t size);

    const storage::blob_store& blobs_;
    upload_sink_options options_;
    payload_sink payload_{*this};
    std::unique_ptr<protocol::aws_chunked_decoder> decoder_;
    core::hasher md5_hasher_{core::digest_kind::md5};
    std::optional<core::hasher> checksum_hasher_;
    std::optional<core::hasher> sha256_hasher_;
    std::string inline_;
    std::unique_ptr<storage::blob_writer> writer_;
    std::uint64_t size_ = 0;
    std::string md5_;
    std::optional<std::string> checksum_;
    std::optional<std::string> sha256_;
};

} // namespace cloudbox::services::s3
