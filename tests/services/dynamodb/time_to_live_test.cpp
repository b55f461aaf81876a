// UpdateTimeToLive / DescribeTimeToLive.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("TimeToLive: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(
        f.call("UpdateTimeToLive", {{"TableName", "things"}, {"TimeToLiveSpecification", "on"}}),
        "SerializationException", "Unexpected field type");
}

TEST_CASE("TimeToLive: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    check_error(f.call("UpdateTimeToLive", {{"TableName", "things"}}), "ValidationException",
                "1 validation error detected: Value null at 'timeToLiveSpecification' failed to "
                "satisfy constraint: Member must not be null");
    check_error(f.call("UpdateTimeToLive",
                       {{"TableName", "things"},
                        {"TimeToLiveSpecification", {{"Enabled", false}, {"AttributeName", "e"}}}}),
                "ValidationException", "TimeToLive is already disabled");
    check_error(f.call("DescribeTimeToLive", {{"TableName", "missing"}}),
                "ResourceNotFoundException",
                "Requested resource not found: Table: missing not found");
}

TEST_CASE("TimeToLive: enable, describe, disable", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    CHECK(f.ok("DescribeTimeToLive", {{"TableName", "things"}})["TimeToLiveDescription"] ==
          json{{"TimeToLiveStatus", "DISABLED"}});
    auto r = f.ok("UpdateTimeToLive",
                  {{"TableName", "things"},
                   {"TimeToLiveSpecification", {{"Enabled", true}, {"AttributeName", "expires"}}}});
    CHECK(r["TimeToLiveSpecification"]["AttributeName"] == "expires");
    CHECK(f.ok("DescribeTimeToLive", {{"TableName", "things"}})["TimeToLiveDescription"] ==
          json{{"TimeToLiveStatus", "ENABLED"}, {"AttributeName", "expires"}});
}
