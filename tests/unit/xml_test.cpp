// XML writer escaping and the strict parser: entities, CDATA, namespaces, and what it refuses.
#include "protocol/xml.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace cloudbox::protocol;

namespace {

std::string nested(int depth) {
    std::string doc;
    for (int i = 0; i < depth; ++i) {
        doc += "<a>";
    }
    doc += "x";
    for (int i = 0; i < depth; ++i) {
        doc += "</a>";
    }
    return doc;
}

} // namespace

TEST_CASE("xml: parses an S3 request body with namespace, declaration and whitespace", "[unit]") {
    auto doc = parse_xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\n"
                         "  <Object><Key>a.txt</Key></Object>\n"
                         "  <Object><Key>b.txt</Key><VersionId>v1</VersionId></Object>\n"
                         "  <Quiet>true</Quiet>\n"
                         "</Delete>\n");
    REQUIRE(doc);
    CHECK(doc->name == "Delete");
    REQUIRE(doc->attributes.size() == 1);
    CHECK(doc->attributes[0].first == "xmlns");
    CHECK(doc->attributes[0].second == "http://s3.amazonaws.com/doc/2006-03-01/");
    auto objects = doc->children_named("Object");
    REQUIRE(objects.size() == 2);
    CHECK(objects[0]->child_text("Key") == "a.txt");
    CHECK_FALSE(objects[0]->child_text("VersionId").has_value());
    CHECK(objects[1]->child_text("VersionId") == "v1");
    CHECK(doc->child_text("Quiet") == "true");
    CHECK(doc->child("Missing") == nullptr);
    CHECK(doc->children_named("Missing").empty());
}

TEST_CASE("xml: entities and character references are decoded", "[unit]") {
    auto doc =
        parse_xml("<K a=\"&quot;x&apos;&amp;\">&lt;a&gt; &amp;&#65;&#x42;&#xe9;&#x1F600;</K>");
    REQUIRE(doc);
    CHECK(doc->text == "<a> &AB\xc3\xa9\xf0\x9f\x98\x80");
    CHECK(doc->attributes[0].second == "\"x'&");
    // Unknown, unterminated and malformed references are not well-formed.
    CHECK_FALSE(parse_xml("<K>&nbsp;</K>"));
    CHECK_FALSE(parse_xml("<K>a & b</K>"));
    CHECK_FALSE(parse_xml("<K>&#;</K>"));
    CHECK_FALSE(parse_xml("<K>&#x;</K>"));
    CHECK_FALSE(parse_xml("<K>&#12a;</K>"));
    CHECK_FALSE(parse_xml("<K>&#x110000;</K>"));
    // NUL and surrogates are not XML characters.
    CHECK_FALSE(parse_xml("<K>&#0;</K>"));
    CHECK_FALSE(parse_xml("<K>&#xD800;</K>"));
}

TEST_CASE("xml: CDATA is literal and comments and PIs are skipped", "[unit]") {
    auto doc = parse_xml("<!-- lead --><?pi x?><K>a<![CDATA[<b>&amp;]]>c<!-- mid -->d<?pi?></K>"
                         "<!-- trail -->\n");
    REQUIRE(doc);
    CHECK(doc->text == "a<b>&amp;cd");
    CHECK(doc->children.empty());
    CHECK_FALSE(parse_xml("<K><![CDATA[never closed</K>"));
    CHECK_FALSE(parse_xml("<K><!-- never closed</K>"));
}

TEST_CASE("xml: namespace prefixes are stripped from element names", "[unit]") {
    auto doc = parse_xml("<s3:Tagging xmlns:s3=\"urn:x\"><s3:TagSet><s3:Tag><s3:Key>k</s3:Key>"
                         "<Value>v</Value></s3:Tag></s3:TagSet></s3:Tagging>");
    REQUIRE(doc);
    CHECK(doc->name == "Tagging");
    CHECK(doc->attributes[0].first == "xmlns:s3");
    const auto* tag = doc->child("TagSet")->child("Tag");
    REQUIRE(tag);
    CHECK(tag->child_text("Key") == "k");
    CHECK(tag->child_text("Value") == "v");
    // The closing tag must repeat the same qualified name.
    CHECK_FALSE(parse_xml("<s3:Key>k</Key>"));
}

TEST_CASE("xml: attributes with both quote styles and self-closing elements", "[unit]") {
    auto doc =
        parse_xml("<Grantee xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' "
                  "xsi:type = \"CanonicalUser\" ><ID>abc</ID><Empty/><Empty2 a='1' /></Grantee>");
    REQUIRE(doc);
    REQUIRE(doc->attributes.size() == 2);
    CHECK(doc->attributes[1].first == "xsi:type");
    CHECK(doc->attributes[1].second == "CanonicalUser");
    REQUIRE(doc->children.size() == 3);
    CHECK(doc->children[1].name == "Empty");
    CHECK(doc->children[1].text.empty());
    CHECK(doc->children[2].attributes[0].second == "1");
    CHECK(parse_xml("<a/>"));
    CHECK_FALSE(parse_xml("<a b></a>"));
    CHECK_FALSE(parse_xml("<a b=c></a>"));
    CHECK_FALSE(parse_xml("<a b=\"<\"></a>"));
    CHECK_FALSE(parse_xml("<a b=\"1></a>"));
}

TEST_CASE("xml: malformed documents are refused", "[unit]") {
    CHECK_FALSE(parse_xml(""));
    CHECK_FALSE(parse_xml("   "));
    CHECK_FALSE(parse_xml("text"));
    CHECK_FALSE(parse_xml("<?xml version=\"1.0\"?>"));
    CHECK_FALSE(parse_xml("<a>"));
    CHECK_FALSE(parse_xml("<a><b></a>"));
    CHECK_FALSE(parse_xml("<a><b></b>"));
    CHECK_FALSE(parse_xml("<a></b>"));
    CHECK_FALSE(parse_xml("<a></a"));
    CHECK_FALSE(parse_xml("<a></a><b></b>"));
    CHECK_FALSE(parse_xml("<a></a>trailing"));
    CHECK_FALSE(parse_xml("<>x</>"));
    CHECK_FALSE(parse_xml("<a"));
    CHECK(parse_xml("<a></a >"));
}

TEST_CASE("xml: DOCTYPE and other declarations are refused", "[unit]") {
    CHECK_FALSE(parse_xml("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"));
    CHECK_FALSE(parse_xml("<?xml version=\"1.0\"?><!DOCTYPE a><a/>"));
    CHECK_FALSE(parse_xml("<!DOCTYPE/>"));
    CHECK_FALSE(parse_xml("<!a/>"));
    CHECK_FALSE(parse_xml("<a><!DOCTYPE b></a>"));
    CHECK_FALSE(parse_xml("<a><!ENTITY x \"y\"></a>"));
}

TEST_CASE("xml: nesting deeper than 64 levels is refused", "[unit]") {
    CHECK(parse_xml(nested(64)));
    CHECK(parse_xml(nested(65)));
    CHECK_FALSE(parse_xml(nested(66)));
    CHECK_FALSE(parse_xml(nested(100000))); // must not recurse into a stack overflow
    auto doc = parse_xml(nested(3));
    REQUIRE(doc);
    CHECK(doc->children.at(0).children.at(0).text == "x");
}

TEST_CASE("xml: writer escapes text and closes open elements", "[unit]") {
    xml_writer w;
    w.open("ListBucketResult", "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"")
        .element("Name", "b&<\"'>")
        .element("MaxKeys", 1000LL)
        .element("Negative", -5LL)
        .open("Contents")
        .element("Key", "a b")
        .close()
        .open("CommonPrefixes");
    std::string out = std::move(w).str();
    CHECK(out == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                 "<Name>b&amp;&lt;&quot;&apos;&gt;</Name><MaxKeys>1000</MaxKeys>"
                 "<Negative>-5</Negative><Contents><Key>a b</Key></Contents>"
                 "<CommonPrefixes></CommonPrefixes></ListBucketResult>");

    xml_writer bare(false);
    bare.element("E", "");
    CHECK(bare.view() == "<E></E>");
}

TEST_CASE("xml: writer output parses back to the same text", "[unit]") {
    const std::string text = "tab\tnewline\n cr\r <&>\"' caf\xc3\xa9";
    xml_writer w;
    w.open("R").element("T", text);
    auto doc = parse_xml(std::move(w).str());
    REQUIRE(doc);
    CHECK(doc->child_text("T") == text);
}
