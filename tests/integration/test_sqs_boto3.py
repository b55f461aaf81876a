# SQS through boto3: pip's boto3 (1.43, JSON protocol) and Debian's python3-boto3 (1.26, query
# protocol). CLOUDBOX_BOTO3_FLAVOUR (pip|debian) says which one this run proves. The 10,000
# message run is its own test class (sqs_bulk_test) so that ctest can label it slow.
import concurrent.futures
import os
import sys
import threading
import time
import unittest

import cloudbox_server as cb

boto3 = None
ClientError = None


def require_boto3():
    global boto3, ClientError
    flavour = os.environ.get("CLOUDBOX_BOTO3_FLAVOUR", "")
    is_debian = os.path.realpath(sys.executable) == os.path.realpath(cb.DEBIAN_PYTHON)
    if flavour == "pip" and is_debian:
        raise cb.skip_client("python3 on PATH is Debian's interpreter: no pip boto3 here")
    if flavour == "debian" and not is_debian:
        raise cb.skip_client("%s is not installed" % cb.DEBIAN_PYTHON)
    try:
        import boto3 as b3
        from botocore.exceptions import ClientError as ce
    except ImportError:
        raise cb.skip_client("boto3 is not installed for %s" % sys.executable)
    if flavour == "debian" and not b3.__file__.startswith("/usr/lib/python3/"):
        raise cb.skip_client("Debian's python3-boto3 is not installed (found %s)" % b3.__file__)
    boto3, ClientError = b3, ce
    print("boto3 %s from %s under %s" % (b3.__version__, b3.__file__, sys.executable))


def make_client(endpoint):
    from botocore.config import Config
    return boto3.client("sqs", endpoint_url=endpoint, region_name=cb.REGION,
                        aws_access_key_id=cb.ACCESS_KEY, aws_secret_access_key=cb.SECRET_KEY,
                        config=Config(retries={"max_attempts": 1},
                                      max_pool_connections=32))


class sqs_base(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = cb.cloudbox_server().start()
        cls.sqs = make_client(cls.server.endpoint)

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def error_code(self, fn, **kwargs):
        with self.assertRaises(ClientError) as ctx:
            fn(**kwargs)
        return ctx.exception.response["Error"]["Code"]


class sqs_boto3_test(sqs_base):
    def test_dlq_after_max_receive_count(self):
        dlq = self.sqs.create_queue(QueueName="b-dlq")["QueueUrl"]
        arn = self.sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"]
        src = self.sqs.create_queue(QueueName="b-src", Attributes={
            "RedrivePolicy": '{"deadLetterTargetArn":"%s","maxReceiveCount":"2"}' % arn})["QueueUrl"]
        self.sqs.send_message(QueueUrl=src, MessageBody="poison")
        for _ in range(2):
            got = self.sqs.receive_message(QueueUrl=src, VisibilityTimeout=0)
            self.assertEqual(len(got.get("Messages", [])), 1)
        self.assertEqual(self.sqs.receive_message(QueueUrl=src).get("Messages", []), [])
        dead = self.sqs.receive_message(QueueUrl=dlq, AttributeNames=["All"])["Messages"]
        self.assertEqual(dead[0]["Body"], "poison")
        self.assertEqual(self.sqs.list_dead_letter_source_queues(QueueUrl=dlq)["queueUrls"], [src])

    def test_long_poll_returns_within_50ms_of_a_send(self):
        url = self.sqs.create_queue(QueueName="b-poll")["QueueUrl"]
        receiver = make_client(self.server.endpoint)
        result = {}

        def wait():
            got = receiver.receive_message(QueueUrl=url, WaitTimeSeconds=10)
            result["at"] = time.monotonic()
            result["messages"] = got.get("Messages", [])

        t = threading.Thread(target=wait)
        t.start()
        time.sleep(0.5)  # let the receive park on the server
        sent = time.monotonic()  # before the send: its own round trip counts too
        self.sqs.send_message(QueueUrl=url, MessageBody="ping")
        t.join(15)
        self.assertEqual([m["Body"] for m in result["messages"]], ["ping"])
        latency_ms = (result["at"] - sent) * 1000
        print("long-poll latency after send: %.1f ms" % latency_ms)
        self.assertLess(latency_ms, 50)

    def test_fifo_order_per_group(self):
        url = self.sqs.create_queue(QueueName="b-order.fifo", Attributes={
            "FifoQueue": "true", "ContentBasedDeduplication": "true"})["QueueUrl"]
        for i in range(20):
            self.sqs.send_message(QueueUrl=url, MessageBody="g%d-%d" % (i % 2, i),
                                  MessageGroupId="g%d" % (i % 2))
        seen = {"g0": [], "g1": []}
        while True:
            got = self.sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                                           AttributeNames=["All"]).get("Messages", [])
            if not got:
                break
            for m in got:
                seen[m["Attributes"]["MessageGroupId"]].append(int(m["Body"].split("-")[1]))
                self.sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
        self.assertEqual(seen["g0"], list(range(0, 20, 2)))
        self.assertEqual(seen["g1"], list(range(1, 20, 2)))

    def test_message_attributes_round_trip(self):
        url = self.sqs.create_queue(QueueName="b-attrs")["QueueUrl"]
        attrs = {"s": {"DataType": "String", "StringValue": "v"},
                 "n": {"DataType": "Number", "StringValue": "12"},
                 "b": {"DataType": "Binary", "BinaryValue": b"\x00\xff"}}
        sent = self.sqs.send_message(QueueUrl=url, MessageBody="x", MessageAttributes=attrs)
        got = self.sqs.receive_message(QueueUrl=url, MessageAttributeNames=["All"])["Messages"][0]
        self.assertEqual(got["MD5OfMessageAttributes"], sent["MD5OfMessageAttributes"])
        self.assertEqual(got["MessageAttributes"]["b"]["BinaryValue"], b"\x00\xff")
        tags = {"team": "blue"}
        self.sqs.tag_queue(QueueUrl=url, Tags=tags)
        self.assertEqual(self.sqs.list_queue_tags(QueueUrl=url)["Tags"], tags)

    def test_bad_input(self):
        url = self.sqs.create_queue(QueueName="b-bad")["QueueUrl"]
        self.assertEqual(self.error_code(self.sqs.send_message, QueueUrl=url,
                                         MessageBody="x" * (1024 * 1024 + 1)),
                         "InvalidParameterValue")
        self.assertEqual(self.error_code(self.sqs.delete_message, QueueUrl=url,
                                         ReceiptHandle="never-issued"), "ReceiptHandleIsInvalid")
        self.assertEqual(self.error_code(self.sqs.get_queue_url, QueueName="missing"),
                         "AWS.SimpleQueueService.NonExistentQueue")
        self.assertEqual(self.error_code(self.sqs.send_message, QueueUrl=url, MessageBody="a\x01"),
                         "InvalidMessageContents")
        self.assertEqual(self.error_code(self.sqs.create_queue, QueueName="b-bad", Attributes={
            "VisibilityTimeout": "5"}), "QueueAlreadyExists")
        entries = [{"Id": "same", "MessageBody": "x"}, {"Id": "same", "MessageBody": "y"}]
        self.assertEqual(self.error_code(self.sqs.send_message_batch, QueueUrl=url,
                                         Entries=entries),
                         "AWS.SimpleQueueService.BatchEntryIdsNotDistinct")


class sqs_bulk_test(sqs_base):
    def test_10000_messages_several_consumers(self):
        dlq = self.sqs.create_queue(QueueName="bulk-dlq")["QueueUrl"]
        url = self.sqs.create_queue(QueueName="bulk", Attributes={
            "VisibilityTimeout": "120",
            "RedrivePolicy": '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:bulk-dlq",'
                             '"maxReceiveCount":5}'})["QueueUrl"]
        total = 10000

        def send(start):
            entries = [{"Id": str(i), "MessageBody": "m%05d" % i} for i in range(start, start + 10)]
            out = self.sqs.send_message_batch(QueueUrl=url, Entries=entries)
            assert len(out["Successful"]) == 10, out

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            list(pool.map(send, range(0, total, 10)))
        lock = threading.Lock()
        seen = {}

        def consume(_):
            client = make_client(self.server.endpoint)
            empty = 0
            while empty < 3:
                got = client.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                                             WaitTimeSeconds=1).get("Messages", [])
                if not got:
                    empty += 1
                    continue
                empty = 0
                with lock:
                    for m in got:
                        seen[m["Body"]] = seen.get(m["Body"], 0) + 1
                client.delete_message_batch(QueueUrl=url, Entries=[
                    {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(got)])

        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            list(pool.map(consume, range(6)))
        self.assertEqual(len(seen), total, "messages lost")
        self.assertEqual([b for b, n in seen.items() if n > 1], [], "delivered twice")
        attrs = self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        self.assertEqual(attrs["ApproximateNumberOfMessages"], "0")
        self.assertEqual(attrs["ApproximateNumberOfMessagesNotVisible"], "0")
        self.assertEqual(self.sqs.receive_message(QueueUrl=dlq).get("Messages", []), [])


if __name__ == "__main__":
    cb.main(require_boto3)
