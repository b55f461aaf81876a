# Lambda through the real clients: Debian's AWS CLI v2 (/usr/bin/aws), boto3, and the SDK for
# JavaScript v3 (lambda_sdk_js_v3.cjs), against a real `cloudbox serve` process.
import base64
import io
import json
import os
import shutil
import subprocess
import tempfile
import threading
import unittest
import urllib.request
import zipfile

import cloudbox_server as cb

ROLE = "arn:aws:iam::000000000000:role/lambda-role"


def empty_zip(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("README", "C++ handler, registered in functions/register_functions.cpp")
    return path


def zip_bytes():
    """A small zip for Code.ZipFile (its contents do not matter: handlers are built in)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("x", "y")
    return buf.getvalue()


def drain(server):
    req = urllib.request.Request(server.url("/_cloudbox/lambda/drain"), method="POST", data=b"")
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())


class lambda_cli_test(unittest.TestCase):
    """aws lambda ... with Debian's CLI v2."""

    @classmethod
    def setUpClass(cls):
        cls.server = cb.cloudbox_server().__enter__()
        cls.home = tempfile.mkdtemp(prefix="cloudbox-integ-lambda-")
        cls.cli = cb.aws_cli(cb.DEBIAN_AWS, cls.server.endpoint, cls.home)
        cls.zip = empty_zip(os.path.join(cls.home, "fn.zip"))

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)
        shutil.rmtree(cls.home, ignore_errors=True)

    def create(self, name, handler, *extra):
        return self.cli.run("lambda", "create-function", "--function-name", name, "--runtime",
                            "provided.al2023", "--role", ROLE, "--handler", handler,
                            "--zip-file", "fileb://" + self.zip, *extra).json()

    def test_greetings_on_demand(self):
        created = self.create("greetingsOnDemand", "greetingsOnDemand")
        self.assertEqual(created["FunctionName"], "greetingsOnDemand")
        out = os.path.join(self.home, "out.json")
        res = self.cli.run("lambda", "invoke", "--function-name", "greetingsOnDemand",
                           "--cli-binary-format", "raw-in-base64-out",
                           "--payload", '{"name":"John"}', out).json()
        self.assertEqual(res["StatusCode"], 200)
        self.assertEqual(res["ExecutedVersion"], "$LATEST")
        with open(out) as f:
            self.assertEqual(json.load(f), "Hello John!")
        tail = self.cli.run("lambda", "invoke", "--function-name", "greetingsOnDemand",
                            "--cli-binary-format", "raw-in-base64-out", "--payload", "{}",
                            "--log-type", "Tail", out).json()
        log = base64.b64decode(tail["LogResult"]).decode()
        for marker in ("START RequestId:", "END RequestId:", "REPORT RequestId:",
                       "Hello World!"):
            self.assertIn(marker, log)
        # The same lines through CloudWatch Logs.
        streams = self.cli.run("logs", "describe-log-streams", "--log-group-name",
                               "/aws/lambda/greetingsOnDemand").json()["logStreams"]
        self.assertEqual(len(streams), 1)
        self.assertRegex(streams[0]["logStreamName"], r"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$")
        events = self.cli.run("logs", "get-log-events", "--log-group-name",
                              "/aws/lambda/greetingsOnDemand", "--log-stream-name",
                              streams[0]["logStreamName"], "--start-from-head").json()["events"]
        self.assertTrue(any("Hello John!" in e["message"] for e in events))
        found = self.cli.run("logs", "filter-log-events", "--log-group-name",
                             "/aws/lambda/greetingsOnDemand", "--filter-pattern",
                             "REPORT").json()["events"]
        self.assertEqual(len(found), 2)
        tail_out = self.cli.run("logs", "tail", "/aws/lambda/greetingsOnDemand", "--since", "1d")
        self.assertIn("Hello John!", tail_out.stdout)

    def test_timeout_reported_as_aws_does(self):
        self.create("slowpoke", "sleep", "--timeout", "1")
        out = os.path.join(self.home, "slow.json")
        res = self.cli.run("lambda", "invoke", "--function-name", "slowpoke",
                           "--cli-binary-format", "raw-in-base64-out",
                           "--payload", '{"ms": 3000}', out).json()
        self.assertEqual(res["FunctionError"], "Unhandled")
        with open(out) as f:
            body = json.load(f)
        self.assertEqual(body["errorType"], "Sandbox.Timedout")
        self.assertTrue(body["errorMessage"].endswith("Task timed out after 1.00 seconds"))

    def test_concurrency_limit_gives_429(self):
        self.create("busy", "sleep", "--timeout", "15")
        self.cli.run("lambda", "put-function-concurrency", "--function-name", "busy",
                     "--reserved-concurrent-executions", "1")
        out = os.path.join(self.home, "busy.json")
        first = threading.Thread(target=self.cli.run, args=(
            "lambda", "invoke", "--function-name", "busy", "--cli-binary-format",
            "raw-in-base64-out", "--payload", '{"ms": 12000}', out))
        first.start()
        # No fixed sleep: the CLI's start-up time varies with the machine's load. Probe until the
        # probe is throttled; a probe that runs before the first invoke holds the slot just
        # returns at once, and the 12 s window leaves room for several probes.
        throttled = None
        while first.is_alive() and throttled is None:
            res = self.cli.run("lambda", "invoke", "--function-name", "busy",
                               "--cli-binary-format", "raw-in-base64-out", "--payload", "{}",
                               "--cli-read-timeout", "5", os.path.join(self.home, "b2.json"),
                               check=False)
            if res.returncode != 0:
                throttled = res
        first.join()
        self.assertIsNotNone(throttled, "no invoke was throttled while the first one ran")
        self.assertIn("TooManyRequestsException", throttled.stderr)
        self.assertIn("Rate Exceeded.", throttled.stderr)

    def test_versions_aliases_and_config(self):
        self.create("versioned", "whoami")
        v = self.cli.run("lambda", "publish-version", "--function-name", "versioned").json()
        self.assertEqual(v["Version"], "1")
        self.cli.run("lambda", "create-alias", "--function-name", "versioned", "--name", "live",
                     "--function-version", "1")
        self.cli.run("lambda", "update-function-configuration", "--function-name", "versioned",
                     "--memory-size", "512", "--environment", "Variables={STAGE=dev}")
        out = os.path.join(self.home, "who.json")
        live = self.cli.run("lambda", "invoke", "--function-name", "versioned:live", out).json()
        self.assertEqual(live["ExecutedVersion"], "1")
        with open(out) as f:
            self.assertEqual(json.load(f)["memoryLimitInMB"], 128)
        latest = self.cli.run("lambda", "invoke", "--function-name", "versioned", out).json()
        self.assertEqual(latest["ExecutedVersion"], "$LATEST")
        with open(out) as f:
            who = json.load(f)
        self.assertEqual(who["memoryLimitInMB"], 512)
        self.assertEqual(who["environment"]["STAGE"], "dev")
        fns = self.cli.run("lambda", "list-functions").json()["Functions"]
        self.assertIn("versioned", [f["FunctionName"] for f in fns])
        missing = self.cli.run("lambda", "get-function", "--function-name", "nope", check=False)
        self.assertIn("ResourceNotFoundException", missing.stderr)

    def test_failing_async_ends_in_dlq(self):
        sqs = self.cli.run("sqs", "list-queues", check=False)
        if sqs.returncode != 0:
            self.skipTest("the SQS service is not served by this build: %s" % sqs.stderr[-200:])
        url = self.cli.run("sqs", "create-queue", "--queue-name", "failures").json()["QueueUrl"]
        arn = self.cli.run("sqs", "get-queue-attributes", "--queue-url", url,
                           "--attribute-names", "QueueArn").json()["Attributes"]["QueueArn"]
        self.create("alwaysFails", "fail", "--dead-letter-config", "TargetArn=" + arn)
        self.cli.run("lambda", "invoke", "--function-name", "alwaysFails", "--invocation-type",
                     "Event", "--cli-binary-format", "raw-in-base64-out", "--payload",
                     '{"message":"no"}', os.path.join(self.home, "ev.json"))
        drain(self.server)
        self.server.advance_clock(60)
        drain(self.server)
        self.server.advance_clock(120)
        drain(self.server)
        msgs = self.cli.run("sqs", "receive-message", "--queue-url", url,
                            "--message-attribute-names", "All").json()["Messages"]
        self.assertEqual(len(msgs), 1)
        self.assertEqual(json.loads(msgs[0]["Body"]), {"message": "no"})
        attrs = msgs[0]["MessageAttributes"]
        self.assertEqual(attrs["ErrorMessage"]["StringValue"], "no")
        self.assertIn("RequestID", attrs)
        starts = self.cli.run("logs", "filter-log-events", "--log-group-name",
                              "/aws/lambda/alwaysFails", "--filter-pattern", "START").json()
        self.assertEqual(len(starts["events"]), 3)


class lambda_boto3_test(unittest.TestCase):
    def test_boto3_lambda(self):
        import boto3
        home = tempfile.mkdtemp(prefix="cloudbox-integ-lambda-boto3-")
        try:
            cb.set_client_env_in_process(home)
            with cb.cloudbox_server() as server:
                client = boto3.client("lambda", endpoint_url=server.endpoint)
                code = zip_bytes()
                client.create_function(FunctionName="echo", Runtime="provided.al2023", Role=ROLE,
                                       Handler="echo", Code={"ZipFile": code})
                res = client.invoke(FunctionName="echo", Payload=b'{"a": [1, 2]}',
                                    LogType="Tail")
                self.assertEqual(json.loads(res["Payload"].read()), {"a": [1, 2]})
                self.assertIn("REPORT RequestId", base64.b64decode(res["LogResult"]).decode())
                failed = client.create_function(FunctionName="boom", Runtime="provided.al2023",
                                                 Role=ROLE, Handler="fail",
                                                 Code={"ZipFile": code})
                self.assertEqual(failed["Handler"], "fail")
                err = client.invoke(FunctionName="boom", Payload=b'{"message":"bad"}')
                self.assertEqual(err["FunctionError"], "Unhandled")
                self.assertEqual(json.loads(err["Payload"].read())["errorMessage"], "bad")
                ev = client.invoke(FunctionName="echo", InvocationType="Event", Payload=b"{}")
                self.assertEqual(ev["StatusCode"], 202)
                client.put_function_event_invoke_config(FunctionName="boom",
                                                        MaximumRetryAttempts=0)
                self.assertEqual(client.get_function_event_invoke_config(
                    FunctionName="boom")["MaximumRetryAttempts"], 0)
                client.tag_resource(Resource=failed["FunctionArn"], Tags={"k": "v"})
                self.assertEqual(client.list_tags(Resource=failed["FunctionArn"])["Tags"],
                                 {"k": "v"})
                m = client.create_event_source_mapping(
                    EventSourceArn="arn:aws:sqs:us-east-1:000000000000:q", FunctionName="echo",
                    BatchSize=5)
                self.assertEqual(client.get_event_source_mapping(UUID=m["UUID"])["BatchSize"], 5)
                with self.assertRaises(client.exceptions.ResourceNotFoundException):
                    client.get_function(FunctionName="nope")
                with self.assertRaises(client.exceptions.ResourceConflictException):
                    client.create_function(FunctionName="echo", Runtime="provided.al2023",
                                           Role=ROLE, Handler="echo",
                                           Code={"ZipFile": code})
                settings = client.get_account_settings()
                self.assertEqual(settings["AccountUsage"]["FunctionCount"], 2)
                drain(server)
        finally:
            shutil.rmtree(home, ignore_errors=True)


class lambda_sync_events_boto3_test(unittest.TestCase):
    """--sync-events: an SQS send and a DynamoDB write answer after their mapped function ran."""

    def test_event_source_mappings_deliver_before_the_answer(self):
        import boto3
        home = tempfile.mkdtemp(prefix="cloudbox-integ-lambda-sync-")
        try:
            cb.set_client_env_in_process(home)
            with cb.cloudbox_server(extra_args=["--sync-events"]) as server:
                lam = boto3.client("lambda", endpoint_url=server.endpoint)
                sqs = boto3.client("sqs", endpoint_url=server.endpoint)
                ddb = boto3.client("dynamodb", endpoint_url=server.endpoint)
                logs = boto3.client("logs", endpoint_url=server.endpoint)
                code = zip_bytes()
                lam.create_function(FunctionName="stamp", Runtime="provided.al2023", Role=ROLE,
                                    Handler="startStamp", Code={"ZipFile": code})
                url = sqs.create_queue(QueueName="jobs")["QueueUrl"]
                lam.create_event_source_mapping(
                    EventSourceArn="arn:aws:sqs:us-east-1:000000000000:jobs",
                    FunctionName="stamp", BatchSize=1)
                stream = ddb.create_table(
                    TableName="books",
                    AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                    KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                    BillingMode="PAY_PER_REQUEST",
                    StreamSpecification={"StreamEnabled": True,
                                         "StreamViewType": "KEYS_ONLY"},
                )["TableDescription"]["LatestStreamArn"]
                lam.create_event_source_mapping(EventSourceArn=stream, FunctionName="stamp",
                                                StartingPosition="LATEST", BatchSize=1)

                def marks():
                    events = logs.filter_log_events(logGroupName="/aws/lambda/stamp",
                                                    filterPattern="started")["events"]
                    return [e["message"].split(" ", 2)[2] for e in events]

                # No waiting and no drain: each answer comes after the function it fed.
                sqs.send_message(QueueUrl=url, MessageBody="job-1")
                self.assertEqual(marks(), ["job-1"])
                ddb.put_item(TableName="books", Item={"id": {"S": "b1"}})
                self.assertEqual(marks(), ["job-1", '{"id":{"S":"b1"}}'])
                sqs.send_message(QueueUrl=url, MessageBody="job-2")
                self.assertEqual(marks()[-1], "job-2")
        finally:
            shutil.rmtree(home, ignore_errors=True)


class lambda_sdk_js_v3_test(unittest.TestCase):
    def test_sdk_js_v3_lambda(self):
        node = shutil.which("node")
        pkg = os.path.join(cb.clients_dir(), "node_modules", "@aws-sdk", "client-lambda",
                           "package.json")
        if node is None or not os.path.exists(pkg):
            self.skipTest("node or @aws-sdk/client-lambda is not installed")
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lambda_sdk_js_v3.cjs")
        home = tempfile.mkdtemp(prefix="cloudbox-integ-lambda-js-")
        try:
            with cb.cloudbox_server() as server:
                proc = subprocess.run([node, script, server.endpoint, cb.clients_dir()],
                                      env=cb.client_env(home), capture_output=True, text=True,
                                      timeout=300)
                print(proc.stdout + proc.stderr)
                self.assertEqual(proc.returncode, 0, "SDK v3 Lambda checks failed")
        finally:
            shutil.rmtree(home, ignore_errors=True)


def require_cli():
    if not os.access(cb.DEBIAN_AWS, os.X_OK):
        raise cb.skip_client("Debian's AWS CLI v2 is not installed at %s" % cb.DEBIAN_AWS)


if __name__ == "__main__":
    cb.main(require_cli)
