// x-amz-storage-class validation.
#include "s3/s3_storage_class.hpp"

#include "s3/s3_errors.hpp"

#include <array>
#include <string_view>

namespace cloudbox::services::s3 {

std::string storage_class_of(const service::request& req) {
    static constexpr std::array<std::string_view, 10> classes{
        "STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING",
        "GLACIER",  "DEEP_ARCHIVE",       "OUTPOSTS",    "GLACIER_IR", "SNOW"};
    auto value = req.headers.get("x-amz-storage-class");
    if (!value) {
        return "STANDARD";
    }
    for (auto c : classes) {
        if (*value == c) {
            return std::string(c);
        }
    }
    throw core::aws_error("InvalidStorageClass", "The storage class you specified is not valid",
                          400)
        .with("StorageClassRequested", std::string(*value));
}

} // namespace cloudbox::services::s3
