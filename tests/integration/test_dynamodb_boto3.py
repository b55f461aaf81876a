# DynamoDB through boto3, client and resource APIs (Table.put_item, Key() conditions,
# batch_writer, conditional writes, transactions, streams), under pip's python3 or Debian's
# /usr/bin/python3 (CLOUDBOX_BOTO3_FLAVOUR=pip|debian, as test_boto3.py).
import decimal
import os
import shutil
import sys
import tempfile
import unittest

import cloudbox_server as cb

boto3 = None
Key = None
Attr = None
ClientError = None


def require_boto3():
    global boto3, Key, Attr, ClientError
    flavour = os.environ.get("CLOUDBOX_BOTO3_FLAVOUR", "")
    is_debian = os.path.realpath(sys.executable) == os.path.realpath(cb.DEBIAN_PYTHON)
    if flavour == "pip" and is_debian:
        raise cb.skip_client("python3 on PATH is Debian's interpreter: no pip boto3 here")
    if flavour == "debian" and not is_debian:
        raise cb.skip_client("%s is not installed" % cb.DEBIAN_PYTHON)
    try:
        import boto3 as b3
        from boto3.dynamodb.conditions import Attr as a, Key as k
        from botocore.exceptions import ClientError as ce
    except ImportError:
        raise cb.skip_client("boto3 is not installed for %s" % sys.executable)
    boto3, Key, Attr, ClientError = b3, k, a, ce
    print("boto3 %s under %s" % (b3.__version__, sys.executable))


class dynamodb_boto3_test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = cb.cloudbox_server().start()
        cls.tmp = tempfile.mkdtemp(prefix="cloudbox-integ-ddbboto3-")
        cb.set_client_env_in_process(os.path.join(cls.tmp, "home"))
        session = boto3.session.Session()
        cls.client = session.client("dynamodb", endpoint_url=cls.server.endpoint,
                                    region_name=cb.REGION)
        cls.resource = session.resource("dynamodb", endpoint_url=cls.server.endpoint,
                                        region_name=cb.REGION)

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def make_table(self, name, stream=False):
        kwargs = {}
        if stream:
            kwargs["StreamSpecification"] = {"StreamEnabled": True,
                                             "StreamViewType": "NEW_AND_OLD_IMAGES"}
        table = self.resource.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                       {"AttributeName": "sk", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                  {"AttributeName": "sk", "AttributeType": "N"}],
            BillingMode="PAY_PER_REQUEST", **kwargs)
        table.wait_until_exists()
        return table

    def test_resource_api(self):
        table = self.make_table("boto-things")
        table.put_item(Item={"pk": "a", "sk": 1, "price": decimal.Decimal("9.99"),
                             "tags": {"x", "y"}, "nested": {"list": [1, "two", None, True]}})
        item = table.get_item(Key={"pk": "a", "sk": 1})["Item"]
        self.assertEqual(item["price"], decimal.Decimal("9.99"))
        self.assertEqual(item["tags"], {"x", "y"})
        self.assertEqual(item["nested"]["list"], [1, "two", None, True])
        with table.batch_writer() as batch:
            for i in range(2, 60):
                batch.put_item(Item={"pk": "a", "sk": i, "even": i % 2 == 0})
        q = table.query(KeyConditionExpression=Key("pk").eq("a") & Key("sk").between(10, 19),
                        FilterExpression=Attr("even").eq(True))
        self.assertEqual([int(i["sk"]) for i in q["Items"]], [10, 12, 14, 16, 18])
        self.assertEqual(q["ScannedCount"], 10)
        page = table.query(KeyConditionExpression=Key("pk").eq("a"), Limit=25)
        self.assertEqual(page["Count"], 25)
        rest = table.query(KeyConditionExpression=Key("pk").eq("a"),
                           ExclusiveStartKey=page["LastEvaluatedKey"])
        self.assertEqual(page["Count"] + rest["Count"], 59)
        with self.assertRaises(ClientError) as ctx:
            table.put_item(Item={"pk": "a", "sk": 1}, ConditionExpression=Attr("pk").not_exists())
        self.assertEqual(ctx.exception.response["Error"]["Code"],
                         "ConditionalCheckFailedException")
        updated = table.update_item(Key={"pk": "a", "sk": 1},
                                    UpdateExpression="SET price = price + :d",
                                    ExpressionAttributeValues={":d": decimal.Decimal("0.01")},
                                    ReturnValues="UPDATED_NEW")
        self.assertEqual(updated["Attributes"]["price"], decimal.Decimal("10"))
        scan = table.scan(Select="COUNT")
        self.assertEqual(scan["Count"], 59)

    def test_transactions_and_streams(self):
        self.make_table("boto-tx", stream=True)
        c = self.client
        c.transact_write_items(TransactItems=[
            {"Put": {"TableName": "boto-tx", "Item": {"pk": {"S": "a"}, "sk": {"N": "1"}}}},
            {"Put": {"TableName": "boto-tx", "Item": {"pk": {"S": "b"}, "sk": {"N": "1"}}}},
        ])
        with self.assertRaises(ClientError) as ctx:
            c.transact_write_items(TransactItems=[
                {"Delete": {"TableName": "boto-tx", "Key": {"pk": {"S": "a"}, "sk": {"N": "1"}}}},
                {"ConditionCheck": {"TableName": "boto-tx",
                                    "Key": {"pk": {"S": "b"}, "sk": {"N": "1"}},
                                    "ConditionExpression": "attribute_not_exists(pk)"}},
            ])
        err = ctx.exception.response
        self.assertEqual(err["Error"]["Code"], "TransactionCanceledException")
        self.assertEqual([r["Code"] for r in err["CancellationReasons"]],
                         ["None", "ConditionalCheckFailed"])
        got = c.transact_get_items(TransactItems=[
            {"Get": {"TableName": "boto-tx", "Key": {"pk": {"S": "a"}, "sk": {"N": "1"}}}}])
        self.assertIn("Item", got["Responses"][0])
        streams = boto3.session.Session().client("dynamodbstreams",
                                                 endpoint_url=self.server.endpoint,
                                                 region_name=cb.REGION)
        arn = c.describe_table(TableName="boto-tx")["Table"]["LatestStreamArn"]
        shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]
        it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard["ShardId"],
                                        ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        records = streams.get_records(ShardIterator=it)["Records"]
        self.assertEqual([r["eventName"] for r in records], ["INSERT", "INSERT"])
        self.assertIn("NewImage", records[0]["dynamodb"])

    def test_partiql(self):
        self.make_table("boto-partiql", stream=True)
        c = self.client
        for i in range(5):
            c.execute_statement(Statement="INSERT INTO \"boto-partiql\" VALUE "
                                          "{'pk': 'a', 'sk': ?, 'tags': <<'x'>>}",
                                Parameters=[{"N": str(i)}])
        with self.assertRaises(ClientError) as ctx:
            c.execute_statement(Statement="INSERT INTO \"boto-partiql\" VALUE "
                                          "{'pk': 'a', 'sk': 0}")
        self.assertEqual(ctx.exception.response["Error"]["Code"], "DuplicateItemException")
        # Paging through NextToken with Limit.
        items, token = [], None
        while True:
            kwargs = {"NextToken": token} if token else {}
            page = c.execute_statement(Statement="SELECT * FROM \"boto-partiql\" WHERE pk = ?",
                                       Parameters=[{"S": "a"}], Limit=2, **kwargs)
            items += page["Items"]
            token = page.get("NextToken")
            if not token:
                break
        self.assertEqual([i["sk"]["N"] for i in items], ["0", "1", "2", "3", "4"])
        upd = c.execute_statement(
            Statement="UPDATE \"boto-partiql\" SET n = 1 SET tags = set_add(tags, <<'y'>>) "
                      "WHERE pk = 'a' AND sk = 0 RETURNING MODIFIED NEW *")
        self.assertEqual(upd["Items"][0]["tags"]["SS"], ["x", "y"])
        # Debian's boto3 1.26 predates ReturnValuesOnConditionCheckFailure on ExecuteStatement.
        members = c.meta.service_model.operation_model("ExecuteStatement").input_shape.members
        extra = ({"ReturnValuesOnConditionCheckFailure": "ALL_OLD"}
                 if "ReturnValuesOnConditionCheckFailure" in members else {})
        with self.assertRaises(ClientError) as ctx:
            c.execute_statement(Statement="UPDATE \"boto-partiql\" SET n = 2 "
                                          "WHERE pk = 'a' AND sk = 0 AND n = 5", **extra)
        self.assertEqual(ctx.exception.response["Error"]["Code"],
                         "ConditionalCheckFailedException")
        if extra:
            self.assertEqual(ctx.exception.response["Item"]["n"], {"N": "1"})
        batch = c.batch_execute_statement(Statements=[
            {"Statement": "SELECT * FROM \"boto-partiql\" WHERE pk = 'a' AND sk = 1"},
            {"Statement": "SELECT * FROM \"boto-partiql\" WHERE pk = 'a' AND sk = 99"},
            {"Statement": "SELECT * FROM \"missing\" WHERE pk = 'a' AND sk = 1"},
        ])["Responses"]
        self.assertEqual(batch[0]["Item"]["sk"], {"N": "1"})
        self.assertEqual(batch[0]["TableName"], "boto-partiql")
        self.assertNotIn("Item", batch[1])
        self.assertEqual(batch[2]["Error"]["Code"], "ResourceNotFound")
        writes = c.batch_execute_statement(Statements=[
            {"Statement": "DELETE FROM \"boto-partiql\" WHERE pk = 'a' AND sk = 4"},
            {"Statement": "INSERT INTO \"boto-partiql\" VALUE {'pk': 'a', 'sk': 1}"},
        ])["Responses"]
        self.assertNotIn("Error", writes[0])
        self.assertEqual(writes[1]["Error"]["Code"], "DuplicateItem")
        c.execute_transaction(TransactStatements=[
            {"Statement": "INSERT INTO \"boto-partiql\" VALUE {'pk': 'b', 'sk': 1}"},
            {"Statement": "UPDATE \"boto-partiql\" SET n = n + ? WHERE pk = 'a' AND sk = 0",
             "Parameters": [{"N": "10"}]},
        ], ClientRequestToken="partiql-tx-1")
        with self.assertRaises(ClientError) as ctx:
            c.execute_transaction(TransactStatements=[
                {"Statement": "DELETE FROM \"boto-partiql\" WHERE pk = 'b' AND sk = 1"},
                {"Statement": "EXISTS(SELECT * FROM \"boto-partiql\" "
                              "WHERE pk = 'a' AND sk = 0 AND n = 1)"},
            ])
        err = ctx.exception.response
        self.assertEqual(err["Error"]["Code"], "TransactionCanceledException")
        self.assertEqual([r["Code"] for r in err["CancellationReasons"]],
                         ["None", "ConditionalCheckFailed"])
        read = c.execute_transaction(TransactStatements=[
            {"Statement": "SELECT n FROM \"boto-partiql\" WHERE pk = 'a' AND sk = 0"},
            {"Statement": "SELECT * FROM \"boto-partiql\" WHERE pk = 'b' AND sk = 1"},
        ])["Responses"]
        self.assertEqual(read[0]["Item"], {"n": {"N": "11"}})
        self.assertEqual(read[1]["Item"]["pk"], {"S": "b"})
        streams = boto3.session.Session().client("dynamodbstreams",
                                                 endpoint_url=self.server.endpoint,
                                                 region_name=cb.REGION)
        arn = c.describe_table(TableName="boto-partiql")["Table"]["LatestStreamArn"]
        shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]
        it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard["ShardId"],
                                        ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        names = [r["eventName"] for r in streams.get_records(ShardIterator=it)["Records"]]
        self.assertEqual(names, ["INSERT"] * 5 + ["MODIFY", "REMOVE", "INSERT", "MODIFY"])

    def test_errors(self):
        with self.assertRaises(ClientError) as ctx:
            self.client.get_item(TableName="missing-table", Key={"pk": {"S": "a"}})
        self.assertEqual(ctx.exception.response["Error"]["Code"], "ResourceNotFoundException")


if __name__ == "__main__":
    cb.main(require_boto3)
