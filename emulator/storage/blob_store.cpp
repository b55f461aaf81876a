// Immutable blob files with atomic publish (unnamed file, fsync, link, fsync directory).
#include "storage/blob_store.hpp"

#include "core/ids.hpp"

#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace cloudbox::storage {

namespace fs = std::filesystem;

namespace {

bool valid_blob_id(const std::string& id) {
    return id.size() == 32 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace

blob_writer::blob_writer(const blob_store& store, std::unique_ptr<unnamed_file> file)
    : store_(store), file_(std::move(file)) {}

blob_writer::~blob_writer() = default;

void blob_writer::write(const void* data, std::size_t size) {
    file_->write(data, size);
    size_ += size;
}

std::string blob_writer::commit() {
    if (store_.durable_) {
        file_->sync();
    }
    std::string id = core::random_hex(16);
    fs::path target = store_.path_of(id);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    file_->publish(target);
    if (store_.durable_) {
        sync_directory(target.parent_path());
    }
    return id;
}

blob_store::blob_store(fs::path root, bool durable) : root_(std::move(root)), durable_(durable) {
    fs::create_directories(root_ / "data");
    // Temporary files of a previous run were never acknowledged: drop them.
    fs::remove_all(root_ / "tmp");
    fs::create_directories(root_ / "tmp");
}

fs::path blob_store::path_of(const std::string& blob_id) const {
    if (!valid_blob_id(blob_id)) {
        throw std::invalid_argument("invalid blob id");
    }
    return root_ / "data" / blob_id.substr(0, 2) / blob_id;
}

std::unique_ptr<blob_writer> blob_store::create() const {
    return std::make_unique<blob_writer>(*this, std::make_unique<unnamed_file>(root_ / "tmp"));
}

std::shared_ptr<core::file_handle> blob_store::open(const std::string& blob_id) const {
    return core::file_handle::open_read(path_of(blob_id).string());
}

std::uint64_t blob_store::size_of(const std::string& blob_id) const {
    std::error_code ec;
    auto size = fs::file_size(path_of(blob_id), ec);
    return ec ? 0 : size;
}

std::string blob_store::clone(const std::string& blob_id) const {
    std::string id = core::random_hex(16);
    fs::path target = path_of(id);
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (::link(path_of(blob_id).c_str(), target.c_str()) != 0) {
        // Filesystems without hard links: copy the bytes.
        return copy_range(blob_id, 0, size_of(blob_id));
    }
    return id;
}

std::string blob_store::copy_range(const std::string& blob_id, std::uint64_t offset,
                                   std::uint64_t length) const {
    auto source = open(blob_id);
    if (!source) {
        throw std::runtime_error("blob missing: " + blob_id);
    }
    auto writer = create();
    std::string buffer(1 << 20, '\0');
    while (length > 0) {
        auto want = static_cast<std::size_t>(std::min<std::uint64_t>(length, buffer.size()));
        long n = source->read_at(buffer.data(), want, offset);
        if (n <= 0) {
            throw std::runtime_error("blob shorter than expected: " + blob_id);
        }
        writer->write(buffer.data(), static_cast<std::size_t>(n));
        offset += static_cast<std::uint64_t>(n);
        length -= static_cast<std::uint64_t>(n);
    }
    return writer->commit();
}

void blob_store::remove(const std::string& blob_id) const {
    if (valid_blob_id(blob_id)) {
        ::unlink(path_of(blob_id).c_str());
    }
}

void blob_store::clear() const {
    std::error_code ec;
    fs::remove_all(root_ / "data", ec);
    fs::create_directories(root_ / "data");
}

} // namespace cloudbox::storage
