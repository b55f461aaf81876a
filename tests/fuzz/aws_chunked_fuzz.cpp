// libFuzzer target: the aws-chunked decoder gives the same result however the body is split.
#include "core/aws_error.hpp"
#include "protocol/aws_chunked.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

struct string_sink final : cloudbox::service::body_sink {
    std::string data;
    bool finished = false;
    void write(const char* p, std::size_t size) override { data.append(p, size); }
    void finish() override { finished = true; }
};

struct outcome {
    std::string error; // aws_error code, empty when the body decoded
    std::string payload;
    bool finished = false;
    std::vector<std::pair<std::string, std::string>> trailers;
    std::uint64_t decoded = 0;

    bool operator==(const outcome&) const = default;
};

// Writes body in pieces of at most `step` bytes (0 = all at once), then finishes.
outcome run(std::string_view body, std::size_t step) {
    string_sink sink;
    cloudbox::protocol::aws_chunked_decoder decoder(sink);
    outcome out;
    try {
        if (step == 0) {
            decoder.write(body.data(), body.size());
        } else {
            for (std::size_t pos = 0; pos < body.size(); pos += step) {
                decoder.write(body.data() + pos, std::min(step, body.size() - pos));
            }
        }
        decoder.finish();
    } catch (const cloudbox::core::aws_error& e) {
        if (e.code != "InvalidRequest" && e.code != "IncompleteBody") {
            __builtin_trap();
        }
        out.error = e.code;
    }
    out.payload = sink.data;
    out.finished = sink.finished;
    out.trailers = decoder.trailers();
    out.decoded = decoder.decoded_size();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view body(reinterpret_cast<const char*>(data), size);
    outcome whole = run(body, 0);
    if (whole.payload.size() != whole.decoded || whole.finished != whole.error.empty()) {
        __builtin_trap();
    }
    for (std::size_t step : {std::size_t{1}, std::size_t{3}, size / 2 + 1}) {
        if (!(run(body, step) == whole)) {
            __builtin_trap();
        }
    }
    return 0;
}
