// JPEG and PNG codecs for the thumbnail function, and the resize it uses.
#include "image_codec.hpp"

#include <algorithm>
#include <cmath>
#include <png.h>
#include <turbojpeg.h>

namespace cloudbox::functions {

namespace {

struct tj_handle {
    tjhandle h;
    explicit tj_handle(tjhandle handle) : h(handle) {}
    ~tj_handle() {
        if (h != nullptr) {
            tjDestroy(h);
        }
    }
    tj_handle(const tj_handle&) = delete;
    tj_handle& operator=(const tj_handle&) = delete;
};

const unsigned char* as_uchar(std::string_view bytes) {
    return reinterpret_cast<const unsigned char*>(bytes.data());
}

} // namespace

std::optional<image> decode_jpeg(std::string_view bytes) {
    tj_handle tj(tjInitDecompress());
    int w = 0;
    int h = 0;
    int subsamp = 0;
    int colorspace = 0;
    if (tj.h == nullptr ||
        tjDecompressHeader3(tj.h, as_uchar(bytes), static_cast<unsigned long>(bytes.size()), &w, &h,
                            &subsamp, &colorspace) != 0 ||
        w <= 0 || h <= 0) {
        return std::nullopt;
    }
    image img;
    img.width = w;
    img.height = h;
    img.channels = 3;
    img.pixels.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    if (tjDecompress2(tj.h, as_uchar(bytes), static_cast<unsigned long>(bytes.size()),
                      img.pixels.data(), w, 0, h, TJPF_RGB, TJFLAG_ACCURATEDCT) != 0) {
        return std::nullopt;
    }
    return img;
}

std::string encode_jpeg(const image& img, int quality) {
    tj_handle tj(tjInitCompress());
    unsigned char* out = nullptr;
    unsigned long size = 0;
    int format = img.channels == 4 ? TJPF_RGBA : TJPF_RGB;
    if (tj.h == nullptr || tjCompress2(tj.h, img.pixels.data(), img.width, 0, img.height, format,
                                       &out, &size, TJSAMP_420, quality, TJFLAG_ACCURATEDCT) != 0) {
        if (out != nullptr) {
            tjFree(out);
        }
        return {};
    }
    std::string bytes(reinterpret_cast<const char*>(out), size);
    tjFree(out);
    return bytes;
}

std::optional<image> decode_png(std::string_view bytes) {
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (png_image_begin_read_from_memory(&png, bytes.data(), bytes.size()) == 0) {
        return std::nullopt;
    }
    png.format = PNG_FORMAT_RGBA;
    image img;
    img.width = static_cast<int>(png.width);
    img.height = static_cast<int>(png.height);
    img.channels = 4;
    img.pixels.resize(PNG_IMAGE_SIZE(png));
    if (png_image_finish_read(&png, nullptr, img.pixels.data(), 0, nullptr) == 0) {
        png_image_free(&png);
        return std::nullopt;
    }
    return img;
}

std::string encode_png(const image& img) {
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    png.width = static_cast<png_uint_32>(img.width);
    png.height = static_cast<png_uint_32>(img.height);
    png.format = img.channels == 4 ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
    png_alloc_size_t size = 0;
    if (png_image_write_to_memory(&png, nullptr, &size, 0, img.pixels.data(), 0, nullptr) == 0) {
        return {};
    }
    std::string bytes(size, '\0');
    if (png_image_write_to_memory(&png, bytes.data(), &size, 0, img.pixels.data(), 0, nullptr) ==
        0) {
        return {};
    }
    bytes.resize(size);
    return bytes;
}

image resize(const image& src, int width, int height) {
    image out;
    out.width = width;
    out.height = height;
    out.channels = src.channels;
    const auto ch = static_cast<std::size_t>(src.channels);
    out.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * ch);
    double sx = static_cast<double>(src.width) / width;
    double sy = static_cast<double>(src.height) / height;
    for (int y = 0; y < height; ++y) {
        int y0 = static_cast<int>(std::floor(y * sy));
        int y1 = std::max(y0 + 1, std::min(src.height, static_cast<int>(std::ceil((y + 1) * sy))));
        for (int x = 0; x < width; ++x) {
            int x0 = static_cast<int>(std::floor(x * sx));
            int x1 =
                std::max(x0 + 1, std::min(src.width, static_cast<int>(std::ceil((x + 1) * sx))));
            for (std::size_t c = 0; c < ch; ++c) {
                std::uint64_t sum = 0;
                for (int yy = y0; yy < y1; ++yy) {
                    for (int xx = x0; xx < x1; ++xx) {
                        sum += src.pixels[(static_cast<std::size_t>(yy) *
                                               static_cast<std::size_t>(src.width) +
                                           static_cast<std::size_t>(xx)) *
                                              ch +
                                          c];
                    }
                }
                auto count = static_cast<std::uint64_t>((y1 - y0) * (x1 - x0));
                out.pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                            static_cast<std::size_t>(x)) *
                               ch +
                           c] = static_cast<std::uint8_t>(sum / count);
            }
        }
    }
    return out;
}

std::pair<int, int> fit_inside(int width, int height, int max_width, int max_height) {
    double scale = std::min(
        {static_cast<double>(max_width) / width, static_cast<double>(max_height) / height, 1.0});
    int w = std::max(1, static_cast<int>(std::floor(width * scale)));
    int h = std::max(1, static_cast<int>(std::floor(height * scale)));
    return {std::min(w, std::max(1, max_width)), std::min(h, std::max(1, max_height))};
}

} // namespace cloudbox::functions
