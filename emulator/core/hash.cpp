// Incremental digests: OpenSSL for MD5/SHA (its assembly is far faster than anything we would
// write), zlib for CRC32, a slice-by-8 table for CRC32C (zlib and OpenSSL do not offer it).
#include "core/hash.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <zlib.h>

#include <array>
#include <cstring>
#include <stdexcept>

namespace cloudbox::core {

namespace {

const EVP_MD* md_for(digest_kind kind) {
    switch (kind) {
    case digest_kind::md5:
        return EVP_md5();
    case digest_kind::sha1:
        return EVP_sha1();
    case digest_kind::sha256:
        return EVP_sha256();
    default:
        return nullptr;
    }
}

using crc_tables = std::array<std::array<std::uint32_t, 256>, 8>;

crc_tables make_crc32c_tables() {
    crc_tables t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k) {
            c = (c & 1) ? (c >> 1) ^ 0x82F63B78U : c >> 1;
        }
        t[0][i] = c;
    }
    for (std::uint32_t i = 0; i < 256; ++i) {
        for (std::size_t s = 1; s < 8; ++s) {
            t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFF];
        }
    }
    return t;
}

std::string be32(std::uint32_t v) {
    std::string out(4, '\0');
    out[0] = static_cast<char>(v >> 24);
    out[1] = static_cast<char>(v >> 16);
    out[2] = static_cast<char>(v >> 8);
    out[3] = static_cast<char>(v);
    return out;
}

} // namespace

std::uint32_t crc32c_update(std::uint32_t crc, const void* data, std::size_t size) {
    static const crc_tables t = make_crc32c_tables();
    const auto* p = static_cast<const unsigned char*>(data);
    crc = ~crc;
    while (size >= 8) {
        std::uint32_t lo;
        std::uint32_t hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + 4, 4);
        lo ^= crc;
        crc = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^
              t[3][hi & 0xFF] ^ t[2][(hi >> 8) & 0xFF] ^ t[1][(hi >> 16) & 0xFF] ^ t[0][hi >> 24];
        p += 8;
        size -= 8;
    }
    while (size-- > 0) {
        crc = (crc >> 8) ^ t[0][(crc ^ *p++) & 0xFF];
    }
    return ~crc;
}

hasher::hasher(digest_kind kind) : kind_(kind) {
    if (const EVP_MD* md = md_for(kind)) {
        auto* ctx = EVP_MD_CTX_new();
        if (ctx == nullptr || EVP_DigestInit_ex(ctx, md, nullptr) != 1) {
            EVP_MD_CTX_free(ctx);
            throw std::runtime_error("digest init failed");
        }
        evp_ = ctx;
    }
}

hasher::~hasher() {
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(evp_));
}

hasher::hasher(hasher&& other) noexcept : kind_(other.kind_), evp_(other.evp_), crc_(other.crc_) {
    other.evp_ = nullptr;
}

hasher& hasher::operator=(hasher&& other) noexcept {
    if (this != &other) {
        EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(evp_));
        kind_ = other.kind_;
        evp_ = other.evp_;
        crc_ = other.crc_;
        other.evp_ = nullptr;
    }
    return *this;
}

void hasher::update(const void* data, std::size_t size) {
    switch (kind_) {
    case digest_kind::crc32: {
        const auto* p = static_cast<const Bytef*>(data);
        while (size > 0) { // zlib takes uInt lengths
            auto n = static_cast<uInt>(std::min<std::size_t>(size, 1U << 30));
            crc_ = static_cast<std::uint32_t>(::crc32(crc_, p, n));
            p += n;
            size -= n;
        }
        break;
    }
    case digest_kind::crc32c:
        crc_ = crc32c_update(crc_, data, size);
        break;
    default:
        EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(evp_), data, size);
    }
}

std::string hasher::final_bytes() {
    if (kind_ == digest_kind::crc32 || kind_ == digest_kind::crc32c) {
        return be32(crc_);
    }
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(evp_), out, &len);
    return std::string(reinterpret_cast<const char*>(out), len);
}

std::string digest(digest_kind kind, std::string_view data) {
    hasher h(kind);
    h.update(data);
    return h.final_bytes();
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
    return std::string(reinterpret_cast<const char*>(out), len);
}

} // namespace cloudbox::core
