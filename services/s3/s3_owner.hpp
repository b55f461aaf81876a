// The canonical owner S3 reports for the local account (cloudbox has a single owner).
#pragma once

namespace cloudbox::services::s3 {

inline constexpr const char* owner_id =
    "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
inline constexpr const char* owner_display_name = "webfile";
inline constexpr const char* s3_xmlns = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

} // namespace cloudbox::services::s3
