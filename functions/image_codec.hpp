// JPEG (libjpeg-turbo) and PNG (libpng) decode/encode, and an area-averaging resize.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudbox::functions {

struct image {
    int width = 0;
    int height = 0;
    int channels = 3; // 3 = RGB, 4 = RGBA
    std::vector<std::uint8_t> pixels;
};

std::optional<image> decode_jpeg(std::string_view bytes);
std::string encode_jpeg(const image& img, int quality = 85);
std::optional<image> decode_png(std::string_view bytes);
std::string encode_png(const image& img);

// Resamples to exactly width x height, averaging the source pixels each target pixel covers.
image resize(const image& src, int width, int height);

// The size that fits inside max_width x max_height with the aspect ratio kept (never larger
// than the source, never zero).
std::pair<int, int> fit_inside(int width, int height, int max_width, int max_height);

} // namespace cloudbox::functions
