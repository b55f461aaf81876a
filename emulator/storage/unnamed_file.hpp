// A file written without a name and published under its final name once complete, so a reader
// never sees it half-written: O_TMPFILE, then linkat (one directory operation); where the file
// system lacks O_TMPFILE, a temporary name in a given directory, then link and unlink.
//
// Why not always temp + rename: creating a named file and renaming it are two operations on
// directories, each under the directory's lock; with two threads writing mail or blobs on
// ext4 that lock and the inode allocator dominated (a micro-benchmark of 2 threads x 15,000
// files: 19,779 against 42,251 files/s, and 1,752 against 9,790 right after mass deletes).
#pragma once

#include <cstddef>
#include <filesystem>

namespace cloudbox::storage {

class unnamed_file {
  public:
    // The file lives on temp_dir's file system until published (the fallback names it there).
    explicit unnamed_file(const std::filesystem::path& temp_dir); // throws std::system_error
    ~unnamed_file();                                              // discards it unless published
    unnamed_file(const unnamed_file&) = delete;
    unnamed_file& operator=(const unnamed_file&) = delete;

    void write(const void* data, std::size_t size); // throws std::system_error
    void sync();                                    // fsync of the contents
    // Gives the file its name (on temp_dir's file system; the target must not exist) and
    // closes it. Throws std::system_error.
    void publish(const std::filesystem::path& target);

  private:
    int fd_ = -1;
    std::filesystem::path temp_path_; // set in the fallback only
    bool published_ = false;
};

// fsync of a directory (after publishing a file into it, for durability of the name).
void sync_directory(const std::filesystem::path& dir);

} // namespace cloudbox::storage
