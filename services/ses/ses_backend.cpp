// The shared SES state: store, mailbox files, reset.
#include "ses/ses_backend.hpp"

#include "storage/unnamed_file.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

namespace cloudbox::services::ses {

namespace fs = std::filesystem;

namespace {

// Mailbox file names are generated here from message ids (hex and dashes), never client text.
bool safe_file_name(const std::string& name) {
    return !name.empty() && name.find_first_not_of("0123456789abcdef-.eml") == std::string::npos &&
           name.find("..") == std::string::npos;
}

} // namespace

ses_backend::ses_backend(ses_options options, core::clock& clock)
    : options_(std::move(options)), clock_(clock) {
    fs::create_directories(mailbox_dir());
    store_ = std::make_unique<ses_store>(options_.in_memory ? ":memory:"
                                                            : (options_.root / "ses.db").string());
}

void ses_backend::write_eml(const std::string& file_name, std::string_view bytes) const {
    // No fsync (of the file or the directory): the .eml gets the durability of the database
    // row written after it (WAL, synchronous=NORMAL): it survives kill -9 of the process, since
    // the page cache outlives it, though not a power loss. Two fsyncs per message cut SendEmail
    // on a data dir to a fifth of the in-memory rate. The file has no name until it is whole.
    storage::unnamed_file file(mailbox_dir());
    file.write(bytes.data(), bytes.size());
    file.publish(mailbox_dir() / file_name);
}

std::optional<std::string> ses_backend::read_eml(const std::string& file_name) const {
    if (!safe_file_name(file_name)) {
        return std::nullopt;
    }
    std::ifstream in(mailbox_dir() / file_name, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void ses_backend::remove_emls(const std::vector<std::string>& file_names) const {
    for (const auto& name : file_names) {
        if (safe_file_name(name)) {
            std::error_code ec;
            fs::remove(mailbox_dir() / name, ec);
        }
    }
}

void ses_backend::reset() {
    store_->reset();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(mailbox_dir(), ec)) {
        fs::remove(entry.path(), ec);
    }
}

} // namespace cloudbox::services::ses
