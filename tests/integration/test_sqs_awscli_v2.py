# SQS through Debian's AWS CLI v2 (/usr/bin/aws 2.9.19), which speaks the query protocol: queues
# with a DLQ, batches, receive/delete, long polling, FIFO order, and AWS's errors for bad input.
import json
import os
import shutil
import tempfile
import threading
import time
import unittest
import urllib.request

import cloudbox_server as cb


def require_cli():
    if not os.access(cb.DEBIAN_AWS, os.X_OK):
        raise cb.skip_client("%s (AWS CLI v2) is not installed" % cb.DEBIAN_AWS)


class sqs_awscli_v2_test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = cb.cloudbox_server().start()
        cls.tmp = tempfile.mkdtemp(prefix="cloudbox-integ-sqs-cliv2-")
        cls.cli = cb.aws_cli(cb.DEBIAN_AWS, cls.server.endpoint, os.path.join(cls.tmp, "home"))

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def sqs(self, *args, check=True):
        return self.cli.run("sqs", *args, check=check)

    def server_send(self, url, body):
        req = urllib.request.Request(
            self.server.endpoint + "/", method="POST",
            data=json.dumps({"QueueUrl": url, "MessageBody": body}).encode(),
            headers={"X-Amz-Target": "AmazonSQS.SendMessage",
                     "Content-Type": "application/x-amz-json-1.0",
                     "Authorization": "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/"
                                      "aws4_request, SignedHeaders=host, Signature=0"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            self.assertEqual(resp.status, 200)

    def create(self, name, attributes=None):
        args = ["create-queue", "--queue-name", name]
        if attributes:
            args += ["--attributes", json.dumps(attributes)]
        return self.sqs(*args).json()["QueueUrl"]

    def test_queue_with_dlq_batches_and_redrive(self):
        dlq = self.create("cli-dlq")
        url = self.create("cli-src", {"RedrivePolicy": json.dumps({
            "deadLetterTargetArn": "arn:aws:sqs:us-east-1:000000000000:cli-dlq",
            "maxReceiveCount": 1})})
        self.assertTrue(url.endswith("/000000000000/cli-src"), url)
        entries = [{"Id": "e%d" % i, "MessageBody": "body %d" % i} for i in range(10)]
        out = self.sqs("send-message-batch", "--queue-url", url, "--entries",
                       json.dumps(entries)).json()
        self.assertEqual(len(out["Successful"]), 10)
        attrs = self.sqs("get-queue-attributes", "--queue-url", url, "--attribute-names",
                         "All").json()["Attributes"]
        self.assertEqual(attrs["ApproximateNumberOfMessages"], "10")
        got = self.sqs("receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                       "--visibility-timeout", "0").json()["Messages"]
        self.assertEqual(len(got), 10)
        # Received once (maxReceiveCount 1): the next receive moves all ten to the DLQ.
        again = self.sqs("receive-message", "--queue-url", url).stdout.strip()
        self.assertEqual(again, "")
        dead = self.sqs("receive-message", "--queue-url", dlq, "--max-number-of-messages",
                        "10").json()["Messages"]
        self.assertEqual(len(dead), 10)
        for m in dead:
            self.sqs("delete-message", "--queue-url", dlq, "--receipt-handle", m["ReceiptHandle"])
        sources = self.sqs("list-dead-letter-source-queues", "--queue-url", dlq).json()
        self.assertEqual(sources["queueUrls"], [url])

    def test_send_with_attributes_and_md5(self):
        url = self.create("cli-attrs")
        out = self.sqs("send-message", "--queue-url", url, "--message-body", "hello",
                       "--message-attributes",
                       json.dumps({"color": {"DataType": "String", "StringValue": "blue"}})).json()
        self.assertEqual(out["MD5OfMessageBody"], "5d41402abc4b2a76b9719d911017c592")
        self.assertEqual(out["MD5OfMessageAttributes"], "da1b33cc3cbfe8b1630921e78e6b9880")
        got = self.sqs("receive-message", "--queue-url", url, "--message-attribute-names",
                       "All").json()["Messages"][0]
        self.assertEqual(got["MessageAttributes"]["color"]["StringValue"], "blue")

    def test_long_poll_wakes_on_send(self):
        url = self.create("cli-poll")
        result = {}

        def wait():
            r = self.sqs("receive-message", "--queue-url", url, "--wait-time-seconds", "20")
            result["at"] = time.monotonic()
            result["out"] = r.json()

        t = threading.Thread(target=wait)
        t.start()
        time.sleep(8)  # the CLI takes seconds to start on a busy machine
        # Sent with a plain signed JSON request: the CLI's own start-up would blur the timing.
        start = time.monotonic()
        self.server_send(url, "ping")
        t.join(30)
        self.assertEqual(result["out"]["Messages"][0]["Body"], "ping")
        print("receive returned %.2f s after the send" % (result["at"] - start))
        self.assertLess(result["at"] - start, 3)  # well before the 20 s wait ends

    def test_fifo_order(self):
        url = self.create("cli-order.fifo", {"FifoQueue": "true",
                                             "ContentBasedDeduplication": "true"})
        for i in range(3):
            self.sqs("send-message", "--queue-url", url, "--message-body", "m%d" % i,
                     "--message-group-id", "g")
        bodies = []
        for _ in range(3):
            m = self.sqs("receive-message", "--queue-url", url).json()["Messages"][0]
            bodies.append(m["Body"])
            self.sqs("delete-message", "--queue-url", url, "--receipt-handle", m["ReceiptHandle"])
        self.assertEqual(bodies, ["m0", "m1", "m2"])

    def test_bad_input(self):
        url = self.create("cli-bad")
        r = self.sqs("get-queue-url", "--queue-name", "nope", check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("AWS.SimpleQueueService.NonExistentQueue", r.stderr)
        r = self.sqs("delete-message", "--queue-url", url, "--receipt-handle", "never", check=False)
        self.assertIn("ReceiptHandleIsInvalid", r.stderr)
        big = os.path.join(self.tmp, "big.txt")
        with open(big, "w") as f:
            f.write("x" * (1024 * 1024 + 1))
        r = self.sqs("send-message", "--queue-url", url, "--message-body", "file://" + big,
                     check=False)
        self.assertIn("InvalidParameterValue", r.stderr)
        self.assertIn("Message must be shorter than 1048576 bytes", r.stderr)
        r = self.sqs("receive-message", "--queue-url", url, "--max-number-of-messages", "11",
                     check=False)
        self.assertIn("InvalidParameterValue", r.stderr)


if __name__ == "__main__":
    cb.main(require_cli)
