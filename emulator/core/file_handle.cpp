// An owned, read-only file descriptor.
#include "core/file_handle.hpp"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace cloudbox::core {

file_handle::~file_handle() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

long file_handle::read_at(void* buffer, std::size_t size, std::uint64_t offset) const {
    for (;;) {
        ssize_t n = ::pread(fd_, buffer, size, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        return static_cast<long>(n);
    }
}

std::shared_ptr<file_handle> file_handle::open_read(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return nullptr;
    }
    return std::make_shared<file_handle>(fd);
}

} // namespace cloudbox::core
