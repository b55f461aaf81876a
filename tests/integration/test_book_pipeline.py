# The book's chapter-5 pipeline, the way a reader runs it with Debian's AWS CLI v2
# (/usr/bin/aws): greetingsOnDemand (F03) invoked with a payload and a log tail; the thumbnail
# function (F06) fired by an S3 notification on images/; the purge function (F08) fired by an
# EventBridge rate(1 hour) rule when the clock moves an hour. Deliveries are awaited with
# POST /_cloudbox/events/drain, so nothing here sleeps.
import base64
import io
import json
import os
import shutil
import struct
import tempfile
import unittest
import urllib.request
import zipfile

import cloudbox_server as cb

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures")


def require_cli():
    if not os.access(cb.DEBIAN_AWS, os.X_OK):
        raise cb.skip_client("%s (AWS CLI v2) is not installed" % cb.DEBIAN_AWS)


def jpeg_size(data):
    """(width, height) from a JPEG's SOF marker."""
    i = 2
    while i < len(data):
        if data[i] != 0xFF:
            raise ValueError("not a JPEG marker")
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    raise ValueError("no SOF marker")


class book_pipeline_test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = cb.cloudbox_server().start()
        cls.tmp = tempfile.mkdtemp(prefix="cloudbox-integ-book-")
        cls.cli = cb.aws_cli(cb.DEBIAN_AWS, cls.server.endpoint, os.path.join(cls.tmp, "home"))
        cls.zip_path = os.path.join(cls.tmp, "function.zip")
        with zipfile.ZipFile(cls.zip_path, "w") as z:
            z.writestr("index.js", "// the C++ handler named by --handler runs instead\n")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def aws(self, *args, **kw):
        return self.cli.run(*args, **kw)

    def control(self, path, body=None):
        req = urllib.request.Request(self.server.url(path), method="POST",
                                     data=json.dumps(body or {}).encode(),
                                     headers={"content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read())

    def create_function(self, name, handler, env=None, timeout=3):
        args = ["lambda", "create-function", "--function-name", name,
                "--runtime", "provided.al2023", "--handler", handler,
                "--role", "arn:aws:iam::000000000000:role/lambda-role",
                "--timeout", str(timeout), "--zip-file", "fileb://" + self.zip_path]
        if env:
            args += ["--environment", json.dumps({"Variables": env})]
        return self.aws(*args).json()

    def test_greetings_on_demand_with_log_tail(self):
        self.create_function("greetingsOnDemand", "greetingsOnDemand")
        out = os.path.join(self.tmp, "out.json")
        r = self.aws("lambda", "invoke", "--function-name", "greetingsOnDemand",
                     "--cli-binary-format", "raw-in-base64-out",
                     "--payload", '{"name":"John"}', "--log-type", "Tail", out).json()
        self.assertEqual(r["StatusCode"], 200)
        with open(out) as f:
            self.assertEqual(json.load(f), "Hello John!")
        log = base64.b64decode(r["LogResult"]).decode()
        self.assertIn("START RequestId:", log)
        self.assertIn("END RequestId:", log)
        self.assertIn("REPORT RequestId:", log)

    def test_thumbnail_from_an_s3_notification(self):
        self.aws("s3", "mb", "s3://pictures")
        self.aws("dynamodb", "create-table", "--table-name", "images",
                 "--attribute-definitions", "AttributeName=name,AttributeType=S",
                 "--key-schema", "AttributeName=name,KeyType=HASH",
                 "--billing-mode", "PAY_PER_REQUEST")
        fn = self.create_function("createThumbnailAndStoreInDB", "createThumbnailAndStoreInDB",
                                  timeout=10)
        config = {"LambdaFunctionConfigurations": [{
            "LambdaFunctionArn": fn["FunctionArn"], "Events": ["s3:ObjectCreated:*"],
            "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "images/"}]}}}]}
        self.aws("s3api", "put-bucket-notification-configuration", "--bucket", "pictures",
                 "--notification-configuration", json.dumps(config))
        self.aws("s3", "cp", os.path.join(FIXTURES, "images", "mona.jpg"),
                 "s3://pictures/images/mona.jpg", "--metadata",
                 "width=100,height=100,author=Leonardo")
        self.control("/_cloudbox/events/drain")

        thumb = os.path.join(self.tmp, "thumb.jpg")
        head = self.aws("s3api", "get-object", "--bucket", "pictures",
                        "--key", "thumbs/images/mona.jpg", thumb).json()
        self.assertEqual(head["Metadata"].get("author"), "Leonardo")
        with open(thumb, "rb") as f:
            width, height = jpeg_size(f.read())
        # 320x240 fitted inside 100x100 keeps its aspect ratio
        self.assertLessEqual(width, 100)
        self.assertLessEqual(height, 100)
        self.assertEqual(max(width, height), 100)
        item = self.aws("dynamodb", "get-item", "--table-name", "images",
                        "--key", json.dumps({"name": {"S": "images/mona.jpg"}})).json()
        self.assertEqual(item["Item"]["thumbnail"]["S"], "thumbs/images/mona.jpg")
        self.assertEqual(item["Item"]["author"]["S"], "Leonardo")

    def test_purge_by_prefix_on_an_hourly_rule(self):
        self.control("/_cloudbox/clock", {"freeze": True, "set": "2026-06-01T12:00:00Z"})
        self.aws("s3", "mb", "s3://scratch")
        body = os.path.join(self.tmp, "body.txt")
        with open(body, "w") as f:
            f.write("temporary")
        # keys carry their creation time: two old ones, one recent (relative to 13:00 later)
        for key in ("tmp/20260601100000-a.txt", "tmp/20260601113000-b.txt",
                    "tmp/20260601125500-c.txt", "keep/20260101000000-d.txt"):
            self.aws("s3", "cp", body, "s3://scratch/" + key)
        fn = self.create_function("purgeBucketByPrefix", "purgeBucketByPrefix",
                                  env={"BUCKET": "scratch"})
        self.aws("events", "put-rule", "--name", "purge-hourly",
                 "--schedule-expression", "rate(1 hour)")
        self.aws("events", "put-targets", "--rule", "purge-hourly",
                 "--targets", json.dumps([{"Id": "purge", "Arn": fn["FunctionArn"]}]))
        self.control("/_cloudbox/clock", {"advance_seconds": 3600})
        self.control("/_cloudbox/events/drain")
        listing = self.aws("s3api", "list-objects-v2", "--bucket", "scratch").json()
        keys = sorted(o["Key"] for o in listing.get("Contents", []))
        self.assertEqual(keys, ["keep/20260101000000-d.txt", "tmp/20260601125500-c.txt"])
        self.control("/_cloudbox/clock", {"freeze": False})


    def queue_url(self, name, attributes=None):
        args = ["sqs", "create-queue", "--queue-name", name]
        if attributes:
            args += ["--attributes", json.dumps(attributes)]
        return self.aws(*args).json()["QueueUrl"]

    def queue_arn(self, url):
        return self.aws("sqs", "get-queue-attributes", "--queue-url", url,
                        "--attribute-names", "QueueArn").json()["Attributes"]["QueueArn"]

    def bodies(self, url):
        r = self.aws("sqs", "receive-message", "--queue-url", url,
                     "--max-number-of-messages", "10").json()
        return sorted(m["Body"] for m in r.get("Messages", []))

    def test_sqs_event_source_with_partial_batch_failure(self):
        self.control("/_cloudbox/clock", {"freeze": True})
        dlq = self.queue_url("jobs-dlq")
        jobs = self.queue_url("jobs", {
            "VisibilityTimeout": "30",
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": self.queue_arn(dlq),
                                         "maxReceiveCount": "1"})})
        fn = self.create_function("partialBatchWorker", "partialBatch")
        self.aws("lambda", "create-event-source-mapping", "--function-name",
                 fn["FunctionArn"], "--event-source-arn", self.queue_arn(jobs),
                 "--batch-size", "10", "--function-response-types", "ReportBatchItemFailures")
        for body in ("ok-1", "fail-2", "ok-3"):
            self.aws("sqs", "send-message", "--queue-url", jobs, "--message-body", body)
        self.control("/_cloudbox/events/drain")
        attrs = self.aws("sqs", "get-queue-attributes", "--queue-url", jobs, "--attribute-names",
                         "All").json()["Attributes"]
        # the two successes were deleted; the failure waits out its visibility timeout
        self.assertEqual(attrs["ApproximateNumberOfMessages"], "0")
        self.assertEqual(attrs["ApproximateNumberOfMessagesNotVisible"], "1")
        self.control("/_cloudbox/clock", {"advance_seconds": 31})
        self.control("/_cloudbox/events/drain")
        # received once already: the next receive moves it to the dead-letter queue
        self.assertEqual(self.bodies(dlq), ["fail-2"])
        self.control("/_cloudbox/clock", {"freeze": False})

    def test_dynamodb_stream_failures_go_to_the_on_failure_destination(self):
        self.aws("dynamodb", "create-table", "--table-name", "orders",
                 "--attribute-definitions", "AttributeName=id,AttributeType=S",
                 "--key-schema", "AttributeName=id,KeyType=HASH",
                 "--billing-mode", "PAY_PER_REQUEST",
                 "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_IMAGE")
        stream_arn = self.aws("dynamodb", "describe-table", "--table-name",
                              "orders").json()["Table"]["LatestStreamArn"]
        failures = self.queue_url("stream-failures")
        fn = self.create_function("alwaysFails", "fail")
        self.aws("lambda", "create-event-source-mapping", "--function-name", fn["FunctionArn"],
                 "--event-source-arn", stream_arn, "--starting-position", "TRIM_HORIZON",
                 "--batch-size", "10", "--maximum-retry-attempts", "2",
                 "--destination-config",
                 json.dumps({"OnFailure": {"Destination": self.queue_arn(failures)}}))
        self.aws("dynamodb", "put-item", "--table-name", "orders",
                 "--item", json.dumps({"id": {"S": "o-1"}}))
        self.control("/_cloudbox/events/drain")
        r = self.aws("sqs", "receive-message", "--queue-url", failures).json()
        self.assertEqual(len(r.get("Messages", [])), 1)
        info = json.loads(r["Messages"][0]["Body"])
        self.assertEqual(info["requestContext"]["condition"], "RetryAttemptsExhausted")
        self.assertEqual(info["requestContext"]["approximateInvokeCount"], 3)
        self.assertEqual(info["DDBStreamBatchInfo"]["batchSize"], 1)
        self.assertEqual(info["DDBStreamBatchInfo"]["streamArn"], stream_arn)


class book_world_test(unittest.TestCase):
    """`cloudbox serve --book-world` (what scripts/start.sh runs): the resources are there."""

    def test_upload_to_the_seeded_bucket_makes_a_thumbnail(self):
        tmp = tempfile.mkdtemp(prefix="cloudbox-integ-world-")
        server = cb.cloudbox_server(extra_args=["--book-world"]).start()
        try:
            cli = cb.aws_cli(cb.DEBIAN_AWS, server.endpoint, os.path.join(tmp, "home"))
            names = cli.run("lambda", "list-functions").json()["Functions"]
            self.assertEqual(sorted(f["FunctionName"] for f in names),
                             ["createThumbnailAndStoreInDB", "greetingsOnDemand",
                              "purgeBucketByPrefix"])
            self.assertEqual(cli.run("events", "list-rules").json()["Rules"][0]["Name"],
                             "purge-tmp")
            cli.run("s3", "cp", os.path.join(FIXTURES, "images", "sunset.png"),
                    "s3://pictures/images/sunset.png")
            req = urllib.request.Request(server.url("/_cloudbox/events/drain"), method="POST",
                                         data=b"{}")
            urllib.request.urlopen(req, timeout=60).read()
            head = cli.run("s3api", "head-object", "--bucket", "pictures",
                           "--key", "thumbs/images/sunset.png").json()
            self.assertGreater(head["ContentLength"], 0)
            item = cli.run("dynamodb", "get-item", "--table-name", "images", "--key",
                           json.dumps({"name": {"S": "images/sunset.png"}})).json()
            self.assertEqual(item["Item"]["thumbnail"]["S"], "thumbs/images/sunset.png")
        finally:
            server.close()
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    cb.main(require_cli)
