// The only SQL of the S3 service. Every method is one short transaction. Methods that replace or
// remove data return the blob ids that are no longer referenced; the caller deletes those files
// after the commit (a crash in between leaves an orphan file, never a dangling row).
#pragma once

#include "s3/s3_types.hpp"
#include "storage/database.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cloudbox::services::s3 {

class s3_store {
  public:
    explicit s3_store(const std::string& db_path); // ":memory:" for --in-memory

    // Buckets.
    bool create_bucket(const bucket_record& bucket); // false when it exists
    std::optional<bucket_record> get_bucket(const std::string& name);
    std::vector<bucket_record> list_buckets();
    enum class delete_bucket_result { deleted, missing, not_empty };
    // Also drops the bucket's configuration and in-progress uploads (their blobs go to freed).
    delete_bucket_result delete_bucket(const std::string& name, std::vector<std::string>& freed);

    // Per-bucket configuration documents (tagging, cors, notification, ...), stored as text.
    std::optional<std::string> get_bucket_config(const std::string& bucket,
                                                 const std::string& name);
    void set_bucket_config(const std::string& bucket, const std::string& name,
                           const std::optional<std::string>& value); // nullopt deletes

    // Objects.
    std::optional<object_record> get_object(const std::string& bucket, const std::string& key);
    // Returns the freed blobs, or nullopt (nothing written) when the bucket does not exist.
    std::optional<std::vector<std::string>> put_object(const object_record& object);
    // Deletes the key; returns the freed blobs (empty when the key did not exist).
    std::optional<std::vector<std::string>> delete_object(const std::string& bucket,
                                                          const std::string& key);
    // DeleteObjects: deletes the keys in one transaction (missing keys are skipped) and returns
    // the freed blobs.
    std::vector<std::string> delete_objects(const std::string& bucket,
                                            const std::vector<std::string>& keys);
    bool set_object_tags(const std::string& bucket, const std::string& key,
                         const string_pairs& tags); // false when the key does not exist
    list_result list_objects(const std::string& bucket, const list_request& request);

    // Multipart uploads.
    void create_upload(const upload_record& upload);
    std::optional<upload_record> get_upload(const std::string& upload_id);
    std::vector<std::string> put_part(const part_record& part); // returns freed blobs
    std::vector<part_record> list_parts(const std::string& upload_id, int after_part,
                                        int max_parts); // max_parts+1 rows tell truncation
    std::optional<part_record> get_part(const std::string& upload_id, int part_number);
    // Uploads of a bucket in (key, initiated, upload id) order after the markers.
    std::vector<upload_record> list_uploads(const std::string& bucket, const std::string& prefix,
                                            const std::string& key_marker,
                                            const std::string& upload_id_marker, int limit);
    // Stores the object, removes the upload and its parts; returns blobs no longer referenced
    // (parts not used by the object, and the replaced object's).
    std::vector<std::string> complete_upload(const std::string& upload_id,
                                             const object_record& object,
                                             const std::vector<std::string>& used_blobs);
    std::optional<std::vector<std::string>> abort_upload(const std::string& upload_id);
    // The object a completed upload made, while it is still the key's current object: S3
    // answers a repeated CompleteMultipartUpload (a client retry) with the first result.
    std::optional<object_record> completed_upload_object(const std::string& upload_id);

    void reset(); // drops all rows

  private:
    void migrate();
    storage::database db_;
};

} // namespace cloudbox::services::s3
