// UpdateItem: update expressions, legacy AttributeUpdates, key protection, ReturnValues.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("UpdateItem: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(
        f.call("UpdateItem",
               {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}, {"UpdateExpression", 7}}),
        "SerializationException", "NUMBER_VALUE cannot be converted to String");
}

TEST_CASE("UpdateItem: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    check_error(f.call("UpdateItem", {{"TableName", "things"},
                                      {"Key", {{"pk", S("a")}}},
                                      {"UpdateExpression", "SET pk = :v"},
                                      {"ExpressionAttributeValues", {{":v", S("b")}}}}),
                "ValidationException",
                "One or more parameter values were invalid: Cannot update attribute pk. This "
                "attribute is part of the key");
    check_error(f.call("UpdateItem", {{"TableName", "things"},
                                      {"Key", {{"pk", S("a")}}},
                                      {"UpdateExpression", "SET a = :v"}}),
                "ValidationException",
                "Invalid UpdateExpression: An expression attribute value used in expression is "
                "not defined; attribute value: :v");
    check_error(
        f.call("UpdateItem",
               {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}, {"ReturnValues", "SOMETIMES"}}),
        "ValidationException",
        "1 validation error detected: Value 'SOMETIMES' at 'returnValues' failed to "
        "satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, "
        "ALL_OLD, NONE, UPDATED_NEW]");
}

TEST_CASE("UpdateItem: creates, updates, returns the requested values", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    auto r = f.ok("UpdateItem",
                  {{"TableName", "things"},
                   {"Key", {{"pk", S("a")}}},
                   {"UpdateExpression", "SET n = :one, l = :l"},
                   {"ExpressionAttributeValues", {{":one", N("1")}, {":l", {{"L", {S("x")}}}}}},
                   {"ReturnValues", "ALL_NEW"}});
    CHECK(r["Attributes"] == json{{"pk", S("a")}, {"n", N("1")}, {"l", {{"L", {S("x")}}}}});
    r = f.ok("UpdateItem", {{"TableName", "things"},
                            {"Key", {{"pk", S("a")}}},
                            {"UpdateExpression", "ADD n :two REMOVE l[0]"},
                            {"ExpressionAttributeValues", {{":two", N("2")}}},
                            {"ReturnValues", "UPDATED_OLD"}});
    CHECK(r["Attributes"] == json{{"n", N("1")}, {"l", {{"L", {S("x")}}}}});
    auto legacy =
        f.ok("UpdateItem", {{"TableName", "things"},
                            {"Key", {{"pk", S("a")}}},
                            {"AttributeUpdates", {{"n", {{"Action", "ADD"}, {"Value", N("10")}}}}},
                            {"ReturnValues", "UPDATED_NEW"}});
    CHECK(legacy["Attributes"] == json{{"n", N("13")}});
    auto failed = f.call("UpdateItem", {{"TableName", "things"},
                                        {"Key", {{"pk", S("a")}}},
                                        {"UpdateExpression", "SET n = :v"},
                                        {"ConditionExpression", "n < :v"},
                                        {"ExpressionAttributeValues", {{":v", N("5")}}}});
    check_error(failed, "ConditionalCheckFailedException", "The conditional request failed");
}

TEST_CASE("UpdateItem: key values and AttributeUpdates are validated before the table",
          "[service]") {
    ddb_fixture f;
    check_error(
        f.call("UpdateItem", {{"TableName", "missing"}, {"Key", {{"a", {{"SS", json::array()}}}}}}),
        "ValidationException",
        "One or more parameter values were invalid: An string set  may not be empty");
    check_error(f.call("UpdateItem", {{"TableName", "missing"},
                                      {"Key", {{"a", S("x")}}},
                                      {"AttributeUpdates", {{"b", {{"Action", "PUT"}}}}}}),
                "ValidationException",
                "One or more parameter values were invalid: Only DELETE action is allowed when no "
                "attribute value is specified");
}

TEST_CASE("UpdateItem: AttributeUpdates word a type mismatch their own way", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")}, {"ss", {{"SS", {"1"}}}}, {"ns", {{"NS", {"1"}}}}});
    auto legacy = [&](const std::string& name, const std::string& action, const json& value) {
        return f.call("UpdateItem",
                      {{"TableName", "things"},
                       {"Key", {{"pk", S("a")}}},
                       {"AttributeUpdates", {{name, {{"Action", action}, {"Value", value}}}}}});
    };
    const std::string mismatch = "Type mismatch for attribute to update";
    check_error(legacy("ss", "DELETE", {{"NS", {"1"}}}), "ValidationException", mismatch);
    check_error(legacy("ss", "ADD", {{"NS", {"2"}}}), "ValidationException", mismatch);
    check_error(legacy("ns", "ADD", N("2")), "ValidationException", mismatch);
    check_error(legacy("ss", "ADD", {{"L", {S("x")}}}), "ValidationException", mismatch);
    // The same update as an expression keeps the expression's wording.
    check_error(f.call("UpdateItem", {{"TableName", "things"},
                                      {"Key", {{"pk", S("a")}}},
                                      {"UpdateExpression", "ADD ns :n"},
                                      {"ExpressionAttributeValues", {{":n", N("2")}}}}),
                "ValidationException",
                "An operand in the update expression has an incorrect data type");
}

TEST_CASE("UpdateItem: a nested path must run through maps and lists that exist", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")},
                     {"st", S("text")},
                     {"m", {{"M", {{"k", S("v")}}}}},
                     {"l", {{"L", {S("x")}}}},
                     {"ss", {{"SS", {"x"}}}}});
    auto update = [&](const std::string& expression, const json& values = json()) {
        json body{
            {"TableName", "things"}, {"Key", {{"pk", S("a")}}}, {"UpdateExpression", expression}};
        if (!values.is_null()) {
            body["ExpressionAttributeValues"] = values;
        }
        return f.call("UpdateItem", body);
    };
    const std::string invalid =
        "The document path provided in the update expression is invalid for update";
    check_error(update("REMOVE st.x"), "ValidationException", invalid);
    check_error(update("REMOVE m.x.y"), "ValidationException", invalid);
    check_error(update("REMOVE nope[0]"), "ValidationException", invalid);
    check_error(update("REMOVE m[0]"), "ValidationException", invalid);
    check_error(update("SET st.x = :v", {{":v", S("y")}}), "ValidationException", invalid);
    check_error(update("DELETE m.x.y :s", {{":s", {{"SS", {"x"}}}}}), "ValidationException",
                invalid);
    // A missing last step is fine, and a refused update changes nothing.
    f.ok("UpdateItem", {{"TableName", "things"},
                        {"Key", {{"pk", S("a")}}},
                        {"UpdateExpression", "REMOVE m.gone, l[5], gone"}});
    auto item = f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}})["Item"];
    CHECK(item["st"] == S("text"));
    CHECK(item["m"] == json{{"M", {{"k", S("v")}}}});
}
