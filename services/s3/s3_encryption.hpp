// Server-side encryption as S3 reports it. Every object is encrypted since January 2023: with
// the request's x-amz-server-side-encryption, or else the bucket's default (SSE-S3, AES256,
// unless PutBucketEncryption chose another). cloudbox stores the choice and answers it in the
// x-amz-server-side-encryption headers; the bytes are not actually encrypted at rest.
#pragma once

#include "s3/s3_store.hpp"
#include "s3/s3_types.hpp"
#include "service/request.hpp"
#include "service/response.hpp"

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace cloudbox::services::s3 {

struct encryption_choice {
    std::string algorithm = "AES256"; // AES256, aws:kms or aws:kms:dsse
    std::optional<std::string> kms_key_id;
};

// The buckets' default encryption, read from the store once per bucket: every PUT needs it,
// and a database read per PUT would cost more than the rest of a small PUT's bookkeeping.
class bucket_encryption_defaults {
  public:
    explicit bucket_encryption_defaults(s3_store& store) : store_(store) {}
    encryption_choice of(const std::string& bucket);
    void forget(const std::string& bucket); // after Put/DeleteBucketEncryption, DeleteBucket
    void clear();

  private:
    s3_store& store_;
    std::mutex mutex_;
    std::unordered_map<std::string, encryption_choice> cache_;
};

// The encryption of an object this request writes into `bucket`.
encryption_choice encryption_for_write(const service::request& req,
                                       bucket_encryption_defaults& defaults,
                                       const std::string& bucket);
void set_encryption(object_headers& headers, const encryption_choice& choice);

// x-amz-server-side-encryption (AES256 for objects stored before cloudbox recorded it) and, for
// KMS, the key id.
void add_encryption_headers(service::response& res, const object_headers& headers);

} // namespace cloudbox::services::s3
