// A Beast body type for service::response: bytes in memory, or file segments streamed with
// pread in bounded chunks (S3 objects are never loaded whole).
#pragma once

#include "service/response.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>

#include <memory>

namespace cloudbox::http {

struct response_body {
    struct value_type {
        std::string text;
        std::vector<service::file_segment> segments;
    };

    static std::uint64_t size(const value_type& v) {
        if (v.segments.empty()) {
            return v.text.size();
        }
        std::uint64_t total = 0;
        for (const auto& s : v.segments) {
            total += s.length;
        }
        return total;
    }

    class writer {
      public:
        using const_buffers_type = boost::asio::const_buffer;

        template <bool IsRequest, class Fields>
        writer(const boost::beast::http::header<IsRequest, Fields>&, const value_type& body)
            : body_(body) {}

        void init(boost::beast::error_code& ec) { ec = {}; }

        boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code& ec) {
            ec = {};
            if (body_.segments.empty()) {
                if (text_sent_ || body_.text.empty()) {
                    return boost::none;
                }
                text_sent_ = true;
                return {{const_buffers_type(body_.text.data(), body_.text.size()), false}};
            }
            const auto& segs = body_.segments;
            while (index_ < segs.size() && position_ >= segs[index_].length) {
                ++index_;
                position_ = 0;
            }
            if (index_ >= segs.size()) {
                return boost::none;
            }
            if (!buffer_) {
                buffer_ = std::make_unique<char[]>(chunk_size);
            }
            const auto& seg = segs[index_];
            auto want = static_cast<std::size_t>(
                std::min<std::uint64_t>(chunk_size, seg.length - position_));
            long n = seg.file->read_at(buffer_.get(), want, seg.offset + position_);
            if (n <= 0) {
                ec = boost::beast::errc::make_error_code(boost::beast::errc::io_error);
                return boost::none;
            }
            position_ += static_cast<std::uint64_t>(n);
            bool more = !(index_ + 1 == segs.size() && position_ >= seg.length);
            return {{const_buffers_type(buffer_.get(), static_cast<std::size_t>(n)), more}};
        }

      private:
        static constexpr std::size_t chunk_size = 256 * 1024;
        const value_type& body_;
        bool text_sent_ = false;
        std::size_t index_ = 0;
        std::uint64_t position_ = 0;
        std::unique_ptr<char[]> buffer_;
    };
};

} // namespace cloudbox::http
