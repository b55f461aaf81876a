// Immutable blobs (object bodies, multipart parts) as files under one root. Writers fill an
// unnamed file (storage/unnamed_file.hpp), then fsync it and give it its name, so a crash never
// leaves a half-written blob visible. Blob ids are random hex generated here: no request data
// ever becomes a path.
#pragma once

#include "core/file_handle.hpp"
#include "storage/unnamed_file.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace cloudbox::storage {

class blob_store;

class blob_writer {
  public:
    blob_writer(const blob_store& store, std::unique_ptr<unnamed_file> file);
    ~blob_writer(); // the file is discarded unless committed
    blob_writer(const blob_writer&) = delete;
    blob_writer& operator=(const blob_writer&) = delete;

    void write(const void* data, std::size_t size); // throws std::system_error
    std::uint64_t size() const { return size_; }
    // fsyncs, names the file and returns the new blob id.
    std::string commit();

  private:
    const blob_store& store_;
    std::unique_ptr<unnamed_file> file_;
    std::uint64_t size_ = 0;
};

class blob_store {
  public:
    // durable=false skips fsync (the --in-memory mode keeps blobs in a private temp dir).
    blob_store(std::filesystem::path root, bool durable);

    std::unique_ptr<blob_writer> create() const;
    std::shared_ptr<core::file_handle> open(const std::string& blob_id) const; // null if missing
    std::uint64_t size_of(const std::string& blob_id) const;
    // A new blob with the same bytes (a hard link: blobs are immutable).
    std::string clone(const std::string& blob_id) const;
    // A new blob holding [offset, offset+length) of an existing one.
    std::string copy_range(const std::string& blob_id, std::uint64_t offset,
                           std::uint64_t length) const;
    void remove(const std::string& blob_id) const; // missing is fine
    void clear() const;                            // removes every blob

    std::filesystem::path path_of(const std::string& blob_id) const;
    bool durable() const { return durable_; }

  private:
    friend class blob_writer;
    std::filesystem::path root_;
    bool durable_;
};

} // namespace cloudbox::storage
