// The body sink for PutObject and UploadPart.
#include "s3/s3_upload_sink.hpp"

#include "s3/s3_errors.hpp"

namespace cloudbox::services::s3 {

s3_upload_sink::s3_upload_sink(const storage::blob_store& blobs, upload_sink_options options)
    : blobs_(blobs), options_(options) {
    if (options_.aws_chunked) {
        decoder_ = std::make_unique<protocol::aws_chunked_decoder>(payload_);
    }
    if (options_.checksum) {
        checksum_hasher_.emplace(*options_.checksum);
    }
    if (options_.sha256) {
        sha256_hasher_.emplace(core::digest_kind::sha256);
    }
}

void s3_upload_sink::write(const char* data, std::size_t size) {
    if (decoder_) {
        decoder_->write(data, size);
    } else {
        consume(data, size);
    }
}

void s3_upload_sink::consume(const char* data, std::size_t size) {
    size_ += size;
    if (options_.max_size > 0 && size_ > options_.max_size) {
        throw errors::entity_too_large(size_, options_.max_size);
    }
    md5_hasher_.update(data, size);
    if (checksum_hasher_) {
        checksum_hasher_->update(data, size);
    }
    if (sha256_hasher_) {
        sha256_hasher_->update(data, size);
    }
    if (!writer_ && inline_.size() + size <= options_.inline_limit) {
        inline_.append(data, size);
        return;
    }
    if (!writer_) {
        writer_ = blobs_.create();
        writer_->write(inline_.data(), inline_.size());
        inline_.clear();
        inline_.shrink_to_fit();
    }
    writer_->write(data, size);
}

void s3_upload_sink::finish() {
    if (decoder_) {
        decoder_->finish();
    }
    md5_ = md5_hasher_.final_bytes();
    if (checksum_hasher_) {
        checksum_ = checksum_hasher_->final_bytes();
    }
    if (sha256_hasher_) {
        sha256_ = sha256_hasher_->final_bytes();
    }
}

std::optional<std::string> s3_upload_sink::trailer(std::string_view name) const {
    if (decoder_) {
        for (const auto& [n, v] : decoder_->trailers()) {
            if (n == name) {
                return v;
            }
        }
    }
    return std::nullopt;
}

std::string s3_upload_sink::commit_blob() {
    if (!writer_) {
        writer_ = blobs_.create();
        writer_->write(inline_.data(), inline_.size());
        inline_.clear();
    }
    return writer_->commit();
}

} // namespace cloudbox::services::s3
