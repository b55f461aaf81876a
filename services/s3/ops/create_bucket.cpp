// CreateBucket: PUT /bucket with an optional CreateBucketConfiguration (LocationConstraint).
#include "s3/ops/ops.hpp"
#include "s3/s3_validation.hpp"

namespace cloudbox::services::s3::ops {

namespace {

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
    if (location && *location == "us-east-1") {
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
    if (location && *location != endpoint_region) {
        throw core::aws_error("IllegalLocationConstraintException",
                              "The " + *location +
                                  " location constraint is incompatible for the region specific "
                                  "endpoint this request was sent to.",
                              400);
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
    service::response res;
    res.headers.set("location", region == "us-east-1"
                                    ? "/" + name
                                    : "http://" + name + ".s3.amazonaws.com/");
    return res;
}

} // namespace cloudbox::services::s3::ops
