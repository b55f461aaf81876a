// An owned, read-only file descriptor that stays valid after the path is unlinked.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace cloudbox::core {

class file_handle {
  public:
    explicit file_handle(int fd) : fd_(fd) {}
    ~file_handle();
    file_handle(const file_handle&) = delete;
    file_handle& operator=(const file_handle&) = delete;

    int fd() const { return fd_; }
    // Reads up to size bytes at offset; returns bytes read (0 at end), -1 on error.
    long read_at(void* buffer, std::size_t size, std::uint64_t offset) const;

    static std::shared_ptr<file_handle> open_read(const std::string& path);

  private:
    int fd_;
};

} // namespace cloudbox::core
