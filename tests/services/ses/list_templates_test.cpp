// ListTemplates: name order with creation times, default page of 10, NextToken.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListTemplates: pages of MaxItems with creation times", "[service]") {
    ses_fixture f;
    auto frozen = f.c.request("POST", "/_cloudbox/clock",
                              R"({"freeze": true, "set": "2026-03-01T10:00:00Z"})");
    REQUIRE(frozen.status == 200);
    for (int i = 0; i < 12; ++i) {
        char name[8];
        std::snprintf(name, sizeof name, "t%02d", i);
        check_query_ok(f.query("CreateTemplate",
                               {{"Template.TemplateName", name}, {"Template.SubjectPart", "s"}}),
                       "CreateTemplate");
    }
    auto page1 = f.query("ListTemplates");
    check_query_ok(page1, "ListTemplates");
    auto doc = cloudbox::protocol::parse_xml(page1.body);
    auto* list = doc->child("ListTemplatesResult")->child("TemplatesMetadata");
    REQUIRE(list->children.size() == 10);
    CHECK(list->children[0].child_text("Name") == "t00");
    CHECK(list->children[0].child_text("CreatedTimestamp") == "2026-03-01T10:00:00.000Z");
    std::string token = xml_find(page1.body, "NextToken");
    REQUIRE(!token.empty());
    auto page2 = f.query("ListTemplates", {{"NextToken", token}});
    auto doc2 = cloudbox::protocol::parse_xml(page2.body);
    auto* list2 = doc2->child("ListTemplatesResult")->child("TemplatesMetadata");
    REQUIRE(list2->children.size() == 2);
    CHECK(list2->children[1].child_text("Name") == "t11");
    CHECK(xml_find(page2.body, "NextToken").empty());
}

TEST_CASE("ListTemplates: validation errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("ListTemplates", {{"MaxItems", "0"}}), "ValidationError",
                      "1 validation error detected: Value '0' at 'maxItems' failed to satisfy "
                      "constraint: Member must have value greater than or equal to 1");
    check_query_error(f.query("ListTemplates", {{"MaxItems", "x"}}), "ValidationError",
                      "1 validation error detected: Value 'x' at 'maxItems' failed to satisfy "
                      "constraint: Member must be a number");
    check_query_error(f.query("ListTemplates", {{"NextToken", "!!"}}), "InvalidParameterValue",
                      "Invalid NextToken.");
}
