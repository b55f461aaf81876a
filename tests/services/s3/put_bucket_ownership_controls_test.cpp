// Put/Get/DeleteBucketOwnershipControls: BucketOwnerEnforced by default, the put rule,
// OwnershipControlsNotFoundError after a delete, MalformedXML, NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("PutBucketOwnershipControls: default, put and delete", "[service]") {
    s3_fixture f;
    auto path = "/" + f.bucket + "?ownershipControls";
    auto r = f.c.request("GET", path);
    INFO(r.body);
    CHECK(r.status == 200);
    CHECK(r.body == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OwnershipControls "
                    "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule><ObjectOwnership>"
                    "BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>");
    std::string body = "<OwnershipControls><Rule><ObjectOwnership>ObjectWriter</ObjectOwnership>"
                       "</Rule></OwnershipControls>";
    CHECK(f.c.request("PUT", path, body, {{"content-md5", md5_b64(body)}}).status == 200);
    CHECK(xml_find(f.c.request("GET", path).body, "ObjectOwnership") == "ObjectWriter");
    CHECK(f.c.request("DELETE", path).status == 204);
    check_s3_error(f.c.request("GET", path), 404, "OwnershipControlsNotFoundError",
                   "The bucket ownership controls were not found");
}

TEST_CASE("CreateBucket: x-amz-object-ownership sets the ownership controls", "[service]") {
    s3_fixture f;
    REQUIRE(f.c.request("PUT", "/owned-bucket", "",
                        {{"x-amz-object-ownership", "BucketOwnerPreferred"}})
                .status == 200);
    CHECK(xml_find(f.c.request("GET", "/owned-bucket?ownershipControls").body, "ObjectOwnership") ==
          "BucketOwnerPreferred");
    for (const char* value : {"RandomValue", ""}) {
        auto r = f.c.request("PUT", "/other-bucket", "", {{"x-amz-object-ownership", value}});
        check_s3_error(r, 400, "InvalidArgument",
                       std::string("Invalid x-amz-object-ownership header: ") + value);
        CHECK(xml_find(r.body, "ArgumentName") == "x-amz-object-ownership");
    }
    CHECK(f.c.request("HEAD", "/other-bucket").status == 404); // not created
}

TEST_CASE("PutBucketOwnershipControls: MalformedXML and NoSuchBucket", "[service]") {
    s3_fixture f;
    std::string body = "<OwnershipControls><Rule><ObjectOwnership>Anyone</ObjectOwnership>"
                       "</Rule></OwnershipControls>";
    check_s3_error(f.c.request("PUT", "/" + f.bucket + "?ownershipControls", body,
                               {{"content-md5", md5_b64(body)}}),
                   400, "MalformedXML");
    check_s3_error(f.c.request("GET", "/no-such-bucket?ownershipControls"), 404, "NoSuchBucket");
}
