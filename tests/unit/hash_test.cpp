// Digests against published vectors and the checksums real clients sent in the wire captures.
#include "core/encoding.hpp"
#include "core/hash.hpp"
#include "wire_capture.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using namespace cloudbox;
using core::digest_kind;

namespace {

std::string hex_digest(digest_kind kind, std::string_view data) {
    return core::to_hex(core::digest(kind, data));
}

std::string b64_digest(digest_kind kind, std::string_view data) {
    return core::base64_encode(core::digest(kind, data));
}

std::uint32_t crc32c_of(std::string_view data) {
    return core::crc32c_update(0, data.data(), data.size());
}

std::string sample_bytes() {
    std::string s;
    for (int i = 0; i < 40; ++i) {
        for (int b = 0; b < 256; ++b) {
            s.push_back(static_cast<char>(b));
        }
    }
    return s + "tail";
}

} // namespace

TEST_CASE("hash: MD5, SHA-1 and SHA-256 match the published vectors", "[unit]") {
    CHECK(hex_digest(digest_kind::md5, "") == "d41d8cd98f00b204e9800998ecf8427e");
    CHECK(hex_digest(digest_kind::md5, "abc") == "900150983cd24fb0d6963f7d28e17f72");
    CHECK(hex_digest(digest_kind::md5, "The quick brown fox jumps over the lazy dog") ==
          "9e107d9d372bb6826bd81d3542a419d6");
    CHECK(hex_digest(digest_kind::sha1, "abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(hex_digest(digest_kind::sha1, "The quick brown fox jumps over the lazy dog") ==
          "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
    CHECK(hex_digest(digest_kind::sha256, "") ==
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hex_digest(digest_kind::sha256, "abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(core::digest(digest_kind::md5, "abc").size() == 16);
    CHECK(core::digest(digest_kind::sha1, "abc").size() == 20);
    CHECK(core::digest(digest_kind::sha256, "abc").size() == 32);
}

TEST_CASE("hash: CRC32 and CRC32C match the check values, big-endian", "[unit]") {
    CHECK(hex_digest(digest_kind::crc32, "123456789") == "cbf43926");
    CHECK(hex_digest(digest_kind::crc32c, "123456789") == "e3069283");
    CHECK(crc32c_of("123456789") == 0xE3069283U);
    CHECK(hex_digest(digest_kind::crc32, "") == "00000000");
    CHECK(hex_digest(digest_kind::crc32c, "") == "00000000");
    // RFC 3720 (iSCSI) appendix B.4 vectors: exercise the 8-byte-at-a-time path.
    CHECK(crc32c_of(std::string(32, '\0')) == 0x8A9136AAU);
    CHECK(crc32c_of(std::string(32, '\xff')) == 0x62A8AB43U);
    std::string ascending;
    for (int i = 0; i < 32; ++i) {
        ascending.push_back(static_cast<char>(i));
    }
    CHECK(crc32c_of(ascending) == 0x46DD794EU);
}

TEST_CASE("hash: checksums agree with what real clients sent for hello-body", "[unit]") {
    // awscli v1 sent x-amz-checksum-crc32 and awscli v2 Content-MD5 for the same 11-byte body.
    auto v1 = test::load_capture(test::wire_dir() / "awscli-v1-pyenv" / "s3-cp-put-001.raw");
    REQUIRE(v1.body == "hello-body\n");
    CHECK(b64_digest(digest_kind::crc32, v1.body) == v1.header("x-amz-checksum-crc32"));
    CHECK(b64_digest(digest_kind::crc32, v1.body) == "nMBvIA==");
    CHECK(hex_digest(digest_kind::sha256, v1.body) == v1.header("x-amz-content-sha256"));

    auto v2 = test::load_capture(test::wire_dir() / "awscli-v2" / "s3-cp-put-001.raw");
    REQUIRE(v2.body == "hello-body\n");
    CHECK(b64_digest(digest_kind::md5, v2.body) == v2.header("content-md5"));
    CHECK(b64_digest(digest_kind::md5, v2.body) == "uZC4sp2synuhybRz60EySw==");
}

TEST_CASE("hash: incremental updates at any split equal the one-shot digest", "[unit]") {
    const std::string data = sample_bytes();
    CHECK(hex_digest(digest_kind::sha256, data) ==
          "2949a0b13bda31266e582cfb3d63e8f27394bb90ceb94efb1fbbd250f9fbfc31");
    CHECK(hex_digest(digest_kind::crc32, data) == "12e91791");

    for (auto kind : {digest_kind::md5, digest_kind::sha1, digest_kind::sha256, digest_kind::crc32,
                      digest_kind::crc32c}) {
        const std::string expected = core::digest(kind, data);
        for (std::size_t split : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{8},
                                  std::size_t{9}, std::size_t{4097}, data.size()}) {
            core::hasher h(kind);
            h.update(data.substr(0, split));
            h.update(data.substr(split));
            CHECK(h.final_bytes() == expected);
        }
        // Byte by byte: the CRC32C tail loop and table path must agree.
        core::hasher h(kind);
        for (char c : data) {
            h.update(&c, 1);
        }
        CHECK(h.final_bytes() == expected);
    }

    std::uint32_t crc = 0;
    crc = core::crc32c_update(crc, "1234", 4);
    crc = core::crc32c_update(crc, "56789", 5);
    CHECK(crc == 0xE3069283U);
}

TEST_CASE("hash: a moved hasher keeps its running state", "[unit]") {
    for (auto kind : {digest_kind::sha256, digest_kind::crc32c}) {
        core::hasher a(kind);
        a.update("1234");
        core::hasher b(std::move(a));
        b.update("56789");
        core::hasher c(digest_kind::md5);
        c = std::move(b);
        CHECK(c.kind() == kind);
        CHECK(c.final_bytes() == core::digest(kind, "123456789"));
    }
}

TEST_CASE("hash: HMAC-SHA256 matches RFC 4231", "[unit]") {
    // Test case 1.
    CHECK(core::to_hex(core::hmac_sha256(std::string(20, '\x0b'), "Hi There")) ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    // Test case 2: key shorter than the block.
    CHECK(core::to_hex(core::hmac_sha256("Jefe", "what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // Test case 6: key longer than the block is hashed first.
    CHECK(
        core::to_hex(core::hmac_sha256(std::string(131, '\xaa'),
                                       "Test Using Larger Than Block-Size Key - Hash Key First")) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}
