// DescribeLimits and DescribeEndpoints.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DescribeLimits: serialization errors", "[service]") {
    ddb_fixture f;
    auto r = f.send("DescribeLimits", "[1]");
    CHECK(r.status == 400);
    CHECK(json::parse(r.body)["__type"] == "com.amazon.coral.service#SerializationException");
}

TEST_CASE("DescribeLimits: no validation errors for extra members", "[service]") {
    ddb_fixture f;
    auto r = f.ok("DescribeLimits", {{"Whatever", 1}});
    CHECK(r["TableMaxWriteCapacityUnits"] == 40000);
}

TEST_CASE("DescribeLimits and DescribeEndpoints: the default figures", "[service]") {
    ddb_fixture f;
    auto r = f.ok("DescribeLimits", json::object());
    CHECK(r["AccountMaxReadCapacityUnits"] == 80000);
    auto e = f.ok("DescribeEndpoints", json::object());
    CHECK(e["Endpoints"][0]["CachePeriodInMinutes"] == 1440);
}
