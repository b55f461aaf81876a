# DynamoDB durability and bad input: items acknowledged before `kill -9` are there after a
# restart on the same data directory; malformed JSON, wrong types, huge items and deep nesting
# get DynamoDB's errors and never take the server down.
import json
import os
import shutil
import tempfile
import unittest
import urllib.request

import cloudbox_server as cb


def call(server, op, body, raw=None):
    data = raw if raw is not None else json.dumps(body).encode()
    req = urllib.request.Request(server.endpoint + "/", data=data, method="POST", headers={
        "X-Amz-Target": "DynamoDB_20120810." + op,
        "Content-Type": "application/x-amz-json-1.0",
        "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/dynamodb/"
                         "aws4_request, SignedHeaders=host, Signature=00"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def error_code(body):
    return body.get("__type", "").split("#")[-1]


class dynamodb_durability_test(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="cloudbox-integ-ddbdur-")
        self.server = cb.cloudbox_server(data_dir=os.path.join(self.tmp, "data")).start()

    def tearDown(self):
        self.server.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_kill_9_keeps_acknowledged_items(self):
        status, body = call(self.server, "CreateTable", {
            "TableName": "durable",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                     {"AttributeName": "g", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "GlobalSecondaryIndexes": [{"IndexName": "by_g",
                                        "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                                        "Projection": {"ProjectionType": "ALL"}}],
            "BillingMode": "PAY_PER_REQUEST"})
        self.assertEqual(status, 200, body)
        for i in range(200):
            status, body = call(self.server, "PutItem", {"TableName": "durable", "Item": {
                "pk": {"S": "k%03d" % i}, "g": {"S": "even" if i % 2 == 0 else "odd"}}})
            self.assertEqual(status, 200, body)
        self.server.kill()
        self.server.restart_same_port()
        status, body = call(self.server, "Scan", {"TableName": "durable", "Select": "COUNT"})
        self.assertEqual(body.get("Count"), 200, body)
        status, body = call(self.server, "Query", {
            "TableName": "durable", "IndexName": "by_g", "KeyConditionExpression": "g = :g",
            "ExpressionAttributeValues": {":g": {"S": "even"}}, "Select": "COUNT"})
        self.assertEqual(body.get("Count"), 100, body)

    def test_bad_input(self):
        status, body = call(self.server, "PutItem", None, raw=b"{\"TableName\": ")
        self.assertEqual((status, error_code(body)), (400, "SerializationException"))
        status, body = call(self.server, "PutItem", {"TableName": ["x"], "Item": {}})
        self.assertEqual(error_code(body), "SerializationException")
        call(self.server, "CreateTable", {
            "TableName": "bad", "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]})
        status, body = call(self.server, "PutItem", {"TableName": "bad", "Item": {
            "pk": {"S": "a"}, "big": {"S": "x" * (500 * 1024)}}})
        self.assertEqual(error_code(body), "ValidationException")
        deep = {"S": "leaf"}
        for _ in range(40):
            deep = {"M": {"d": deep}}
        status, body = call(self.server, "PutItem", {"TableName": "bad",
                                                     "Item": {"pk": {"S": "a"}, "d": deep}})
        self.assertEqual(error_code(body), "ValidationException", body)
        very_deep = b"[" * 100000 + b"]" * 100000
        status, body = call(self.server, "PutItem", None, raw=very_deep)
        self.assertEqual(status, 400)
        status, body = call(self.server, "PutItem", {"TableName": "bad", "Item": {
            "pk": {"S": "a"}, "n": {"N": "1" * 39}}})
        self.assertEqual(error_code(body), "ValidationException")
        self.assertTrue(self.server.alive())
        status, body = call(self.server, "ListTables", {})
        self.assertEqual(status, 200)


if __name__ == "__main__":
    cb.main(lambda: None)
