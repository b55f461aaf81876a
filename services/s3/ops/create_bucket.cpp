// CreateBucket: PUT /bucket with an optional CreateBucketConfiguration (LocationConstraint).
#include "s3/ops/ops.hpp"
#include "s3/s3_validation.hpp"

#include <string_view>

namespace cloudbox::services::s3::ops {

namespace {

// The values of the model's BucketLocationConstraint enum ("EU" is S3's legacy eu-west-1 alias).
bool known_location(std::string_view location) {
    static constexpr std::string_view known[] = {
        "af-south-1",     "ap-east-1",      "ap-east-2",      "ap-northeast-1", "ap-northeast-2",
        "ap-northeast-3", "ap-south-1",     "ap-south-2",     "ap-southeast-1", "ap-southeast-2",
        "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
        "ca-central-1",   "ca-west-1",      "cn-north-1",     "cn-northwest-1", "EU",
        "eu-central-1",   "eu-central-2",   "eu-north-1",     "eu-south-1",     "eu-south-2",
        "eu-west-1",      "eu-west-2",      "eu-west-3",      "il-central-1",   "me-central-1",
        "me-south-1",     "mx-central-1",   "sa-east-1",      "us-east-2",      "us-gov-east-1",
        "us-gov-west-1",  "us-west-1",      "us-west-2"};
    for (auto k : known) {
        if (k == location) {
            return true;
        }
    }
    return false;
}

// The region named by the body, or nullopt when there is no body or no LocationConstraint.
std::optional<std::string> location_constraint(const std::string& body) {
    if (body.empty()) {
        return std::nullopt;
    }
    auto doc = parse_body_xml(body);
    if (doc.name != "CreateBucketConfiguration") {
        throw errors::malformed_xml();
    }
    auto location = doc.child_text("LocationConstraint");
    if (location && location->empty()) {
        return std::nullopt;
    }
    return location;
}

} // namespace

service::response create_bucket(s3_call& call) {
    const std::string& name = call.bucket();
    if (!valid_bucket_name(name)) {
        throw errors::invalid_bucket_name(name);
    }
    const std::string& endpoint_region = call.req.ctx.region;
    auto location = location_constraint(call.req.body);
    // AWS's rules: us-east-1 takes no constraint; every other regional endpoint needs its own.
    // The us-east-1 (global) endpoint creates a bucket in whichever region the body names.
    if (location && (*location == "us-east-1" || !known_location(*location))) {
        throw core::aws_error("InvalidLocationConstraint",
                              "The specified location-constraint is not valid", 400)
            .with("LocationConstraint", *location);
    }
    if (!location && endpoint_region != "us-east-1") {
        throw core::aws_error("IllegalLocationConstraintException",
                              "The unspecified location constraint is incompatible for the region "
                              "specific endpoint this request was sent to.",
                              400);
    }
    if (location && endpoint_region != "us-east-1" && *location != endpoint_region) {
        throw core::aws_error("IllegalLocationConstraintException",
                              "The " + *location +
                                  " location constraint is incompatible for the region specific "
                                  "endpoint this request was sent to.",
                              400);
    }
    auto ownership = call.req.headers.get("x-amz-object-ownership");
    if (ownership && *ownership != "BucketOwnerEnforced" && *ownership != "BucketOwnerPreferred" &&
        *ownership != "ObjectWriter") {
        throw core::aws_error("InvalidArgument",
                              "Invalid x-amz-object-ownership header: " + std::string(*ownership),
                              400)
            .with("ArgumentName", "x-amz-object-ownership");
    }
    std::string region = location.value_or("us-east-1");
    bucket_record bucket{name, region, call.s3.clock.now_millis()};
    if (!call.s3.store.create_bucket(bucket)) {
        // For legacy compatibility us-east-1 answers 200 to the owner re-creating a bucket.
        auto existing = call.s3.store.get_bucket(name);
        if (!(existing && existing->region == "us-east-1" && region == "us-east-1")) {
            throw errors::bucket_already_owned_by_you(name);
        }
    }
    if (ownership) {
        call.s3.store.set_bucket_config(name, "ownership_controls", std::string(*ownership));
    }
    service::response res;
    res.headers.set("location",
                    region == "us-east-1" ? "/" + name : "http://" + name + ".s3.amazonaws.com/");
    return res;
}

} // namespace cloudbox::services::s3::ops
