// S3 access control lists: the policy document cloudbox reports, and validation of the canned
// ACLs, grant headers and AccessControlPolicy bodies that PutObjectAcl/PutBucketAcl accept.
// cloudbox has a single owner: ACLs are accepted and validated as S3 validates them, but not
// stored or enforced (every request acts as the owner).
#pragma once

#include "service/request.hpp"

#include <string>
#include <string_view>

namespace cloudbox::services::s3 {

// <AccessControlPolicy> granting the owner FULL_CONTROL, as GetObjectAcl/GetBucketAcl answer for
// a resource with the default (private) ACL.
std::string owner_full_control_acl_xml();

// x-amz-acl: one of S3's canned ACLs, else InvalidArgument (with an empty message, as S3 sends).
void validate_canned_acl(std::string_view acl);

// An <AccessControlPolicy> body: MalformedACLError when it is not XML, lacks Owner or
// AccessControlList, or holds an unknown permission or grantee type; InvalidArgument for a
// canonical user ID that is not 64 hex digits or an unknown group URI.
void validate_acl_body(std::string_view body);

// x-amz-grant-read / -write / -read-acp / -write-acp / -full-control: comma-separated
// type="value" grantees (id, uri, emailAddress); InvalidArgument otherwise.
void validate_grant_header(std::string_view header_name, std::string_view value);

// The checks S3 runs on a PutObjectAcl/PutBucketAcl request, in S3's order: no canned ACL, grant
// header or body -> MissingSecurityHeader; a canned ACL with grant headers -> InvalidRequest;
// headers with a body -> UnexpectedContent; then the one given is validated.
void validate_acl_request(const service::request& req);

} // namespace cloudbox::services::s3
