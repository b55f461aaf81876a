// Decoder for `Content-Encoding: aws-chunked` bodies (SigV4 streaming, with or without chunk
// signatures, with optional trailing headers such as x-amz-checksum-crc32), as a sink adaptor.
#pragma once

#include "service/request.hpp"

#include <string>
#include <utility>
#include <vector>

namespace cloudbox::protocol {

class aws_chunked_decoder final : public service::body_sink {
  public:
    explicit aws_chunked_decoder(service::body_sink& payload) : payload_(payload) {}

    void write(const char* data, std::size_t size) override;
    void finish() override; // throws IncompleteBody when the final chunk never came

    // Trailing headers, names lower-cased (x-amz-checksum-*, x-amz-trailer-signature).
    const std::vector<std::pair<std::string, std::string>>& trailers() const { return trailers_; }
    std::uint64_t decoded_size() const { return decoded_; }

  private:
    enum class state { size_line, data, data_crlf, trailers, done };
    void on_line(std::string_view line);

    service::body_sink& payload_;
    state state_ = state::size_line;
    std::string line_;
    std::uint64_t remaining_ = 0;
    std::uint64_t decoded_ = 0;
    std::vector<std::pair<std::string, std::string>> trailers_;
};

} // namespace cloudbox::protocol
