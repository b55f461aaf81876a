// Incremental digests used by the wire protocols: MD5 (ETag, Content-MD5), SHA-1, SHA-256
// (SigV4 payload hash, flexible checksums), CRC32 and CRC32C (flexible checksums).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace cloudbox::core {

enum class digest_kind { md5, sha1, sha256, crc32, crc32c };

// One running digest; final() returns the raw bytes (CRCs big-endian, as AWS encodes them).
class hasher {
  public:
    explicit hasher(digest_kind kind);
    ~hasher();
    hasher(hasher&&) noexcept;
    hasher& operator=(hasher&&) noexcept;
    hasher(const hasher&) = delete;
    hasher& operator=(const hasher&) = delete;

    void update(const void* data, std::size_t size);
    void update(std::string_view data) { update(data.data(), data.size()); }
    std::string final_bytes(); // may be called once
    digest_kind kind() const { return kind_; }

  private:
    digest_kind kind_;
    void* evp_ = nullptr; // EVP_MD_CTX for md5/sha*
    std::uint32_t crc_ = 0;
};

std::string digest(digest_kind kind, std::string_view data); // raw bytes
std::uint32_t crc32c_update(std::uint32_t crc, const void* data, std::size_t size);
std::string hmac_sha256(std::string_view key, std::string_view data); // raw bytes

} // namespace cloudbox::core
