#!/usr/bin/env python3
# Differential DynamoDB probe: sends one corpus of requests (valid and invalid, mostly drawn from
# dynalite's upstream test suite, which records what real DynamoDB answered) to two endpoints and
# prints every difference in HTTP status, __type and message (and, with --bodies, in the bodies of
# successful answers, minus ids and timestamps). A developer tool, not a CTest test.
#
# Run (two fresh servers; both get the same tables, created by this script):
#   /work/build-unity/cloudbox serve --port 0 --in-memory --log-level warn   # prints its port
#   node bench/node_modules/.bin/dynalite --host 127.0.0.1 --port 18000 \
#       --createTableMs 0 --deleteTableMs 0 --updateTableMs 0
#   python3 tests/conformance/ddb_differential.py --a http://127.0.0.1:PORT \
#       --b http://127.0.0.1:18000 [--only SUBSTRING] [--bodies] [--all]
# dynalite lacks TransactWriteItems/TransactGetItems/TTL-update; those cases are marked "a-only"
# and printed with cloudbox's answer for review (or compare against moto: python3 -m moto.server).
import argparse
import json
import random
import re
import string
import sys
import urllib.error
import urllib.request

AUTH = ("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/dynamodb/aws4_request, "
        "SignedHeaders=host;x-amz-date, Signature=abc")


def send(endpoint, op, body, prefix="DynamoDB_20120810", content_type="application/x-amz-json-1.0"):
    data = body if isinstance(body, str) else json.dumps(body)
    req = urllib.request.Request(endpoint, data=data.encode(), method="POST")
    req.add_header("Content-Type", content_type)
    req.add_header("X-Amz-Target", f"{prefix}.{op}")
    req.add_header("Authorization", AUTH)
    req.add_header("X-Amz-Date", "20240101T000000Z")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = {"<raw>": text}
    return status, parsed


VOLATILE = {"CreationDateTime", "TableArn", "TableId", "LastIncreaseDateTime", "LastDecreaseDateTime",
            "NumberOfDecreasesToday", "IndexArn", "LatestStreamArn", "LatestStreamLabel",
            "LastUpdateToPayPerRequestDateTime", "ResponseMetadata", "TableClassSummary",
            "DeletionProtectionEnabled", "WarmThroughput", "OnDemandThroughput"}


def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in VOLATILE}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v


def summary(status, body, collapse_syntax=True):
    if status == 200:
        return (200, None, None)
    t = body.get("__type", "")
    msg = body.get("message", body.get("Message"))
    # dynalite words syntax errors as its PEG parser does ("Expected ... but ... found"); DynamoDB
    # says 'Syntax error; token: "x", near: "y"'. Only "a syntax error" is compared by default.
    if collapse_syntax and msg and "Syntax error;" in msg:
        msg = msg[:msg.index("Syntax error;")] + "Syntax error; ..."
    return (status, t, msg)


# ---------------------------------------------------------------------------------------------
# Tables (dynalite's test tables, helpers.js)

def tables(p):
    pt = {"ReadCapacityUnits": 2, "WriteCapacityUnits": 2}
    return {
        "hash": {"TableName": p + "hash", "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}],
                 "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}], "ProvisionedThroughput": pt},
        "hashN": {"TableName": p + "hashN", "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "N"}],
                  "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}], "ProvisionedThroughput": pt},
        "range": {
            "TableName": p + "range",
            "AttributeDefinitions": [{"AttributeName": n, "AttributeType": "S"} for n in "abcd"],
            "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"}, {"KeyType": "RANGE", "AttributeName": "b"}],
            "ProvisionedThroughput": pt,
            "LocalSecondaryIndexes": [
                {"IndexName": "index1", "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"},
                                                      {"AttributeName": "c", "KeyType": "RANGE"}],
                 "Projection": {"ProjectionType": "ALL"}},
                {"IndexName": "index2", "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"},
                                                      {"AttributeName": "d", "KeyType": "RANGE"}],
                 "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["c"]}}],
            "GlobalSecondaryIndexes": [
                {"IndexName": "index3", "KeySchema": [{"AttributeName": "c", "KeyType": "HASH"}],
                 "ProvisionedThroughput": pt, "Projection": {"ProjectionType": "ALL"}},
                {"IndexName": "index4", "KeySchema": [{"AttributeName": "c", "KeyType": "HASH"},
                                                      {"AttributeName": "d", "KeyType": "RANGE"}],
                 "ProvisionedThroughput": pt,
                 "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["e"]}}]},
        "rangeN": {"TableName": p + "rangeN",
                   "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"},
                                            {"AttributeName": "b", "AttributeType": "N"}],
                   "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"},
                                 {"KeyType": "RANGE", "AttributeName": "b"}], "ProvisionedThroughput": pt},
        "rangeB": {"TableName": p + "rangeB",
                   "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"},
                                            {"AttributeName": "b", "AttributeType": "B"}],
                   "KeySchema": [{"KeyType": "HASH", "AttributeName": "a"},
                                 {"KeyType": "RANGE", "AttributeName": "b"}], "ProvisionedThroughput": pt},
    }


# ---------------------------------------------------------------------------------------------
# The corpus: (name, operation, body). Bodies may be raw strings (malformed JSON).

def corpus(p):
    T = tables(p)
    H, HN, R, RN, RB = (T[k]["TableName"] for k in ("hash", "hashN", "range", "rangeN", "rangeB"))
    C = []

    def add(name, op, body, only_a=False):
        C.append((name, op, body, only_a))

    # --- protocol
    add("proto: bad json", "ListTables", "{")
    add("proto: array body", "ListTables", "[]")
    add("proto: empty body", "ListTables", "")
    add("proto: unknown op", "Foo", {})
    add("proto: null members dropped", "ListTables", {"Limit": None})

    # --- type errors (a sample per shape kind)
    typ = [("TableName", True), ("TableName", 23), ("TableName", 3.5), ("TableName", []), ("TableName", {}),
           ("Item", "23"), ("Item", []), ("Item", True), ("Item", {"a": "x"}), ("Item", {"a": []}),
           ("Item", {"a": {"S": 1}}), ("Item", {"a": {"B": 1}}), ("Item", {"a": {"B": "abc"}}),
           ("Item", {"a": {"B": "=+/="}}), ("Item", {"a": {"B": "+/+="}}), ("Item", {"a": {"BOOL": "x"}}),
           ("Item", {"a": {"BOOL": "yes"}}), ("Item", {"a": {"NULL": 3}}), ("Item", {"a": {"SS": "a"}}),
           ("Item", {"a": {"SS": [1]}}), ("Item", {"a": {"L": {}}}), ("Item", {"a": {"L": ["a"]}}),
           ("Item", {"a": {"M": []}}), ("Item", {"a": {"M": {"b": 1}}}), ("Expected", {"a": []}),
           ("Expected", {"a": {"Exists": "x"}}), ("Expected", {"a": "x"}), ("ReturnValues", 1)]
    for k, v in typ:
        add(f"PutItem type {k}={json.dumps(v)}", "PutItem", {"TableName": H, k: v})
    add("Query type Limit str", "Query", {"TableName": H, "Limit": "1"})
    add("Query type Limit bool", "Query", {"TableName": H, "Limit": True})
    add("Query type Limit float", "Query", {"TableName": H, "Limit": 1.5, "KeyConditionExpression": "a = :a",
                                           "ExpressionAttributeValues": {":a": {"S": "x"}}})
    add("Query type ConsistentRead num", "Query", {"TableName": H, "ConsistentRead": 1})
    add("Query type AttributesToGet str", "Query", {"TableName": H, "AttributesToGet": "a"})
    add("Query type KeyConditions list", "Query", {"TableName": H, "KeyConditions": []})
    add("Query type ExclusiveStartKey list", "Query", {"TableName": H, "ExclusiveStartKey": []})
    add("Scan type Segment str", "Scan", {"TableName": H, "Segment": "1"})
    add("BatchGet type RequestItems list", "BatchGetItem", {"RequestItems": []})
    add("BatchGet type Keys str", "BatchGetItem", {"RequestItems": {H: {"Keys": "x"}}})
    add("BatchWrite type list elem", "BatchWriteItem", {"RequestItems": {H: ["x"]}})
    add("CreateTable type KeySchema map", "CreateTable", {"TableName": "abc", "KeySchema": {}})
    add("CreateTable type PT str", "CreateTable", {"TableName": "abc", "ProvisionedThroughput": "x"})
    add("CreateTable type RCU str", "CreateTable", {"TableName": "abc", "ProvisionedThroughput": {"ReadCapacityUnits": "1"}})
    add("TransactWrite type list", "TransactWriteItems", {"TransactItems": {}})

    # --- PutItem validations (putItem.js)
    add("Put: empty", "PutItem", {})
    add("Put: empty TableName", "PutItem", {"TableName": ""})
    add("Put: short TableName", "PutItem", {"TableName": "a;"})
    add("Put: long TableName", "PutItem", {"TableName": "a" * 256})
    add("Put: incorrect attributes", "PutItem", {"TableName": "abc;", "ReturnConsumedCapacity": "hi",
                                                "ReturnItemCollectionMetrics": "hi", "ReturnValues": "hi"})
    for exp, nm in [({"a": {}}, "no value no exists"), ({"a": {"Exists": True}}, "exists true no value"),
                    ({"a": {"Exists": False, "Value": {"S": "a"}}}, "exists false w value"),
                    ({"a": {"Value": {}}}, "empty expected value"),
                    ({"a": {"Value": {"NS": ["1", ""]}}}, "expected NS empty num"),
                    ({"a": {"ComparisonOperator": "LT"}}, "CO alone"),
                    ({"a": {"Exists": True, "ComparisonOperator": "LT"}}, "CO with exists"),
                    ({"a": {"AttributeValueList": [{"S": "a"}], "Value": {"S": "a"}, "ComparisonOperator": "LT"}}, "AVL and Value"),
                    ({"a": {"AttributeValueList": [{"S": "a"}]}}, "AVL no CO"),
                    ({"a": {"Exists": True, "AttributeValueList": [{"S": "a"}]}}, "AVL w exists"),
                    ({"a": {"AttributeValueList": [], "ComparisonOperator": "EQ"}}, "EQ 0 args"),
                    ({"a": {"AttributeValueList": [{"S": "a"}], "ComparisonOperator": "NULL"}}, "NULL 1 arg"),
                    ({"a": {"AttributeValueList": [], "ComparisonOperator": "IN"}}, "IN 0 args"),
                    ({"a": {"AttributeValueList": [{"S": "a"}], "ComparisonOperator": "BETWEEN"}}, "BETWEEN 1 arg"),
                    ({"a": {"AttributeValueList": [{"S": "a"}, {"N": "1"}], "ComparisonOperator": "IN"}}, "IN mixed types"),
                    ({"a": {"AttributeValueList": [{"N": "3"}, {"N": "1"}], "ComparisonOperator": "BETWEEN"}}, "BETWEEN reversed"),
                    ({"a": {"AttributeValueList": [{"SS": ["a"]}], "ComparisonOperator": "LT"}}, "LT on SS"),
                    ({"a": {"AttributeValueList": [{"BOOL": True}], "ComparisonOperator": "CONTAINS"}}, "CONTAINS BOOL"),
                    ({"a": {"Value": {"S": "a"}, "ComparisonOperator": "NULL"}}, "NULL with Value"),
                    ({"a": {"AttributeValueList": [{}], "ComparisonOperator": "EQ"}}, "EQ empty AV")]:
        add(f"Put: Expected {nm}", "PutItem", {"TableName": "abc", "Item": {}, "Expected": exp})
    for rv in ["UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"]:
        add(f"Put: ReturnValues {rv}", "PutItem", {"TableName": "abc", "Item": {}, "ReturnValues": rv})
    avs = [("empty type", {}), ("bad type", {"a": ""}), ("empty string", {"S": ""}),
           ("empty string in map", {"M": {"b": {"S": ""}}}), ("empty binary", {"B": ""}),
           ("false null", {"NULL": False}), ("empty SS", {"SS": []}), ("empty NS", {"NS": []}),
           ("empty BS", {"BS": []}), ("SS empty member", {"SS": ["a", ""]}), ("BS empty member", {"BS": ["aaaa", ""]}),
           ("NS empty member", {"NS": ["1", ""]}), ("dup SS", {"SS": ["a", "a"]}), ("dup NS", {"NS": ["1", "1"]}),
           ("dup NS numeric", {"NS": ["1", "1.0"]}), ("dup BS", {"BS": ["Yg==", "Yg=="]}),
           ("multiple types", {"S": "a", "N": "1"}), ("empty N", {"N": ""}), ("bad N", {"N": "b"}),
           ("bad N in NS", {"NS": ["1", "b", "a"]}), ("39 digits", {"N": "123456789012345678901234567890123456789"}),
           ("39 digits frac", {"N": "-1.23456789012345678901234567890123456789"}), ("1e126", {"N": "1e126"}),
           ("-1e126", {"N": "-1e126"}), ("1e-131", {"N": "1e-131"}), ("-1e-131", {"N": "-1e-131"}),
           ("1e125", {"N": "9.9e125"}), ("1e-130", {"N": "1e-130"}), ("N spaces", {"N": " 1"}),
           ("N plus", {"N": "+1"}), ("N hex", {"N": "0x1"}), ("N dot", {"N": "1."}), ("N .5", {"N": ".5"}),
           ("N inf", {"N": "Infinity"}), ("N nan", {"N": "NaN"}), ("N trailing zeros 40", {"N": "1" + "0" * 40}),
           ("N leading zeros", {"N": "000000000000000000000000000000000000000001"}),
           ("empty L member", {"L": [{}]}), ("L bad null", {"L": [{"NULL": False}]}),
           ("M empty member", {"M": {"x": {}}}), ("empty L ok", {"L": []}), ("empty M ok", {"M": {}}),
           ("empty NS then multiple", {"NS": [], "S": "a"}), ("multiple then bad", {"S": "a", "N": "x"}),
           ("M multiple", {"M": {"x": {"S": "a", "N": "1"}}}), ("BOOL and NULL", {"BOOL": True, "NULL": True})]
    for nm, av in avs:
        add(f"Put: AV {nm}", "PutItem", {"TableName": "abc", "Item": {"a": av}})
        add(f"Put(real): AV {nm}", "PutItem", {"TableName": H, "Item": {"a": {"S": "av"}, "z": av}})
    add("Put: big item", "PutItem", {"TableName": "aaa", "Item": {"a": {"S": "x"}, "b": {"S": "a" * 409600}}})
    add("Put: big item real", "PutItem", {"TableName": H, "Item": {"a": {"S": "x"}, "b": {"S": "a" * 409600}}})
    add("Put: just-fit item", "PutItem", {"TableName": H, "Item": {"a": {"S": "x"}, "b": {"S": "a" * (409600 - 3)}}})
    add("Put: item 1 over", "PutItem", {"TableName": H, "Item": {"a": {"S": "x"}, "b": {"S": "a" * (409600 - 2)}}})
    add("Put: no table", "PutItem", {"TableName": p + "nope", "Item": {"a": {"S": "a"}}})
    add("Put: missing key", "PutItem", {"TableName": H, "Item": {"b": {"S": "a"}}})
    add("Put: wrong key type", "PutItem", {"TableName": H, "Item": {"a": {"N": "1"}}})
    add("Put: empty key string", "PutItem", {"TableName": H, "Item": {"a": {"S": ""}}})
    add("Put: missing range", "PutItem", {"TableName": R, "Item": {"a": {"S": "a"}}})
    add("Put: wrong range type", "PutItem", {"TableName": R, "Item": {"a": {"S": "a"}, "b": {"N": "1"}}})
    add("Put: empty range", "PutItem", {"TableName": R, "Item": {"a": {"S": "a"}, "b": {"S": ""}}})
    add("Put: empty binary range", "PutItem", {"TableName": RB, "Item": {"a": {"S": "a"}, "b": {"B": ""}}})
    add("Put: index key wrong type", "PutItem", {"TableName": R, "Item": {"a": {"S": "a"}, "b": {"S": "b"}, "c": {"N": "1"}}})
    add("Put: index key empty", "PutItem", {"TableName": R, "Item": {"a": {"S": "a"}, "b": {"S": "b"}, "c": {"S": ""}}})
    add("Put: GSI key empty", "PutItem", {"TableName": R, "Item": {"a": {"S": "a"}, "b": {"S": "b"}, "d": {"S": ""}}})
    add("Put: key set type", "PutItem", {"TableName": H, "Item": {"a": {"SS": ["a"]}}})
    add("Put: hashN key 1.0", "PutItem", {"TableName": HN, "Item": {"a": {"N": "1.0"}}})
    add("Put: key too long", "PutItem", {"TableName": H, "Item": {"a": {"S": "a" * 2049}}})
    add("Put: key 2048", "PutItem", {"TableName": H, "Item": {"a": {"S": "a" * 2048}}})
    add("Put: range key too long", "PutItem", {"TableName": R, "Item": {"a": {"S": "a"}, "b": {"S": "b" * 1025}}})
    add("Put: range key 1024", "PutItem", {"TableName": R, "Item": {"a": {"S": "a"}, "b": {"S": "b" * 1024}}})
    add("Put: ok", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}, "n": {"N": "1.50"}, "s": {"SS": ["x", "y"]}}})
    add("Put: ok ALL_OLD", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}, "n": {"N": "2"}}, "ReturnValues": "ALL_OLD"})
    add("Put: Expected cond fail", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "Expected": {"a": {"Exists": False}}})
    add("Put: Expected cond ok", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}, "n": {"N": "3"}},
                                            "Expected": {"n": {"Value": {"N": "2"}}}})
    add("Put: CE fail", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "attribute_not_exists(a)"})
    add("Put: CE fail ALL_OLD on fail", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "attribute_not_exists(a)",
                                                   "ReturnValuesOnConditionCheckFailure": "ALL_OLD"})
    add("Put: CE + Expected", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "a = a",
                                         "Expected": {"a": {"Exists": False}}})
    add("Put: EAN no expr", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ExpressionAttributeNames": {"#a": "a"}})
    add("Put: EAV no expr", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ExpressionAttributeValues": {":a": {"S": "a"}}})
    add("Put: EAN empty", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "a = a", "ExpressionAttributeNames": {}})
    add("Put: EAV empty", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "a = a", "ExpressionAttributeValues": {}})
    add("Put: EAN bad key", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "a = a", "ExpressionAttributeNames": {"a": "a"}})
    add("Put: EAV bad key", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "a = a", "ExpressionAttributeValues": {"a": {"S": "a"}}})
    add("Put: EAV bad value", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "a = a", "ExpressionAttributeValues": {":a": {}}})
    add("Put: EAV bad N", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "a = a", "ExpressionAttributeValues": {":a": {"N": "x"}}})
    add("Put: EAV empty S", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": ""}}})
    add("Put: unused EAN", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "a = a", "ExpressionAttributeNames": {"#a": "a"}})
    add("Put: unused EAV", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "a = a", "ExpressionAttributeValues": {":a": {"S": "a"}}})
    add("Put: undefined EAN", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "#a = a"})
    add("Put: undefined EAV", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "a = :a"})
    add("Put: item checked before expr", "PutItem", {"TableName": H, "Item": {"a": {}}, "ConditionExpression": "a = :a"})
    add("Put: item checked before RV", "PutItem", {"TableName": H, "Item": {"a": {}}, "ReturnValues": "ALL_NEW"})
    add("Put: RV before size", "PutItem", {"TableName": H, "Item": {"a": {"S": "x"}, "b": {"S": "a" * 409600}}, "ReturnValues": "ALL_NEW"})
    add("Put: size before Expected", "PutItem", {"TableName": H, "Item": {"a": {"S": "x"}, "b": {"S": "a" * 409600}}, "Expected": {"a": {}}})
    add("Put: Expected before expr", "PutItem", {"TableName": H, "Item": {"a": {"S": "x"}}, "Expected": {"a": {}}, "ExpressionAttributeNames": {}})
    add("Put: RVOCCF bad", "PutItem", {"TableName": H, "Item": {"a": {"S": "x"}}, "ReturnValuesOnConditionCheckFailure": "ALL_NEW"})
    add("Put: CCF with RCC", "PutItem", {"TableName": H, "Item": {"a": {"S": "p1"}}, "ConditionExpression": "attribute_not_exists(a)", "ReturnConsumedCapacity": "TOTAL"})
    add("Put: ok RCC TOTAL", "PutItem", {"TableName": H, "Item": {"a": {"S": "p2"}}, "ReturnConsumedCapacity": "TOTAL"})
    add("Put: ok RCC INDEXES range", "PutItem", {"TableName": R, "Item": {"a": {"S": "p2"}, "b": {"S": "1"}, "c": {"S": "c"}}, "ReturnConsumedCapacity": "INDEXES"})
    add("Put: ok RICM", "PutItem", {"TableName": R, "Item": {"a": {"S": "p2"}, "b": {"S": "2"}}, "ReturnItemCollectionMetrics": "SIZE"})
    add("Put: ok RICM hash", "PutItem", {"TableName": H, "Item": {"a": {"S": "p2"}}, "ReturnItemCollectionMetrics": "SIZE"})

    # condition expression syntax/semantic errors (via PutItem on a real table)
    ce = ["", " ", "a", "a =", "a = b AND", "(a = b", "a = b)", "a == b", "a <> b", "a IN ()", "a IN (b)",
          "a BETWEEN b", "a BETWEEN b AND", "attribute_exists(a", "attribute_exists()", "attribute_exists(a, b)",
          "attribute_not_exists(a) AND", "foo(a)", "size(a)", "size(a) = 1", "size(a, b) = 1",
          "attribute_type(a, :s)", "begins_with(a)", "contains(a)", "a = :a", "a.b = a", "a[1] = a",
          "a[-1] = a", "a[1.1] = a", "a[b] = a", "#a = a", "a = #a", "NOT a", "NOT a = a", "a = a AND a", "a AND b",
          "a = a OR", "a < b < c", "attribute_exists(size(a))", "size(size(a)) = a", "a = size(a)",
          "begins_with(a, size(a))", "attribute_type(a, b)", "contains(size(a), a)", "attribute_exists(:a)",
          "a = :a", "a IN (a, a, a)", "a BETWEEN a AND a", "a = a AND b = b OR c = c",
          "abort = a", "ABORT = a", "Abort = a", "a = abort", "a.abort = a", "a.#n = a", "a..b = a",
          "a[1][2].b = a", "a = a a", ":a", "a = 1", "a = 'x'", "a = \"x\"", "a = @", "a = $", "1a = a",
          "_a = a", "a_b = a", "a-b = a", "a = b; c", "#a.#b = a", "a[99999999999] = a", "a[4294967296] = a",
          "attribute_type(a, :a)", "attribute_exists (a)", "size (a) = a", "a IN (" + ",".join(["a"] * 101) + ")",
          "a IN (" + ",".join(["a"] * 100) + ")"]
    for e in ce:
        add(f"CE syntax [{e[:60]}]", "PutItem", {"TableName": H, "Item": {"a": {"S": "ce"}}, "ConditionExpression": e})
    ce_vals = [("attribute_type(a, :a)", {":a": {"S": "X"}}), ("attribute_type(a, :a)", {":a": {"N": "1"}}),
               ("begins_with(a, :a)", {":a": {"N": "1"}}), ("contains(a, :a)", {":a": {"N": "1"}}),
               ("a BETWEEN :b AND :a", {":a": {"N": "1"}, ":b": {"N": "2"}}),
               ("a BETWEEN :b AND :a", {":a": {"N": "1"}, ":b": {"S": "2"}}),
               ("a < :a", {":a": {"SS": ["a"]}}), ("a < :a", {":a": {"BOOL": True}}), ("a IN (:a, :a)", {":a": {"S": "a"}}),
               ("size(a) = :a", {":a": {"N": "1"}}), (":a = :a", {":a": {"N": "1"}}), ("a = :a AND :b", {":a": {"N": "1"}, ":b": {"N": "1"}}),
               ("attribute_exists(:a)", {":a": {"S": "a"}}), ("size(:a) = :a", {":a": {"S": "a"}}),
               ("begins_with(:a, a)", {":a": {"S": "a"}}), ("a = :a", {":a": {"S": "x"}, ":b": {"S": "y"}})]
    for e, v in ce_vals:
        add(f"CE values [{e}] {json.dumps(v)}", "PutItem", {"TableName": H, "Item": {"a": {"S": "ce"}}, "ConditionExpression": e,
                                                          "ExpressionAttributeValues": v})
    ce_names = [("#a = a", {"#a": "a", "#b": "b"}), ("#a = a", {"#a": ""}), ("#a.#b = a", {"#a": "a", "#b": "b"}),
                ("#a = a", {"#a": "a" * 256}), ("#a = a", {"#": "a"}), ("#a = a", {"#a-b": "a"})]
    for e, n in ce_names:
        add(f"CE names [{e}] {json.dumps(n)[:40]}", "PutItem", {"TableName": H, "Item": {"a": {"S": "ce"}}, "ConditionExpression": e,
                                                              "ExpressionAttributeNames": n})

    # --- GetItem (getItem.js)
    add("Get: empty", "GetItem", {})
    add("Get: bad attrs", "GetItem", {"TableName": "abc;", "ReturnConsumedCapacity": "hi", "AttributesToGet": []})
    add("Get: ATG too long", "GetItem", {"TableName": "abc", "Key": {}, "AttributesToGet": ["a"] * 256})
    add("Get: ATG dup", "GetItem", {"TableName": "abc", "Key": {}, "AttributesToGet": ["a", "a"]})
    add("Get: ATG + PE", "GetItem", {"TableName": "abc", "Key": {}, "AttributesToGet": ["a"], "ProjectionExpression": "a"})
    add("Get: EAN no PE", "GetItem", {"TableName": "abc", "Key": {}, "ExpressionAttributeNames": {"#a": "a"}})
    add("Get: EAV", "GetItem", {"TableName": "abc", "Key": {}, "ProjectionExpression": "a", "ExpressionAttributeValues": {":a": {"S": "a"}}})
    add("Get: EAV no PE", "GetItem", {"TableName": "abc", "Key": {}, "ExpressionAttributeValues": {":a": {"S": "a"}}})
    for pe in ["", "a,", "a b", "a[", "a.", ":a", "a, a", "a, a.b", "a.b, a", "a[0], a[0]", "a[0].b, a[0]",
               "#a", "a, #a", "size(a)", "a[1][2], a[1]", "abort", "a.b.c, a.b.d", "a[0], a[1]", "a, b, c"]:
        add(f"Get: PE [{pe}]", "GetItem", {"TableName": H, "Key": {"a": {"S": "p1"}}, "ProjectionExpression": pe})
    add("Get: PE unused EAN", "GetItem", {"TableName": H, "Key": {"a": {"S": "p1"}}, "ProjectionExpression": "a", "ExpressionAttributeNames": {"#b": "b"}})
    add("Get: no table", "GetItem", {"TableName": p + "nope", "Key": {"a": {"S": "a"}}})
    add("Get: key empty AV", "GetItem", {"TableName": H, "Key": {"a": {}}})
    add("Get: key missing", "GetItem", {"TableName": H, "Key": {}})
    add("Get: key extra", "GetItem", {"TableName": H, "Key": {"a": {"S": "a"}, "b": {"S": "b"}}})
    add("Get: key wrong attr", "GetItem", {"TableName": H, "Key": {"b": {"S": "a"}}})
    add("Get: key wrong type", "GetItem", {"TableName": H, "Key": {"a": {"N": "1"}}})
    add("Get: key empty string", "GetItem", {"TableName": H, "Key": {"a": {"S": ""}}})
    add("Get: key 3 attrs range", "GetItem", {"TableName": R, "Key": {"a": {"S": "a"}, "b": {"S": "b"}, "c": {"S": "c"}}})
    add("Get: range missing", "GetItem", {"TableName": R, "Key": {"a": {"S": "a"}}})
    add("Get: range wrong type", "GetItem", {"TableName": R, "Key": {"a": {"S": "a"}, "b": {"N": "1"}}})
    add("Get: range wrong attr", "GetItem", {"TableName": R, "Key": {"a": {"S": "a"}, "c": {"S": "1"}}})
    add("Get: key 39 digits", "GetItem", {"TableName": HN, "Key": {"a": {"N": "123456789012345678901234567890123456789"}}})
    add("Get: key too long", "GetItem", {"TableName": H, "Key": {"a": {"S": "a" * 2049}}})
    add("Get: key wrong type + missing (order)", "GetItem", {"TableName": R, "Key": {"a": {"N": "1"}}})
    add("Get: ok", "GetItem", {"TableName": H, "Key": {"a": {"S": "p1"}}})
    add("Get: ok ATG", "GetItem", {"TableName": H, "Key": {"a": {"S": "p1"}}, "AttributesToGet": ["n", "zz"]})
    add("Get: ok PE", "GetItem", {"TableName": H, "Key": {"a": {"S": "p1"}}, "ProjectionExpression": "n, zz"})
    add("Get: ok RCC", "GetItem", {"TableName": H, "Key": {"a": {"S": "p1"}}, "ReturnConsumedCapacity": "TOTAL"})
    add("Get: ok RCC consistent", "GetItem", {"TableName": H, "Key": {"a": {"S": "p1"}}, "ReturnConsumedCapacity": "INDEXES", "ConsistentRead": True})
    add("Get: ok missing", "GetItem", {"TableName": H, "Key": {"a": {"S": "nope"}}})
    add("Get: ok missing RCC", "GetItem", {"TableName": H, "Key": {"a": {"S": "nope"}}, "ReturnConsumedCapacity": "TOTAL"})

    # --- DeleteItem (deleteItem.js)
    add("Del: empty", "DeleteItem", {})
    add("Del: bad attrs", "DeleteItem", {"TableName": "abc;", "ReturnConsumedCapacity": "hi", "ReturnItemCollectionMetrics": "hi", "ReturnValues": "hi"})
    for rv in ["UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"]:
        add(f"Del: RV {rv}", "DeleteItem", {"TableName": "abc", "Key": {}, "ReturnValues": rv})
    add("Del: no table", "DeleteItem", {"TableName": p + "nope", "Key": {"a": {"S": "a"}}})
    add("Del: key wrong", "DeleteItem", {"TableName": H, "Key": {"b": {"S": "a"}}})
    add("Del: key empty AV", "DeleteItem", {"TableName": "abc", "Key": {"a": {}}})
    add("Del: Expected bad", "DeleteItem", {"TableName": "abc", "Key": {}, "Expected": {"a": {}}})
    add("Del: CE fail", "DeleteItem", {"TableName": H, "Key": {"a": {"S": "p1"}}, "ConditionExpression": "attribute_not_exists(a)"})
    add("Del: CE fail RVOCCF", "DeleteItem", {"TableName": H, "Key": {"a": {"S": "p1"}}, "ConditionExpression": "attribute_not_exists(a)", "ReturnValuesOnConditionCheckFailure": "ALL_OLD"})
    add("Del: Expected fail", "DeleteItem", {"TableName": H, "Key": {"a": {"S": "p1"}}, "Expected": {"n": {"Value": {"N": "9"}}}})
    add("Del: ok missing", "DeleteItem", {"TableName": H, "Key": {"a": {"S": "zz"}}, "ReturnValues": "ALL_OLD"})
    add("Del: ok ALL_OLD", "DeleteItem", {"TableName": H, "Key": {"a": {"S": "p2"}}, "ReturnValues": "ALL_OLD", "ReturnConsumedCapacity": "TOTAL"})
    add("Del: ok RICM", "DeleteItem", {"TableName": R, "Key": {"a": {"S": "p2"}, "b": {"S": "2"}}, "ReturnItemCollectionMetrics": "SIZE"})

    # --- UpdateItem (updateItem.js)
    K = {"a": {"S": "u1"}}
    add("Upd: empty", "UpdateItem", {})
    add("Upd: bad attrs", "UpdateItem", {"TableName": "abc;", "ReturnConsumedCapacity": "hi", "ReturnItemCollectionMetrics": "hi", "ReturnValues": "hi"})
    add("Upd: AU no value not delete", "UpdateItem", {"TableName": "abc", "Key": {}, "AttributeUpdates": {"a": {}}})
    add("Upd: AU PUT no value", "UpdateItem", {"TableName": "abc", "Key": {}, "AttributeUpdates": {"a": {"Action": "PUT"}}})
    add("Upd: AU DELETE S", "UpdateItem", {"TableName": "abc", "Key": {}, "AttributeUpdates": {"a": {"Action": "DELETE", "Value": {"S": "a"}}}})
    add("Upd: AU ADD S", "UpdateItem", {"TableName": "abc", "Key": {}, "AttributeUpdates": {"a": {"Action": "ADD", "Value": {"S": "a"}}}})
    add("Upd: AU ADD M", "UpdateItem", {"TableName": "abc", "Key": {}, "AttributeUpdates": {"a": {"Action": "ADD", "Value": {"M": {}}}}})
    add("Upd: AU bad Action", "UpdateItem", {"TableName": "abc", "Key": {}, "AttributeUpdates": {"a": {"Action": "X", "Value": {"S": "a"}}}})
    add("Upd: AU empty value", "UpdateItem", {"TableName": "abc", "Key": {}, "AttributeUpdates": {"a": {"Value": {}}}})
    add("Upd: AU + UE", "UpdateItem", {"TableName": "abc", "Key": {}, "AttributeUpdates": {"a": {"Value": {"S": "a"}}}, "UpdateExpression": "SET a = a"})
    add("Upd: Expected + CE + UE", "UpdateItem", {"TableName": "abc", "Key": {}, "Expected": {"a": {}}, "ConditionExpression": "a = a", "UpdateExpression": "SET a = a"})
    add("Upd: no table", "UpdateItem", {"TableName": p + "nope", "Key": K})
    add("Upd: key wrong", "UpdateItem", {"TableName": H, "Key": {"b": {"S": "a"}}})
    add("Upd: update key AU", "UpdateItem", {"TableName": H, "Key": K, "AttributeUpdates": {"a": {"Value": {"S": "b"}}}})
    add("Upd: update key UE", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": "SET a = :a", "ExpressionAttributeValues": {":a": {"S": "b"}}})
    add("Upd: update range key UE", "UpdateItem", {"TableName": R, "Key": {"a": {"S": "a"}, "b": {"S": "b"}}, "UpdateExpression": "REMOVE b"})
    add("Upd: update index key wrong type", "UpdateItem", {"TableName": R, "Key": {"a": {"S": "a"}, "b": {"S": "b"}}, "UpdateExpression": "SET c = :c", "ExpressionAttributeValues": {":c": {"N": "1"}}})
    add("Upd: update index key empty", "UpdateItem", {"TableName": R, "Key": {"a": {"S": "a"}, "b": {"S": "b"}}, "UpdateExpression": "SET c = :c", "ExpressionAttributeValues": {":c": {"S": ""}}})
    add("Upd: AU index key wrong type", "UpdateItem", {"TableName": R, "Key": {"a": {"S": "a"}, "b": {"S": "b"}}, "AttributeUpdates": {"c": {"Value": {"N": "1"}}}})
    add("Upd: update key nested", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": "SET a.b = :a", "ExpressionAttributeValues": {":a": {"S": "b"}}})
    ue = ["", " ", "SET", "SET a", "SET a =", "SET a = b,", "SET a = b SET c = d", "REMOVE a SET b = c REMOVE d",
          "ADD a", "ADD a b c", "DELETE a", "REMOVE", "REMOVE a,", "REMOVE a = b", "SET a = b, a = c", "SET a = b REMOVE a",
          "SET a.b = c, a = d", "SET a[1] = b, a = c", "SET a = b + c + d", "SET a = b - c", "SET a = if_not_exists(a)",
          "SET a = if_not_exists(a, b, c)", "SET a = if_not_exists(b, c)", "SET a = list_append(a)",
          "SET a = list_append(a, b)", "SET a = size(a)", "SET a = foo(a)", "SET a = attribute_exists(a)",
          "SET a = (b)", "SET a + b = c", "ADD a :b", "ADD a.b c", "DELETE a.b c", "ADD a[1] c", "ADD a b",
          "SET #a = b", "SET a = :a", "SET b = a, c = b", "SET a[0] = b, a[0].c = d", "SET a = b REMOVE c ADD d e DELETE f g",
          "set a = b", "Set a = b remove c", "SET abort = a", "SET a = abort", "REMOVE a[1], a[1]",
          "SET a = list_append(:x, b)", "SET a = b, c = d, a.e = f", "SET a=b", "SET a[1][2] = b, a[1] = c",
          "SET a = if_not_exists(a, b) + c", "SET a = b + if_not_exists(a, b)", "SET a = list_append(a, b) + c",
          "SET a = b + list_append(a, b)", "SET b = list_append(if_not_exists(a, b), c)", "SET a = size(b) + c",
          "SET a = (b + c)", "SET a = b[1]", "SET a = b.c", "SET a.b.c = d", "SET a[-1] = b", "REMOVE a[b]"]
    for e in ue:
        add(f"UE syntax [{e[:60]}]", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": e})
    ue_vals = [("SET b = :a + :a", {":a": {"S": "x"}}), ("SET b = :a - :b", {":a": {"N": "1"}, ":b": {"SS": ["a"]}}),
               ("ADD b :a", {":a": {"S": "x"}}), ("ADD b :a", {":a": {"L": []}}), ("ADD b :a", {":a": {"BOOL": True}}),
               ("ADD b :a", {":a": {"M": {}}}), ("DELETE b :a", {":a": {"N": "1"}}), ("DELETE b :a", {":a": {"S": "x"}}),
               ("DELETE b :a", {":a": {"L": []}}), ("SET b = list_append(:a, :b)", {":a": {"S": "x"}, ":b": {"L": []}}),
               ("SET b = list_append(:b, :a)", {":a": {"S": "x"}, ":b": {"L": []}}),
               ("SET b = :a", {":a": {"S": "x"}, ":c": {"S": "y"}}), ("SET b = :a, c = :a", {":a": {"N": "1"}}),
               ("SET b = if_not_exists(:a, b)", {":a": {"N": "1"}}), ("SET b[1] = :a", {":a": {"N": "1"}}),
               ("SET b = :a + :b", {":a": {"N": "99999999999999999999999999999999999999"}, ":b": {"N": "1"}}),
               ("SET b = :a + :b", {":a": {"N": "9.9e125"}, ":b": {"N": "9.9e125"}}),
               ("SET b = :a - :b", {":a": {"N": "1e-130"}, ":b": {"N": "1.1e-130"}}),
               ("SET b = :a + :b", {":a": {"N": "1e38"}, ":b": {"N": "1"}})]
    for e, v in ue_vals:
        add(f"UE values [{e}] {json.dumps(v)[:50]}", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": e,
                                                                  "ExpressionAttributeValues": v})
    add("Upd: setup u1", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": "SET n = :n, s = :s, l = :l, m = :m, st = :st",
                                        "ExpressionAttributeValues": {":n": {"N": "5"}, ":s": {"SS": ["a", "b"]}, ":l": {"L": [{"S": "x"}, {"N": "1"}]},
                                                                      ":m": {"M": {"x": {"S": "y"}}}, ":st": {"S": "str"}}, "ReturnValues": "ALL_NEW"})
    ue_run = [("SET st = st + :one", {":one": {"N": "1"}}), ("SET n = n + :s", {":s": {"S": "x"}}), ("ADD st :one", {":one": {"N": "1"}}),
              ("ADD s :one", {":one": {"N": "1"}}), ("ADD s :ns", {":ns": {"NS": ["1"]}}), ("DELETE n :ss", {":ss": {"SS": ["a"]}}),
              ("DELETE s :ns", {":ns": {"NS": ["1"]}}), ("SET l = list_append(l, :s)", {":s": {"S": "x"}}), ("SET st.x = :s", {":s": {"S": "x"}}),
              ("SET l[0].x = :s", {":s": {"S": "x"}}), ("SET m.x.y = :s", {":s": {"S": "x"}}), ("SET m.q.r = :s", {":s": {"S": "x"}}),
              ("SET st[0] = :s", {":s": {"S": "x"}}), ("REMOVE st.x", None), ("REMOVE m.x.y", None), ("REMOVE l[5]", None),
              ("SET l[9] = :s", {":s": {"S": "z"}}), ("SET nope.x = :s", {":s": {"S": "x"}}), ("SET nope[0] = :s", {":s": {"S": "x"}}),
              ("SET n = nope + :one", {":one": {"N": "1"}}), ("SET n = size(st)", None), ("SET x = if_not_exists(nope, :s)", {":s": {"S": "d"}}),
              ("DELETE s :ss", {":ss": {"SS": ["a", "b"]}}), ("ADD newset :ss", {":ss": {"SS": ["q"]}}), ("ADD newnum :one", {":one": {"N": "1"}}),
              ("ADD m.newnum :one", {":one": {"N": "1"}}), ("ADD l[0] :one", {":one": {"N": "1"}}), ("REMOVE st, nope", None),
              ("SET a2 = :e", {":e": {"S": ""}}), ("SET l = list_append(:e, l)", {":e": {"L": [{"N": "0"}]}})]
    for e, v in ue_run:
        b = {"TableName": H, "Key": K, "UpdateExpression": e, "ReturnValues": "UPDATED_NEW"}
        if v:
            b["ExpressionAttributeValues"] = v
        add(f"UE run [{e}]", "UpdateItem", b)
    for rv in ["ALL_OLD", "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW", "NONE"]:
        add(f"Upd: RV {rv}", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": "SET n = n + :one, m.x = :s REMOVE nope",
                                             "ExpressionAttributeValues": {":one": {"N": "1"}, ":s": {"S": rv}}, "ReturnValues": rv})
    add("Upd: RV UPDATED_OLD new attr", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": "SET brandnew = :s",
                                                       "ExpressionAttributeValues": {":s": {"S": "x"}}, "ReturnValues": "UPDATED_OLD"})
    add("Upd: AU run", "UpdateItem", {"TableName": H, "Key": K, "AttributeUpdates": {"n": {"Action": "ADD", "Value": {"N": "2"}},
                                                                                     "s": {"Action": "DELETE"},
                                                                                     "q": {"Action": "PUT", "Value": {"S": "q"}},
                                                                                     "st": {"Action": "ADD", "Value": {"SS": ["z"]}}},
                                      "ReturnValues": "ALL_NEW"})
    add("Upd: AU ADD to nonnum", "UpdateItem", {"TableName": H, "Key": K, "AttributeUpdates": {"q": {"Action": "ADD", "Value": {"N": "2"}}}})
    add("Upd: AU DELETE set mismatch", "UpdateItem", {"TableName": H, "Key": K, "AttributeUpdates": {"q": {"Action": "DELETE", "Value": {"SS": ["a"]}}}})
    add("Upd: AU on missing item delete", "UpdateItem", {"TableName": H, "Key": {"a": {"S": "u2"}}, "AttributeUpdates": {"q": {"Action": "DELETE"}}, "ReturnValues": "ALL_NEW"})
    add("Upd: no update missing item", "UpdateItem", {"TableName": H, "Key": {"a": {"S": "u3"}}, "ReturnValues": "ALL_NEW"})
    add("Upd: CE fail", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": "SET q = :q", "ConditionExpression": "attribute_not_exists(a)",
                                       "ExpressionAttributeValues": {":q": {"S": "x"}}})
    add("Upd: CE fail RVOCCF", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": "SET q = :q", "ConditionExpression": "attribute_not_exists(a)",
                                              "ExpressionAttributeValues": {":q": {"S": "x"}}, "ReturnValuesOnConditionCheckFailure": "ALL_OLD"})
    add("Upd: CE uses unused EAV", "UpdateItem", {"TableName": H, "Key": K, "ConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "u1"}}})
    add("Upd: UE names", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": "SET #x = :q", "ExpressionAttributeNames": {"#x": "x", "#y": "y"},
                                        "ExpressionAttributeValues": {":q": {"S": "x"}}})
    add("Upd: big item", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": "SET big = :b", "ExpressionAttributeValues": {":b": {"S": "a" * 409600}}})
    add("Upd: EAV too big", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": "SET big = :b", "ExpressionAttributeValues": {":b": {"S": "a" * 409500}, ":c": {"S": "a" * 409500}}})
    add("Upd: RCC", "UpdateItem", {"TableName": H, "Key": K, "UpdateExpression": "SET q = :q", "ExpressionAttributeValues": {":q": {"S": "x"}}, "ReturnConsumedCapacity": "TOTAL"})
    add("Upd: Get after", "GetItem", {"TableName": H, "Key": K})

    # --- Query (query.js)
    add("Q: empty", "Query", {})
    add("Q: bad attrs", "Query", {"TableName": "abc;", "ReturnConsumedCapacity": "hi", "AttributesToGet": [], "IndexName": "abc;", "Select": "hi",
                                  "Limit": -1, "ConditionalOperator": "AN", "KeyConditions": {"a": {}, "b": {"ComparisonOperator": ""}},
                                  "QueryFilter": {"a": {}, "b": {"ComparisonOperator": ""}}})
    add("Q: no KC", "Query", {"TableName": "abc"})
    add("Q: KC + KCE", "Query", {"TableName": "abc", "KeyConditions": {}, "KeyConditionExpression": "a = b"})
    add("Q: KC + FE", "Query", {"TableName": "abc", "KeyConditions": {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "a"}]}}, "FilterExpression": "a = b"})
    add("Q: QF + FE", "Query", {"TableName": "abc", "QueryFilter": {}, "FilterExpression": "a = b", "KeyConditionExpression": "a = b"})
    add("Q: ATG + PE", "Query", {"TableName": "abc", "AttributesToGet": ["a"], "ProjectionExpression": "a", "KeyConditionExpression": "a = b"})
    add("Q: EAN no expr", "Query", {"TableName": "abc", "KeyConditions": {}, "ExpressionAttributeNames": {"#a": "a"}})
    add("Q: EAV no expr", "Query", {"TableName": "abc", "KeyConditions": {}, "ExpressionAttributeValues": {":a": {"S": "a"}}})
    add("Q: EAV PE only", "Query", {"TableName": "abc", "KeyConditions": {}, "ProjectionExpression": "a", "ExpressionAttributeValues": {":a": {"S": "a"}}})
    add("Q: ATG dup", "Query", {"TableName": "abc", "KeyConditions": {}, "AttributesToGet": ["a", "a"]})
    add("Q: ESK bad", "Query", {"TableName": "abc", "KeyConditions": {}, "ExclusiveStartKey": {"a": {}}})
    add("Q: ESK bad NS", "Query", {"TableName": "abc", "KeyConditions": {}, "ExclusiveStartKey": {"a": {"NS": ["1", "1"]}}})
    add("Q: ESK bad N", "Query", {"TableName": "abc", "KeyConditions": {}, "ExclusiveStartKey": {"a": {"N": "x"}}})
    add("Q: ESK empty S", "Query", {"TableName": "abc", "KeyConditions": {}, "ExclusiveStartKey": {"a": {"S": ""}}})
    add("Q: ESK multiple", "Query", {"TableName": "abc", "KeyConditions": {}, "ExclusiveStartKey": {"a": {"S": "a", "N": "1"}}})
    add("Q: KC empty AV", "Query", {"TableName": "abc", "KeyConditions": {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{}]}}})
    add("Q: KC 0 args", "Query", {"TableName": "abc", "KeyConditions": {"a": {"ComparisonOperator": "EQ"}}})
    add("Q: KC IN", "Query", {"TableName": "abc", "KeyConditions": {"a": {"ComparisonOperator": "IN", "AttributeValueList": [{"S": "a"}]}}})
    add("Q: KC NULL", "Query", {"TableName": "abc", "KeyConditions": {"a": {"ComparisonOperator": "NULL"}}})
    add("Q: KC CONTAINS", "Query", {"TableName": "abc", "KeyConditions": {"a": {"ComparisonOperator": "CONTAINS", "AttributeValueList": [{"S": "a"}]}}})
    add("Q: KC EQ SS", "Query", {"TableName": "abc", "KeyConditions": {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{"SS": ["a"]}]}}})
    add("Q: KC 3 conds", "Query", {"TableName": "abc", "KeyConditions": {k: {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "a"}]} for k in "abc"}})
    add("Q: KC 0 conds", "Query", {"TableName": "abc", "KeyConditions": {}})
    add("Q: KC BETWEEN reversed", "Query", {"TableName": "abc", "KeyConditions": {"a": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [{"N": "2"}, {"N": "1"}]}}})
    add("Q: QF bad", "Query", {"TableName": "abc", "KeyConditions": {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "a"}]}},
                               "QueryFilter": {"b": {"ComparisonOperator": "LT", "AttributeValueList": [{"SS": ["a"]}]}}})
    add("Q: Select bad combos ATG", "Query", {"TableName": H, "KeyConditions": {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "a"}]}},
                                              "Select": "ALL_ATTRIBUTES", "AttributesToGet": ["a"]})
    add("Q: Select SPECIFIC no attrs", "Query", {"TableName": H, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}},
                                                 "Select": "SPECIFIC_ATTRIBUTES"})
    add("Q: Select ALL_PROJECTED no index", "Query", {"TableName": H, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}},
                                                      "Select": "ALL_PROJECTED_ATTRIBUTES"})
    add("Q: Select ALL + PE", "Query", {"TableName": H, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}},
                                        "Select": "ALL_ATTRIBUTES", "ProjectionExpression": "a"})
    add("Q: Select COUNT + PE", "Query", {"TableName": H, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}},
                                          "Select": "COUNT", "ProjectionExpression": "a"})
    add("Q: Select COUNT", "Query", {"TableName": H, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}}, "Select": "COUNT"})
    add("Q: no table", "Query", {"TableName": p + "nope", "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}}})
    add("Q: bad index", "Query", {"TableName": H, "IndexName": "nope", "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}}})
    add("Q: bad index range", "Query", {"TableName": R, "IndexName": "nope", "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}}})
    add("Q: GSI consistent", "Query", {"TableName": R, "IndexName": "index3", "ConsistentRead": True, "KeyConditionExpression": "c = :a", "ExpressionAttributeValues": {":a": {"S": "c"}}})
    add("Q: LSI ok", "Query", {"TableName": R, "IndexName": "index1", "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p2"}}})
    add("Q: LSI ALL_PROJECTED", "Query", {"TableName": R, "IndexName": "index2", "Select": "ALL_PROJECTED_ATTRIBUTES", "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p2"}}})
    add("Q: GSI ALL_ATTRIBUTES non-ALL proj", "Query", {"TableName": R, "IndexName": "index4", "Select": "ALL_ATTRIBUTES", "KeyConditionExpression": "c = :a", "ExpressionAttributeValues": {":a": {"S": "c"}}})
    add("Q: GSI ATG non projected", "Query", {"TableName": R, "IndexName": "index4", "AttributesToGet": ["zz"], "KeyConditionExpression": "c = :a", "ExpressionAttributeValues": {":a": {"S": "c"}}})
    add("Q: GSI PE non projected", "Query", {"TableName": R, "IndexName": "index4", "ProjectionExpression": "zz", "KeyConditionExpression": "c = :a", "ExpressionAttributeValues": {":a": {"S": "c"}}})
    add("Q: GSI ok", "Query", {"TableName": R, "IndexName": "index3", "KeyConditionExpression": "c = :a", "ExpressionAttributeValues": {":a": {"S": "c"}}})
    add("Q: ESK on table wrong", "Query", {"TableName": H, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}}, "ExclusiveStartKey": {"b": {"S": "x"}}})
    add("Q: ESK on table other hash", "Query", {"TableName": H, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}}, "ExclusiveStartKey": {"a": {"S": "x"}}})
    add("Q: ESK on range other hash", "Query", {"TableName": R, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}}, "ExclusiveStartKey": {"a": {"S": "x"}, "b": {"S": "x"}}})
    add("Q: ESK on range missing range", "Query", {"TableName": R, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}}, "ExclusiveStartKey": {"a": {"S": "p1"}}})
    add("Q: ESK on range outside cond", "Query", {"TableName": R, "KeyConditionExpression": "a = :a AND b > :b", "ExpressionAttributeValues": {":a": {"S": "p1"}, ":b": {"S": "m"}}, "ExclusiveStartKey": {"a": {"S": "p1"}, "b": {"S": "a"}}})
    add("Q: ESK on GSI missing idx key", "Query", {"TableName": R, "IndexName": "index3", "KeyConditionExpression": "c = :a", "ExpressionAttributeValues": {":a": {"S": "c"}}, "ExclusiveStartKey": {"a": {"S": "p1"}, "b": {"S": "x"}}})
    add("Q: ESK on GSI ok", "Query", {"TableName": R, "IndexName": "index3", "KeyConditionExpression": "c = :a", "ExpressionAttributeValues": {":a": {"S": "c"}}, "ExclusiveStartKey": {"a": {"S": "p1"}, "b": {"S": "x"}, "c": {"S": "c"}}})
    kce = ["", "a", "a = b", "a = :a AND", "a = :a OR b = :b", "NOT a = :a", "a <> :a", "a IN (:a)", "a = :a AND b = :b AND c = :c",
           "b = :b", "a > :a", "a = :a AND a = :a", "a = :a AND zz = :b", "a = :a AND b BETWEEN :b AND :a", "begins_with(a, :a)",
           "a = :a AND begins_with(b, :b)", "a = :a AND contains(b, :b)", "a = :a AND attribute_exists(b)", "(a = :a)",
           "a = :a AND (b = :b)", ":a = a", "a = :a AND :b < b", "a = size(a)", "a = :a AND b = b", "#a = :a", "a.b = :a",
           "a[0] = :a", "a = :n", "a = :a AND b > :n", "a = :a AND begins_with(b, :n)", "a = :ss", "a = :a AND b BETWEEN :a AND :b",
           "a = :a and b < :b", "a = :a AND b <= :b", "a = :a AND b >= :b", "a = :a AND b < :b", "a = :a AND b = :b"]
    kce_vals = {":a": {"S": "p2"}, ":b": {"S": "1"}, ":c": {"S": "c"}, ":n": {"N": "1"}, ":ss": {"SS": ["a"]}}

    def used(e, vals):  # only the values the expression names, so that no "unused" error hides the rest
        return {k: v for k, v in vals.items() if re.search(re.escape(k) + r"\b", e)} or None

    for e in kce:
        b = {"TableName": R, "KeyConditionExpression": e}
        if used(e, kce_vals):
            b["ExpressionAttributeValues"] = used(e, kce_vals)
        add(f"KCE [{e}] range", "Query", b)
    add("KCE unused + OR", "Query", {"TableName": R, "KeyConditionExpression": "a = :a OR b = :b",
                                      "ExpressionAttributeValues": kce_vals})
    for e in ["a = :a", "a = :a AND b = :b", "c = :a", "a = :a AND c = :c"]:
        add(f"KCE [{e}] hash", "Query", {"TableName": H, "KeyConditionExpression": e,
                                         "ExpressionAttributeValues": used(e, {":a": {"S": "p1"}, ":b": {"S": "x"}, ":c": {"S": "c"}})})
    add("Q: KCE unused EAV", "Query", {"TableName": R, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}, ":z": {"S": "z"}}})
    add("Q: FE on key", "Query", {"TableName": R, "KeyConditionExpression": "a = :a", "FilterExpression": "b = :b", "ExpressionAttributeValues": {":a": {"S": "p1"}, ":b": {"S": "z"}}})
    add("Q: FE on hash key", "Query", {"TableName": R, "KeyConditionExpression": "a = :a", "FilterExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}}})
    add("Q: QF on key", "Query", {"TableName": R, "KeyConditions": {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "p1"}]}},
                                  "QueryFilter": {"b": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "p1"}]}}})
    add("Q: KC wrong type", "Query", {"TableName": R, "KeyConditions": {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{"N": "1"}]}}})
    add("Q: KC non key", "Query", {"TableName": R, "KeyConditions": {"z": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "1"}]}}})
    add("Q: KC range only", "Query", {"TableName": R, "KeyConditions": {"b": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "1"}]}}})
    add("Q: KC hash not EQ", "Query", {"TableName": R, "KeyConditions": {"a": {"ComparisonOperator": "GT", "AttributeValueList": [{"S": "1"}]}}})
    add("Q: KC ok", "Query", {"TableName": R, "KeyConditions": {"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "p2"}]},
                                                                "b": {"ComparisonOperator": "BEGINS_WITH", "AttributeValueList": [{"S": "1"}]}}})
    add("Q: Limit 0", "Query", {"TableName": H, "Limit": 0, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p1"}}})
    add("Q: ok RCC", "Query", {"TableName": R, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p2"}}, "ReturnConsumedCapacity": "INDEXES"})
    add("Q: ok Limit 1", "Query", {"TableName": R, "Limit": 1, "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p2"}}})
    add("Q: PE bad", "Query", {"TableName": R, "ProjectionExpression": "a, a", "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p2"}}})
    add("Q: FE bad", "Query", {"TableName": R, "FilterExpression": "a = ", "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p2"}}})
    add("Q: KCE bad before FE bad", "Query", {"TableName": R, "FilterExpression": "a = ", "KeyConditionExpression": "a = ", "ExpressionAttributeValues": {":a": {"S": "p2"}}})
    add("Q: PE bad before KCE bad", "Query", {"TableName": R, "ProjectionExpression": "a,", "KeyConditionExpression": "a = ", "ExpressionAttributeValues": {":a": {"S": "p2"}}})
    add("Q: FE bad before PE bad", "Query", {"TableName": R, "ProjectionExpression": "a,", "FilterExpression": "a = ", "KeyConditionExpression": "a = :a", "ExpressionAttributeValues": {":a": {"S": "p2"}}})

    # --- Scan (scan.js)
    add("S: empty", "Scan", {})
    add("S: bad attrs", "Scan", {"TableName": "abc;", "ReturnConsumedCapacity": "hi", "AttributesToGet": [], "IndexName": "abc;", "Segment": -1,
                                 "Select": "hi", "Limit": -1, "ScanFilter": {"a": {}, "b": {"ComparisonOperator": ""}}, "ConditionalOperator": "AN",
                                 "TotalSegments": -1})
    add("S: segments big", "Scan", {"TableName": "abc", "Segment": 1000000, "TotalSegments": 1000001})
    add("S: segment no total", "Scan", {"TableName": "abc", "Segment": 1})
    add("S: total no segment", "Scan", {"TableName": "abc", "TotalSegments": 1})
    add("S: segment >= total", "Scan", {"TableName": "abc", "Segment": 1, "TotalSegments": 1})
    add("S: ATG dup", "Scan", {"TableName": "abc", "AttributesToGet": ["a", "a"]})
    add("S: ESK bad", "Scan", {"TableName": "abc", "ExclusiveStartKey": {"a": {}}})
    add("S: SF bad", "Scan", {"TableName": "abc", "ScanFilter": {"a": {"ComparisonOperator": "EQ"}}})
    add("S: SF + FE", "Scan", {"TableName": "abc", "ScanFilter": {}, "FilterExpression": ""})
    add("S: CO no SF", "Scan", {"TableName": H, "ConditionalOperator": "AND"})
    add("S: Select SPECIFIC", "Scan", {"TableName": H, "Select": "SPECIFIC_ATTRIBUTES"})
    add("S: Select ALL_PROJECTED", "Scan", {"TableName": H, "Select": "ALL_PROJECTED_ATTRIBUTES"})
    add("S: Select COUNT ATG", "Scan", {"TableName": H, "Select": "COUNT", "AttributesToGet": ["a"]})
    add("S: no table", "Scan", {"TableName": p + "nope"})
    add("S: bad index", "Scan", {"TableName": R, "IndexName": "nope"})
    add("S: GSI consistent", "Scan", {"TableName": R, "IndexName": "index3", "ConsistentRead": True})
    add("S: ESK wrong", "Scan", {"TableName": H, "ExclusiveStartKey": {"b": {"S": "x"}}})
    add("S: ESK wrong type", "Scan", {"TableName": H, "ExclusiveStartKey": {"a": {"N": "1"}}})
    add("S: ESK range missing", "Scan", {"TableName": R, "ExclusiveStartKey": {"a": {"S": "x"}}})
    add("S: ESK GSI missing", "Scan", {"TableName": R, "IndexName": "index3", "ExclusiveStartKey": {"a": {"S": "x"}, "b": {"S": "x"}}})
    add("S: FE bad", "Scan", {"TableName": H, "FilterExpression": "a ="})
    add("S: FE size EAV", "Scan", {"TableName": H, "FilterExpression": "size(a) > :n", "ExpressionAttributeValues": {":n": {"N": "1"}}})
    add("S: ok COUNT", "Scan", {"TableName": H, "Select": "COUNT"})
    add("S: ok Limit", "Scan", {"TableName": R, "Limit": 1})
    add("S: ok segment", "Scan", {"TableName": R, "Segment": 0, "TotalSegments": 2, "ReturnConsumedCapacity": "TOTAL"})
    add("S: SF ok", "Scan", {"TableName": H, "ScanFilter": {"n": {"ComparisonOperator": "GT", "AttributeValueList": [{"N": "0"}]}}, "Select": "COUNT"})
    add("S: SF NULL", "Scan", {"TableName": H, "ScanFilter": {"n": {"ComparisonOperator": "NULL"}}, "Select": "COUNT"})
    add("S: SF CONTAINS SS", "Scan", {"TableName": H, "ScanFilter": {"n": {"ComparisonOperator": "CONTAINS", "AttributeValueList": [{"SS": ["a"]}]}}})
    add("S: SF BEGINS N", "Scan", {"TableName": H, "ScanFilter": {"n": {"ComparisonOperator": "BEGINS_WITH", "AttributeValueList": [{"N": "1"}]}}})
    add("S: SF IN 2", "Scan", {"TableName": H, "ScanFilter": {"n": {"ComparisonOperator": "IN", "AttributeValueList": [{"N": "1"}, {"N": "2"}]}}, "Select": "COUNT"})
    add("S: Limit 0", "Scan", {"TableName": H, "Limit": 0})
    add("S: TotalSegments 0", "Scan", {"TableName": H, "Segment": 0, "TotalSegments": 0})
    add("S: TotalSegments 1000001", "Scan", {"TableName": H, "Segment": 0, "TotalSegments": 1000001})

    # --- BatchGetItem (batchGetItem.js)
    add("BG: empty", "BatchGetItem", {})
    add("BG: empty RI", "BatchGetItem", {"RequestItems": {}})
    add("BG: bad attrs", "BatchGetItem", {"RequestItems": {"abc;": {}}, "ReturnConsumedCapacity": "hi"})
    add("BG: bad table keys", "BatchGetItem", {"RequestItems": {"abc": {"Keys": [], "AttributesToGet": []}}})
    add("BG: too many keys", "BatchGetItem", {"RequestItems": {"abc": {"Keys": [{"a": {"S": str(i)}} for i in range(101)]}}})
    add("BG: too many keys two tables", "BatchGetItem", {"RequestItems": {"abc": {"Keys": [{"a": {"S": str(i)}} for i in range(50)]},
                                                                          "abd": {"Keys": [{"a": {"S": str(i)}} for i in range(51)]}}})
    add("BG: dup keys", "BatchGetItem", {"RequestItems": {H: {"Keys": [{"a": {"S": "a"}}, {"a": {"S": "a"}}]}}})
    add("BG: dup keys abc", "BatchGetItem", {"RequestItems": {"abc": {"Keys": [{"a": {"S": "a"}}, {"a": {"S": "a"}}]}}})
    add("BG: empty key AV", "BatchGetItem", {"RequestItems": {"abc": {"Keys": [{"a": {}}]}}})
    add("BG: ATG dup", "BatchGetItem", {"RequestItems": {"abc": {"Keys": [{"a": {"S": "a"}}], "AttributesToGet": ["a", "a"]}}})
    add("BG: ATG + PE", "BatchGetItem", {"RequestItems": {"abc": {"Keys": [{"a": {"S": "a"}}], "AttributesToGet": ["a"], "ProjectionExpression": "a"}}})
    add("BG: EAN no PE", "BatchGetItem", {"RequestItems": {"abc": {"Keys": [{"a": {"S": "a"}}], "ExpressionAttributeNames": {"#a": "a"}}}})
    add("BG: PE bad", "BatchGetItem", {"RequestItems": {"abc": {"Keys": [{"a": {"S": "a"}}], "ProjectionExpression": "a,"}}})
    add("BG: no table", "BatchGetItem", {"RequestItems": {p + "nope": {"Keys": [{"a": {"S": "a"}}]}}})
    add("BG: key wrong", "BatchGetItem", {"RequestItems": {H: {"Keys": [{"b": {"S": "a"}}]}}})
    add("BG: key wrong type", "BatchGetItem", {"RequestItems": {H: {"Keys": [{"a": {"N": "1"}}]}}})
    add("BG: ok", "BatchGetItem", {"RequestItems": {H: {"Keys": [{"a": {"S": "p1"}}, {"a": {"S": "zz"}}]}}, "ReturnConsumedCapacity": "TOTAL"})
    add("BG: ok PE", "BatchGetItem", {"RequestItems": {H: {"Keys": [{"a": {"S": "p1"}}], "ProjectionExpression": "#n", "ExpressionAttributeNames": {"#n": "n"}}}})
    add("BG: long table name", "BatchGetItem", {"RequestItems": {"a" * 256: {"Keys": [{"a": {"S": "a"}}]}}})
    add("BG: table name bad chars", "BatchGetItem", {"RequestItems": {"ab": {"Keys": [{"a": {"S": "a"}}]}}})

    # --- BatchWriteItem (batchWriteItem.js)
    add("BW: empty", "BatchWriteItem", {})
    add("BW: empty RI", "BatchWriteItem", {"RequestItems": {}})
    add("BW: bad attrs", "BatchWriteItem", {"RequestItems": {"abc;": []}, "ReturnConsumedCapacity": "hi", "ReturnItemCollectionMetrics": "hi"})
    add("BW: empty list", "BatchWriteItem", {"RequestItems": {"abc": []}})
    add("BW: empty request", "BatchWriteItem", {"RequestItems": {"abc": [{}]}})
    add("BW: both put and delete", "BatchWriteItem", {"RequestItems": {"abc": [{"PutRequest": {"Item": {}}, "DeleteRequest": {"Key": {}}}]}})
    add("BW: put no item", "BatchWriteItem", {"RequestItems": {"abc": [{"PutRequest": {}}]}})
    add("BW: delete no key", "BatchWriteItem", {"RequestItems": {"abc": [{"DeleteRequest": {}}]}})
    add("BW: too many", "BatchWriteItem", {"RequestItems": {"abc": [{"DeleteRequest": {"Key": {"a": {"S": str(i)}}}} for i in range(26)]}})
    add("BW: bad AV", "BatchWriteItem", {"RequestItems": {"abc": [{"PutRequest": {"Item": {"a": {}}}}]}})
    add("BW: bad key AV", "BatchWriteItem", {"RequestItems": {"abc": [{"DeleteRequest": {"Key": {"a": {}}}}]}})
    add("BW: dup puts", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {"Item": {"a": {"S": "a"}}}}, {"PutRequest": {"Item": {"a": {"S": "a"}}}}]}})
    add("BW: dup put delete", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {"Item": {"a": {"S": "a"}}}}, {"DeleteRequest": {"Key": {"a": {"S": "a"}}}}]}})
    add("BW: dup abc", "BatchWriteItem", {"RequestItems": {"abc": [{"PutRequest": {"Item": {"a": {"S": "a"}}}}, {"PutRequest": {"Item": {"a": {"S": "a"}}}}]}})
    add("BW: big item", "BatchWriteItem", {"RequestItems": {"abc": [{"PutRequest": {"Item": {"a": {"S": "x"}, "b": {"S": "a" * 409600}}}}]}})
    add("BW: no table", "BatchWriteItem", {"RequestItems": {p + "nope": [{"PutRequest": {"Item": {"a": {"S": "a"}}}}]}})
    add("BW: put missing key", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {"Item": {"b": {"S": "a"}}}}]}})
    add("BW: put wrong key type", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {"Item": {"a": {"N": "1"}}}}]}})
    add("BW: delete extra key", "BatchWriteItem", {"RequestItems": {H: [{"DeleteRequest": {"Key": {"a": {"S": "a"}, "b": {"S": "b"}}}}]}})
    add("BW: put index key wrong", "BatchWriteItem", {"RequestItems": {R: [{"PutRequest": {"Item": {"a": {"S": "a"}, "b": {"S": "b"}, "c": {"N": "1"}}}}]}})
    add("BW: ok", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {"Item": {"a": {"S": "bw1"}}}}, {"DeleteRequest": {"Key": {"a": {"S": "bw2"}}}}]},
                                     "ReturnConsumedCapacity": "TOTAL", "ReturnItemCollectionMetrics": "SIZE"})
    add("BW: ok range RICM", "BatchWriteItem", {"RequestItems": {R: [{"PutRequest": {"Item": {"a": {"S": "bw1"}, "b": {"S": "1"}}}}]},
                                                "ReturnItemCollectionMetrics": "SIZE"})
    add("BW: two tables one missing", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {"Item": {"a": {"S": "bw3"}}}}], p + "nope": [{"PutRequest": {"Item": {"a": {"S": "a"}}}}]}})

    # --- TransactWriteItems / TransactGetItems (not in dynalite: a-only)
    add("TW: empty", "TransactWriteItems", {}, True)
    add("TW: empty list", "TransactWriteItems", {"TransactItems": []}, True)
    add("TW: empty item", "TransactWriteItems", {"TransactItems": [{}]}, True)
    add("TW: two ops", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": H, "Item": {"a": {"S": "t"}}}, "Delete": {"TableName": H, "Key": {"a": {"S": "t"}}}}]}, True)
    add("TW: same key twice", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": H, "Item": {"a": {"S": "t"}}}}, {"Delete": {"TableName": H, "Key": {"a": {"S": "t"}}}}]}, True)
    add("TW: 101 items", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": H, "Item": {"a": {"S": str(i)}}}} for i in range(101)]}, True)
    add("TW: no table", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": p + "nope", "Item": {"a": {"S": "t"}}}}]}, True)
    add("TW: bad key", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": H, "Item": {"b": {"S": "t"}}}}]}, True)
    add("TW: cond fail", "TransactWriteItems", {"TransactItems": [{"ConditionCheck": {"TableName": H, "Key": {"a": {"S": "p1"}}, "ConditionExpression": "attribute_not_exists(a)"}},
                                                                  {"Put": {"TableName": H, "Item": {"a": {"S": "t2"}}}}]}, True)
    add("TW: CC without CE", "TransactWriteItems", {"TransactItems": [{"ConditionCheck": {"TableName": H, "Key": {"a": {"S": "p1"}}}}]}, True)
    add("TW: update no UE", "TransactWriteItems", {"TransactItems": [{"Update": {"TableName": H, "Key": {"a": {"S": "p1"}}}}]}, True)
    add("TW: token long", "TransactWriteItems", {"ClientRequestToken": "x" * 37, "TransactItems": [{"Put": {"TableName": H, "Item": {"a": {"S": "t"}}}}]}, True)
    add("TW: ok", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": H, "Item": {"a": {"S": "t3"}}}}], "ReturnConsumedCapacity": "TOTAL"}, True)
    add("TG: empty", "TransactGetItems", {"TransactItems": []}, True)
    add("TG: ok", "TransactGetItems", {"TransactItems": [{"Get": {"TableName": H, "Key": {"a": {"S": "p1"}}}}]}, True)
    add("TG: dup", "TransactGetItems", {"TransactItems": [{"Get": {"TableName": H, "Key": {"a": {"S": "p1"}}}}, {"Get": {"TableName": H, "Key": {"a": {"S": "p1"}}}}]}, True)

    # --- CreateTable (createTable.js)
    AD = [{"AttributeName": "a", "AttributeType": "S"}]
    KS = [{"AttributeName": "a", "KeyType": "HASH"}]
    PT = {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}
    add("CT: empty", "CreateTable", {})
    add("CT: empty TableName", "CreateTable", {"TableName": ""})
    add("CT: long TableName", "CreateTable", {"TableName": "a" * 256})
    add("CT: bad everything", "CreateTable", {"TableName": "abc;", "AttributeDefinitions": [{}], "KeySchema": [{}], "ProvisionedThroughput": {}})
    add("CT: big KS", "CreateTable", {"TableName": "abc", "AttributeDefinitions": [], "KeySchema": [{}, {}, {}], "ProvisionedThroughput": {"ReadCapacityUnits": 0, "WriteCapacityUnits": 0}})
    add("CT: bad key attrs", "CreateTable", {"TableName": "abc", "AttributeDefinitions": [{"AttributeName": "", "AttributeType": "x"}],
                                             "KeySchema": [{"AttributeName": "", "KeyType": "x"}], "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": 1000000000001}})
    add("CT: no PT", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": KS})
    add("CT: PT huge", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": KS, "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": 1000000000001}})
    add("CT: PT huge read", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": KS, "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": 1}})
    add("CT: PT 40001", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": KS, "ProvisionedThroughput": {"ReadCapacityUnits": 40001, "WriteCapacityUnits": 1}})
    add("CT: KS empty", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": [], "ProvisionedThroughput": PT})
    add("CT: AD empty", "CreateTable", {"TableName": "abc", "AttributeDefinitions": [], "KeySchema": KS, "ProvisionedThroughput": PT})
    add("CT: KS mismatch AD", "CreateTable", {"TableName": "abc", "AttributeDefinitions": [{"AttributeName": "b", "AttributeType": "S"}], "KeySchema": KS, "ProvisionedThroughput": PT})
    add("CT: AD extra", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD + [{"AttributeName": "b", "AttributeType": "S"}], "KeySchema": KS, "ProvisionedThroughput": PT})
    add("CT: AD dup", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD + AD, "KeySchema": KS, "ProvisionedThroughput": PT})
    add("CT: KS two hash", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD + [{"AttributeName": "b", "AttributeType": "S"}],
                                          "KeySchema": KS + [{"AttributeName": "b", "KeyType": "HASH"}], "ProvisionedThroughput": PT})
    add("CT: KS range first", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD + [{"AttributeName": "b", "AttributeType": "S"}],
                                             "KeySchema": [{"AttributeName": "b", "KeyType": "RANGE"}, {"AttributeName": "a", "KeyType": "HASH"}], "ProvisionedThroughput": PT})
    add("CT: KS only range", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": [{"AttributeName": "a", "KeyType": "RANGE"}], "ProvisionedThroughput": PT})
    add("CT: KS same attr twice", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": KS + [{"AttributeName": "a", "KeyType": "RANGE"}], "ProvisionedThroughput": PT})
    add("CT: AD type BOOL", "CreateTable", {"TableName": "abc", "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "BOOL"}], "KeySchema": KS, "ProvisionedThroughput": PT})
    add("CT: PAYPERREQ + PT", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": KS, "BillingMode": "PAY_PER_REQUEST", "ProvisionedThroughput": PT})
    add("CT: PROVISIONED no PT", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": KS, "BillingMode": "PROVISIONED"})
    add("CT: bad BillingMode", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": KS, "BillingMode": "X"})
    LKS = [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "b", "KeyType": "RANGE"}]
    AD3 = AD + [{"AttributeName": "b", "AttributeType": "S"}, {"AttributeName": "c", "AttributeType": "S"}]
    LSI = lambda name="abc", ks=None, proj=None: {"IndexName": name, "KeySchema": ks or [{"AttributeName": "a", "KeyType": "HASH"}, {"AttributeName": "c", "KeyType": "RANGE"}],
                                                 "Projection": proj or {"ProjectionType": "ALL"}}
    add("CT: LSI empty", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT, "LocalSecondaryIndexes": []})
    add("CT: LSI bad", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                       "LocalSecondaryIndexes": [{"IndexName": "h;", "KeySchema": [], "Projection": {"ProjectionType": "X", "NonKeyAttributes": []}}]})
    add("CT: LSI hash-only table", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": KS, "ProvisionedThroughput": PT, "LocalSecondaryIndexes": [LSI()]})
    add("CT: LSI AD missing", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3[:2], "KeySchema": LKS, "ProvisionedThroughput": PT, "LocalSecondaryIndexes": [LSI()]})
    add("CT: LSI other hash", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                              "LocalSecondaryIndexes": [LSI(ks=[{"AttributeName": "c", "KeyType": "HASH"}, {"AttributeName": "b", "KeyType": "RANGE"}])]})
    add("CT: LSI hash only", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                             "LocalSecondaryIndexes": [LSI(ks=[{"AttributeName": "a", "KeyType": "HASH"}])]})
    add("CT: LSI NKA with ALL", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                                "LocalSecondaryIndexes": [LSI(proj={"ProjectionType": "ALL", "NonKeyAttributes": ["x"]})]})
    add("CT: LSI INCLUDE no NKA", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                                  "LocalSecondaryIndexes": [LSI(proj={"ProjectionType": "INCLUDE"})]})
    add("CT: LSI no ProjectionType", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                                     "LocalSecondaryIndexes": [LSI(proj={"NonKeyAttributes": ["x"]})]})
    add("CT: LSI dup names", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                             "LocalSecondaryIndexes": [LSI(), LSI()]})
    add("CT: LSI 6", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                     "LocalSecondaryIndexes": [LSI(name=f"abc{i}") for i in range(6)]})
    add("CT: LSI NKA dup", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                           "LocalSecondaryIndexes": [LSI(proj={"ProjectionType": "INCLUDE", "NonKeyAttributes": ["x", "x"]})]})
    add("CT: LSI NKA total 21", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                                "LocalSecondaryIndexes": [LSI(proj={"ProjectionType": "INCLUDE", "NonKeyAttributes": [f"x{i}" for i in range(21)]})]})
    add("CT: LSI NKA with KEYS_ONLY", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                                      "LocalSecondaryIndexes": [LSI(proj={"ProjectionType": "KEYS_ONLY", "NonKeyAttributes": ["x"]})]})
    GSI = lambda name="abc", ks=None, proj=None, pt=PT: dict({"IndexName": name, "KeySchema": ks or [{"AttributeName": "c", "KeyType": "HASH"}],
                                                            "Projection": proj or {"ProjectionType": "ALL"}}, **({"ProvisionedThroughput": pt} if pt else {}))
    add("CT: GSI empty", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT, "GlobalSecondaryIndexes": []})
    add("CT: GSI bad", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                       "GlobalSecondaryIndexes": [{"IndexName": "h;", "KeySchema": [], "Projection": {"ProjectionType": "X", "NonKeyAttributes": []},
                                                                   "ProvisionedThroughput": {"ReadCapacityUnits": 0, "WriteCapacityUnits": 0}}]})
    add("CT: GSI no PT", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT, "GlobalSecondaryIndexes": [GSI(pt=None)]})
    add("CT: GSI PT with PPR", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "BillingMode": "PAY_PER_REQUEST", "GlobalSecondaryIndexes": [GSI()]})
    add("CT: GSI AD missing", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3[:2], "KeySchema": LKS, "ProvisionedThroughput": PT, "GlobalSecondaryIndexes": [GSI()]})
    add("CT: GSI dup names", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT, "GlobalSecondaryIndexes": [GSI(), GSI()]})
    add("CT: GSI + LSI same name", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                                   "GlobalSecondaryIndexes": [GSI()], "LocalSecondaryIndexes": [LSI()]})
    add("CT: GSI 21", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                      "GlobalSecondaryIndexes": [GSI(name=f"abc{i}") for i in range(21)]})
    add("CT: GSI INCLUDE no NKA", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                                  "GlobalSecondaryIndexes": [GSI(proj={"ProjectionType": "INCLUDE"})]})
    add("CT: GSI NKA with ALL", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                                "GlobalSecondaryIndexes": [GSI(proj={"ProjectionType": "ALL", "NonKeyAttributes": ["x"]})]})
    add("CT: GSI range first", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                               "GlobalSecondaryIndexes": [GSI(ks=[{"AttributeName": "c", "KeyType": "RANGE"}, {"AttributeName": "a", "KeyType": "HASH"}])]})
    add("CT: GSI PT 0", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                        "GlobalSecondaryIndexes": [GSI(pt={"ReadCapacityUnits": 0, "WriteCapacityUnits": 1})]})
    add("CT: GSI PT huge", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD3, "KeySchema": LKS, "ProvisionedThroughput": PT,
                                           "GlobalSecondaryIndexes": [GSI(pt={"ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": 1})]})
    add("CT: SSE bad", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": KS, "ProvisionedThroughput": PT, "SSESpecification": {"SSEType": "X"}})
    add("CT: Stream no view", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": KS, "ProvisionedThroughput": PT, "StreamSpecification": {"StreamEnabled": True}})
    add("CT: Stream false with view", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": KS, "ProvisionedThroughput": PT,
                                                      "StreamSpecification": {"StreamEnabled": False, "StreamViewType": "KEYS_ONLY"}})
    add("CT: Tags empty key", "CreateTable", {"TableName": "abc", "AttributeDefinitions": AD, "KeySchema": KS, "ProvisionedThroughput": PT, "Tags": [{"Key": "", "Value": "x"}]})
    add("CT: exists", "CreateTable", T["hash"])
    add("CT: ok new", "CreateTable", {"TableName": p + "new1", "AttributeDefinitions": AD3, "KeySchema": LKS, "BillingMode": "PAY_PER_REQUEST",
                                      "GlobalSecondaryIndexes": [GSI(pt=None, proj={"ProjectionType": "INCLUDE", "NonKeyAttributes": ["x"]})],
                                      "LocalSecondaryIndexes": [LSI(proj={"ProjectionType": "KEYS_ONLY"})]})
    add("CT: ok new stream", "CreateTable", {"TableName": p + "new2", "AttributeDefinitions": AD, "KeySchema": KS, "ProvisionedThroughput": PT,
                                             "StreamSpecification": {"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"}})

    # --- DescribeTable / DeleteTable / ListTables / UpdateTable
    add("DT: empty", "DescribeTable", {})
    add("DT: bad name", "DescribeTable", {"TableName": "abc;"})
    add("DT: short name", "DescribeTable", {"TableName": "ab"})
    add("DT: missing", "DescribeTable", {"TableName": p + "nope"})
    add("DT: ok hash", "DescribeTable", {"TableName": H})
    add("DT: ok range", "DescribeTable", {"TableName": R})
    add("DT: ok new1", "DescribeTable", {"TableName": p + "new1"})
    add("DelT: empty", "DeleteTable", {})
    add("DelT: missing", "DeleteTable", {"TableName": p + "nope"})
    add("DelT: bad name", "DeleteTable", {"TableName": "a"})
    add("LT: bad", "ListTables", {"ExclusiveStartTableName": "a;", "Limit": 101})
    add("LT: limit 0", "ListTables", {"Limit": 0})
    add("LT: ESTN short", "ListTables", {"ExclusiveStartTableName": "ab"})
    add("LT: ok limit 2", "ListTables", {"Limit": 2, "ExclusiveStartTableName": p + "hash"})
    add("UT: empty", "UpdateTable", {})
    add("UT: nothing", "UpdateTable", {"TableName": H})
    add("UT: bad PT", "UpdateTable", {"TableName": "abc;", "ProvisionedThroughput": {"ReadCapacityUnits": 0, "WriteCapacityUnits": 0}})
    add("UT: missing", "UpdateTable", {"TableName": p + "nope", "ProvisionedThroughput": PT})
    add("UT: same PT", "UpdateTable", {"TableName": H, "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 2}})
    add("UT: PT huge", "UpdateTable", {"TableName": H, "ProvisionedThroughput": {"ReadCapacityUnits": 1000000000001, "WriteCapacityUnits": 1}})
    add("UT: GSIU empty", "UpdateTable", {"TableName": H, "GlobalSecondaryIndexUpdates": []})
    add("UT: GSIU empty item", "UpdateTable", {"TableName": H, "GlobalSecondaryIndexUpdates": [{}]})
    add("UT: GSIU two actions", "UpdateTable", {"TableName": H, "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "abc"}, "Update": {"IndexName": "abc", "ProvisionedThroughput": PT}}]})
    add("UT: GSIU delete missing", "UpdateTable", {"TableName": R, "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "nope"}}]})
    add("UT: GSIU update missing", "UpdateTable", {"TableName": R, "GlobalSecondaryIndexUpdates": [{"Update": {"IndexName": "nope", "ProvisionedThroughput": PT}}]})
    add("UT: GSIU create no AD", "UpdateTable", {"TableName": H, "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "g1", "KeySchema": [{"AttributeName": "z", "KeyType": "HASH"}],
                                                                                                             "Projection": {"ProjectionType": "ALL"}, "ProvisionedThroughput": PT}}]})
    add("UT: GSIU create exists", "UpdateTable", {"TableName": R, "AttributeDefinitions": [{"AttributeName": "c", "AttributeType": "S"}],
                                                  "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "index3", "KeySchema": [{"AttributeName": "c", "KeyType": "HASH"}],
                                                                                              "Projection": {"ProjectionType": "ALL"}, "ProvisionedThroughput": PT}}]})
    add("UT: GSIU dup", "UpdateTable", {"TableName": R, "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "index3"}}, {"Delete": {"IndexName": "index3"}}]})
    add("UT: PROVISIONED no PT", "UpdateTable", {"TableName": H, "BillingMode": "PROVISIONED"})
    add("UT: PPR", "UpdateTable", {"TableName": p + "new2", "BillingMode": "PAY_PER_REQUEST"})
    add("UT: ok PT", "UpdateTable", {"TableName": HN, "ProvisionedThroughput": {"ReadCapacityUnits": 3, "WriteCapacityUnits": 3}})
    add("UT: stream already", "UpdateTable", {"TableName": p + "new2", "StreamSpecification": {"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"}})
    add("UT: stream disable none", "UpdateTable", {"TableName": H, "StreamSpecification": {"StreamEnabled": False}})

    # --- TTL / tags
    arn = f"arn:aws:dynamodb:us-east-1:000000000000:table/{H}"
    add("TTL: describe missing", "DescribeTimeToLive", {"TableName": p + "nope"})
    add("TTL: describe empty", "DescribeTimeToLive", {})
    add("TTL: describe ok", "DescribeTimeToLive", {"TableName": H})
    add("TTL: update empty", "UpdateTimeToLive", {}, True)
    add("TTL: update ok", "UpdateTimeToLive", {"TableName": H, "TimeToLiveSpecification": {"Enabled": True, "AttributeName": "ttl"}}, True)
    add("Tag: list empty", "ListTagsOfResource", {})
    add("Tag: list bad arn", "ListTagsOfResource", {"ResourceArn": "abc"})
    add("Tag: list missing", "ListTagsOfResource", {"ResourceArn": f"arn:aws:dynamodb:us-east-1:000000000000:table/{p}nope"})
    add("Tag: tag empty", "TagResource", {})
    add("Tag: tag bad arn", "TagResource", {"ResourceArn": "abc", "Tags": []})
    add("Tag: tag no tags", "TagResource", {"ResourceArn": arn, "Tags": []})
    add("Tag: untag empty", "UntagResource", {})
    add("Tag: untag bad arn", "UntagResource", {"ResourceArn": "abc", "TagKeys": []})
    add("Tag: untag no keys", "UntagResource", {"ResourceArn": arn, "TagKeys": []})

    # last: delete a table
    add("DelT: ok", "DeleteTable", {"TableName": p + "new1"})
    add("DelT: again", "DeleteTable", {"TableName": p + "new1"})
    return C


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--a", required=True, help="endpoint under test (cloudbox)")
    ap.add_argument("--b", required=True, help="reference endpoint (dynalite)")
    ap.add_argument("--only", default="", help="run only cases whose name contains this")
    ap.add_argument("--bodies", action="store_true", help="also compare successful bodies")
    ap.add_argument("--all", action="store_true", help="print matching cases too")
    ap.add_argument("--prefix", default="")
    args = ap.parse_args()
    p = args.prefix or ("dd" + "".join(random.choice(string.ascii_lowercase) for _ in range(5)) + "_")
    for t in tables(p).values():
        for ep in (args.a, args.b):
            s, b = send(ep, "CreateTable", t)
            if s != 200:
                print("setup failed", ep, t["TableName"], b)
                sys.exit(1)
    diffs = 0
    for name, op, body, only_a in corpus(p):
        if args.only and args.only not in name:
            continue
        sa, ba = send(args.a, op, body)
        if only_a:
            if args.all or sa != 200:
                print(f"[a-only] {name}: {summary(sa, ba)}")
            continue
        sb, bb = send(args.b, op, body)
        ra, rb = summary(sa, ba), summary(sb, bb)
        same = ra == rb
        if same and args.bodies and sa == 200:
            same = strip(ba) == strip(bb)
        if not same:
            diffs += 1
            print(f"DIFF {name} ({op})")
            print(f"   a: {ra if sa != 200 else json.dumps(strip(ba))[:600]}")
            print(f"   b: {rb if sb != 200 else json.dumps(strip(bb))[:600]}")
        elif args.all:
            print(f"same {name}: {ra}")
    print(f"{diffs} differences")


if __name__ == "__main__":
    main()
