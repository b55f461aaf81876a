// Unnamed files published by linkat, with the temp-name fallback.
#include "storage/unnamed_file.hpp"

#include "core/ids.hpp"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <system_error>
#include <unistd.h>

namespace cloudbox::storage {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void throw_errno(const std::string& what) {
    throw std::system_error(errno, std::generic_category(), what);
}

// linkat of an O_TMPFILE descriptor by its /proc path needs no privilege (AT_EMPTY_PATH does).
bool proc_fd_available() {
    static const bool available = ::access("/proc/self/fd", X_OK) == 0;
    return available;
}

} // namespace

unnamed_file::unnamed_file(const fs::path& temp_dir) {
    if (proc_fd_available()) {
        fd_ = ::open(temp_dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
        if (fd_ >= 0) {
            return;
        }
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
            throw_errno("create unnamed file in " + temp_dir.string());
        }
    }
    temp_path_ = temp_dir / (".tmp-" + core::random_hex(8));
    fd_ = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd_ < 0) {
        throw_errno("create " + temp_path_.string());
    }
}

unnamed_file::~unnamed_file() {
    if (fd_ >= 0) {
        ::close(fd_); // an unpublished O_TMPFILE inode is freed with its last descriptor
    }
    if (!published_ && !temp_path_.empty()) {
        ::unlink(temp_path_.c_str());
    }
}

void unnamed_file::write(const void* data, std::size_t size) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        ssize_t n = ::write(fd_, p, size);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw_errno("write");
        }
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

void unnamed_file::sync() {
    if (::fsync(fd_) != 0) {
        throw_errno("fsync");
    }
}

void unnamed_file::publish(const fs::path& target) {
    if (temp_path_.empty()) {
        std::string proc = "/proc/self/fd/" + std::to_string(fd_);
        if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, target.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            throw_errno("link " + target.string());
        }
    } else {
        // link + unlink rather than rename: like linkat, it never replaces an existing file.
        // A file system without hard links gets rename (the callers' names are unique).
        if (::link(temp_path_.c_str(), target.c_str()) == 0) {
            ::unlink(temp_path_.c_str());
        } else if (errno == EEXIST || ::rename(temp_path_.c_str(), target.c_str()) != 0) {
            throw_errno("link " + target.string());
        }
    }
    published_ = true;
    ::close(fd_);
    fd_ = -1;
}

void sync_directory(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace cloudbox::storage
