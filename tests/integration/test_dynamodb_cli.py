# DynamoDB through the AWS CLI: Debian's v2 (/usr/bin/aws) or pip's v1 (the `aws` on PATH),
# chosen by CLOUDBOX_DYNAMODB_CLI=v2|v1.
import json
import os
import shutil
import tempfile
import unittest

import cloudbox_server as cb

CLI = None


def require_cli():
    global CLI
    want = os.environ.get("CLOUDBOX_DYNAMODB_CLI", "v2")
    candidates = ["/usr/bin/aws"] if want == "v2" else [
        os.path.join(d, "aws") for d in os.environ.get("PATH", "").split(os.pathsep) if d]
    for exe in candidates:
        if not os.access(exe, os.X_OK) or os.path.isdir(exe):
            continue
        home = tempfile.mkdtemp(prefix="cloudbox-integ-ddbprobe-")
        try:
            version = cb.aws_cli(exe, "http://127.0.0.1:1", home).version()
        finally:
            shutil.rmtree(home, ignore_errors=True)
        if version.startswith("aws-cli/%s." % want[1]):
            CLI = exe
            return
    raise cb.skip_client("no AWS CLI %s found" % want)


class dynamodb_cli_test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = cb.cloudbox_server().start()
        cls.tmp = tempfile.mkdtemp(prefix="cloudbox-integ-ddbcli-")
        cls.cli = cb.aws_cli(CLI, cls.server.endpoint, os.path.join(cls.tmp, "home"))

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def aws(self, *args, **kw):
        return self.cli.run("dynamodb", *args, **kw)

    def test_table_items_query(self):
        created = self.aws("create-table", "--table-name", "cli-things",
                           "--attribute-definitions", "AttributeName=pk,AttributeType=S",
                           "AttributeName=sk,AttributeType=N",
                           "--key-schema", "AttributeName=pk,KeyType=HASH",
                           "AttributeName=sk,KeyType=RANGE",
                           "--billing-mode", "PAY_PER_REQUEST").json()
        self.assertEqual(created["TableDescription"]["TableName"], "cli-things")
        self.aws("wait", "table-exists", "--table-name", "cli-things")
        for i in range(5):
            self.aws("put-item", "--table-name", "cli-things", "--item",
                     json.dumps({"pk": {"S": "p"}, "sk": {"N": str(i)}, "v": {"S": "x%d" % i}}))
        got = self.aws("get-item", "--table-name", "cli-things", "--key",
                       '{"pk":{"S":"p"},"sk":{"N":"3"}}').json()
        self.assertEqual(got["Item"]["v"], {"S": "x3"})
        q = self.aws("query", "--table-name", "cli-things", "--key-condition-expression",
                     "pk = :p AND sk >= :s", "--expression-attribute-values",
                     '{":p":{"S":"p"},":s":{"N":"2"}}', "--no-scan-index-forward").json()
        self.assertEqual([i["sk"]["N"] for i in q["Items"]], ["4", "3", "2"])
        # The CLI paginates scans itself, following LastEvaluatedKey.
        scan = self.aws("scan", "--table-name", "cli-things", "--page-size", "2").json()
        self.assertEqual(scan["Count"], 5)
        upd = self.aws("update-item", "--table-name", "cli-things", "--key",
                       '{"pk":{"S":"p"},"sk":{"N":"0"}}', "--update-expression",
                       "SET n = if_not_exists(n, :z) + :one", "--expression-attribute-values",
                       '{":z":{"N":"0"},":one":{"N":"1"}}', "--return-values",
                       "UPDATED_NEW").json()
        self.assertEqual(upd["Attributes"], {"n": {"N": "1"}})
        failed = self.aws("put-item", "--table-name", "cli-things", "--item",
                          '{"pk":{"S":"p"},"sk":{"N":"0"}}', "--condition-expression",
                          "attribute_not_exists(pk)", check=False)
        self.assertNotEqual(failed.returncode, 0)
        self.assertIn("ConditionalCheckFailedException", failed.stderr)
        tables = self.aws("list-tables").json()
        self.assertIn("cli-things", tables["TableNames"])
        self.aws("update-time-to-live", "--table-name", "cli-things",
                 "--time-to-live-specification", "Enabled=true,AttributeName=exp")
        ttl = self.aws("describe-time-to-live", "--table-name", "cli-things").json()
        self.assertEqual(ttl["TimeToLiveDescription"]["TimeToLiveStatus"], "ENABLED")
        self.aws("delete-table", "--table-name", "cli-things")
        missing = self.aws("describe-table", "--table-name", "cli-things", check=False)
        self.assertIn("ResourceNotFoundException", missing.stderr)

    def test_partiql_execute_statement(self):
        self.aws("create-table", "--table-name", "cli-partiql",
                 "--attribute-definitions", "AttributeName=pk,AttributeType=S",
                 "AttributeName=sk,AttributeType=N",
                 "--key-schema", "AttributeName=pk,KeyType=HASH",
                 "AttributeName=sk,KeyType=RANGE", "--billing-mode", "PAY_PER_REQUEST")
        for i in range(4):
            self.aws("execute-statement", "--statement",
                     "INSERT INTO \"cli-partiql\" VALUE {'pk': 'p', 'sk': ?, 'v': ?}",
                     "--parameters", json.dumps([{"N": str(i)}, {"S": "x%d" % i}]))
        dup = self.aws("execute-statement", "--statement",
                       "INSERT INTO \"cli-partiql\" VALUE {'pk': 'p', 'sk': 0}", check=False)
        self.assertNotEqual(dup.returncode, 0)
        self.assertIn("DuplicateItem", dup.stderr)
        got = self.aws("execute-statement", "--statement",
                       "SELECT sk, v FROM \"cli-partiql\" WHERE pk = 'p' AND sk >= 1 "
                       "ORDER BY sk DESC").json()
        self.assertEqual([i["sk"]["N"] for i in got["Items"]], ["3", "2", "1"])
        upd = self.aws("execute-statement", "--statement",
                       "UPDATE \"cli-partiql\" SET v = 'new' WHERE pk = 'p' AND sk = 0 "
                       "RETURNING ALL NEW *").json()
        self.assertEqual(upd["Items"][0]["v"], {"S": "new"})
        self.aws("execute-statement", "--statement",
                 "DELETE FROM \"cli-partiql\" WHERE pk = 'p' AND sk = 3")
        # The CLI follows NextToken itself.
        paged = self.aws("execute-statement", "--statement",
                         "SELECT * FROM \"cli-partiql\"", "--limit", "1").json()
        self.assertEqual(len(paged["Items"]), 1)
        self.assertIn("NextToken", paged)
        bad = self.aws("execute-statement", "--statement", "SELECT FROM", check=False)
        self.assertIn("Statement wasn't well formed", bad.stderr)
        self.aws("delete-table", "--table-name", "cli-partiql")


if __name__ == "__main__":
    cb.main(require_cli)
