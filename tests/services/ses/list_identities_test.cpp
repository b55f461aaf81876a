// ListIdentities: type filter, MaxItems paging with NextToken, validation.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListIdentities: filters by type and pages", "[service]") {
    ses_fixture f;
    f.verify("b@example.com");
    f.verify("a@example.com");
    f.verify("example.net");
    auto all = f.query("ListIdentities");
    check_query_ok(all, "ListIdentities");
    auto doc = cloudbox::protocol::parse_xml(all.body);
    REQUIRE(doc);
    auto* ids = doc->child("ListIdentitiesResult")->child("Identities");
    REQUIRE(ids->children.size() == 3);
    CHECK(ids->children[0].text == "a@example.com");
    auto domains = f.query("ListIdentities", {{"IdentityType", "Domain"}});
    CHECK(xml_find(domains.body, "member") == "example.net");
    CHECK(domains.body.find("a@example.com") == std::string::npos);

    auto page1 = f.query("ListIdentities", {{"MaxItems", "2"}});
    std::string token = xml_find(page1.body, "NextToken");
    REQUIRE(!token.empty());
    auto page2 = f.query("ListIdentities", {{"MaxItems", "2"}, {"NextToken", token}});
    CHECK(xml_find(page2.body, "member") == "example.net");
    CHECK(xml_find(page2.body, "NextToken").empty());
}

TEST_CASE("ListIdentities: validation errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("ListIdentities", {{"IdentityType", "Phone"}}), "ValidationError",
                      "1 validation error detected: Value 'Phone' at 'identityType' failed to "
                      "satisfy constraint: Member must satisfy enum value set: [Domain, "
                      "EmailAddress]");
    check_query_error(f.query("ListIdentities", {{"MaxItems", "many"}}), "ValidationError",
                      "1 validation error detected: Value 'many' at 'maxItems' failed to "
                      "satisfy constraint: Member must be a number");
}

TEST_CASE("ListIdentities: scoped by region", "[service]") {
    ses_fixture f;
    f.verify("a@example.com");
    f.c.region = "eu-west-1";
    auto other = f.query("ListIdentities");
    check_query_ok(other, "ListIdentities");
    CHECK(other.body.find("a@example.com") == std::string::npos);
}
