// aws-chunked decoding: the SDK v3 streaming capture, signed chunks, every write boundary, errors.
#include "core/aws_error.hpp"
#include "core/encoding.hpp"
#include "core/hash.hpp"
#include "protocol/aws_chunked.hpp"
#include "wire_capture.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace cloudbox;
using protocol::aws_chunked_decoder;

namespace {

struct string_sink final : service::body_sink {
    std::string data;
    bool finished = false;
    void write(const char* p, std::size_t size) override { data.append(p, size); }
    void finish() override { finished = true; }
};

using trailer_list = std::vector<std::pair<std::string, std::string>>;

struct decoded {
    std::string payload;
    trailer_list trailers;
    std::uint64_t size = 0;
};

// Feeds body in pieces: [0, split) then the rest; split == npos means one byte at a time.
decoded decode(std::string_view body, std::size_t split) {
    string_sink sink;
    aws_chunked_decoder dec(sink);
    if (split == std::string_view::npos) {
        for (char c : body) {
            dec.write(&c, 1);
        }
    } else {
        dec.write(body.data(), split);
        dec.write(body.data() + split, body.size() - split);
    }
    dec.finish();
    REQUIRE(sink.finished);
    return {sink.data, dec.trailers(), dec.decoded_size()};
}

decoded decode(std::string_view body) {
    return decode(body, body.size());
}

// The error code thrown while writing and finishing body, or "" when it decodes.
std::string error_of(std::string_view body) {
    string_sink sink;
    aws_chunked_decoder dec(sink);
    try {
        dec.write(body.data(), body.size());
        dec.finish();
    } catch (const core::aws_error& e) {
        CHECK_FALSE(sink.finished);
        CHECK(e.http_status == 400);
        return e.code;
    }
    return "";
}

const std::string sig1 = "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648";
const std::string sig2 = "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9";

} // namespace

TEST_CASE("aws_chunked: decodes the SDK v3 streaming PutObject capture", "[unit]") {
    auto capture =
        test::load_capture(test::wire_dir() / "sdk-js-v3" / "s3-put-object-stream-001.raw");
    REQUIRE(capture.header("content-encoding") == "aws-chunked");
    REQUIRE(capture.header("transfer-encoding") == "chunked");
    // The SDK wrote each aws-chunked piece as its own HTTP chunk; the transport removes that layer.
    const std::string body = test::http_dechunk(capture.body);
    REQUIRE(body == "6\r\nhello-\r\n7\r\nstream\n\r\n0\r\nx-amz-checksum-crc32:IIPhRg==\r\n\r\n");

    auto d = decode(body);
    CHECK(d.payload == "hello-stream\n");
    CHECK(std::to_string(d.size) == capture.header("x-amz-decoded-content-length"));
    REQUIRE(d.trailers == trailer_list{{"x-amz-checksum-crc32", "IIPhRg=="}});
    CHECK(core::base64_encode(core::digest(core::digest_kind::crc32, d.payload)) ==
          d.trailers[0].second);
}

TEST_CASE("aws_chunked: every write boundary gives the same result", "[unit]") {
    const std::string unsigned_body =
        "6\r\nhello-\r\n7\r\nstream\n\r\n0\r\nx-amz-checksum-crc32:IIPhRg==\r\n\r\n";
    const std::string signed_body =
        "5;chunk-signature=" + sig1 + "\r\nhello\r\n" + "0;chunk-signature=" + sig2 + "\r\n" +
        "x-amz-checksum-crc32c:sOO8/Q==\r\n" + "x-amz-trailer-signature:" + sig1 + "\r\n\r\n";
    for (const auto* body : {&unsigned_body, &signed_body}) {
        const auto whole = decode(*body);
        for (std::size_t split = 0; split <= body->size(); ++split) {
            auto d = decode(*body, split);
            CHECK(d.payload == whole.payload);
            CHECK(d.trailers == whole.trailers);
            CHECK(d.size == whole.size);
        }
        auto bytewise = decode(*body, std::string_view::npos);
        CHECK(bytewise.payload == whole.payload);
        CHECK(bytewise.trailers == whole.trailers);
    }
    CHECK(decode(unsigned_body).payload == "hello-stream\n");
    auto s = decode(signed_body);
    CHECK(s.payload == "hello");
    CHECK(s.trailers ==
          trailer_list{{"x-amz-checksum-crc32c", "sOO8/Q=="}, {"x-amz-trailer-signature", sig1}});
}

TEST_CASE("aws_chunked: signed chunks without trailers, hex sizes and empty bodies", "[unit]") {
    // STREAMING-AWS4-HMAC-SHA256-PAYLOAD: the signature extension is ignored, not the data.
    const std::string sixteen(16, 'x');
    auto d = decode("10;chunk-signature=" + sig1 + "\r\n" + sixteen + "\r\n" +
                    "A;chunk-signature=" + sig2 + "\r\n0123456789\r\n" +
                    "0;chunk-signature=" + sig2 + "\r\n\r\n");
    CHECK(d.payload == sixteen + "0123456789");
    CHECK(d.size == 26);
    CHECK(d.trailers.empty());

    auto empty = decode("0\r\n\r\n");
    CHECK(empty.payload.empty());
    CHECK(empty.size == 0);

    // Some clients stop right after the trailers or add a stray CRLF: both are accepted.
    CHECK(decode("3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n").payload == "abc");
    CHECK(decode("3\r\nabc\r\n0\r\n\r\n\r\n").payload == "abc");
    // Trailer names are lower-cased, leading blanks of the value dropped.
    CHECK(decode("0\r\nX-Amz-Checksum-SHA256:  abc=\r\n\r\n").trailers ==
          trailer_list{{"x-amz-checksum-sha256", "abc="}});
}

TEST_CASE("aws_chunked: malformed chunk sizes are InvalidRequest", "[unit]") {
    CHECK(error_of("zz\r\nabc\r\n0\r\n\r\n") == "InvalidRequest");
    CHECK(error_of("\r\nabc\r\n0\r\n\r\n") == "InvalidRequest");
    CHECK(error_of(";chunk-signature=abc\r\n") == "InvalidRequest");
    CHECK(error_of("-1\r\n") == "InvalidRequest");
    CHECK(error_of(" 3\r\nabc\r\n0\r\n\r\n") == "InvalidRequest");
    CHECK(error_of("0x3\r\nabc\r\n0\r\n\r\n") == "InvalidRequest");
    CHECK(error_of("11111111111111111\r\n") == "InvalidRequest"); // 17 hex digits overflow
    CHECK(error_of(std::string(5000, '1')) == "InvalidRequest");  // size line never ends
}

TEST_CASE("aws_chunked: framing errors after data and in trailers", "[unit]") {
    // Chunk longer than declared: the byte after the data must be CR LF.
    CHECK(error_of("3\r\nabcd\r\n0\r\n\r\n") == "InvalidRequest");
    CHECK(error_of("3\r\nabc\n\n0\r\n\r\n") == "InvalidRequest");
    // Trailer line without a colon.
    CHECK(error_of("0\r\nx-amz-checksum-crc32\r\n\r\n") == "InvalidRequest");
    // Data after the final chunk.
    CHECK(error_of("3\r\nabc\r\n0\r\n\r\nmore") == "InvalidRequest");
    CHECK(error_of("0\r\n\r\n\r\nx") == "InvalidRequest");
}

TEST_CASE("aws_chunked: a truncated body is IncompleteBody on finish", "[unit]") {
    CHECK(error_of("") == "IncompleteBody");
    CHECK(error_of("6") == "IncompleteBody");
    CHECK(error_of("6\r\nhel") == "IncompleteBody");
    CHECK(error_of("6\r\nhello-") == "IncompleteBody");
    CHECK(error_of("6\r\nhello-\r") == "IncompleteBody");
    CHECK(error_of("6\r\nhello-\r\n") == "IncompleteBody");
    CHECK(error_of("6\r\nhello-\r\n0") == "IncompleteBody");
    CHECK(error_of("6\r\nhello-\r\n0\r\nx-amz-checksum-crc32:II") == "IncompleteBody");

    // The payload sink saw the bytes that did arrive, but was never finished.
    string_sink sink;
    aws_chunked_decoder dec(sink);
    dec.write("6\r\nhel", 6);
    CHECK_THROWS_AS(dec.finish(), core::aws_error);
    CHECK(sink.data == "hel");
    CHECK_FALSE(sink.finished);
}
