# Durability: objects written before a `kill -9` (or a graceful SIGTERM) are all there,
# byte-identical, after restarting on the same data directory. Uses curl with SigV4 signing, the
# way a user scripts S3 without an SDK.
import hashlib
import os
import shutil
import tempfile
import unittest

import cloudbox_server as cb


def require_curl():
    if shutil.which("curl") is None:
        raise cb.skip_client("curl is not installed")


class durability_test(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="cloudbox-integ-dur-")
        self.server = cb.cloudbox_server(data_dir=os.path.join(self.tmp, "data")).start()

    def tearDown(self):
        self.server.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def put_objects(self, bucket):
        status, body = cb.curl(self.server, "PUT", "/" + bucket)
        self.assertEqual(status, 200, body)
        objects = {}
        for i in range(20):
            objects["small/%02d.txt" % i] = os.urandom(100 + i)
        objects["big/five.bin"] = os.urandom(5 * 1024 * 1024)
        objects["big/five-b.bin"] = os.urandom(5 * 1024 * 1024 + 1)
        for key, data in objects.items():
            src = os.path.join(self.tmp, "src")
            with open(src, "wb") as f:
                f.write(data)
            status, body = cb.curl(self.server, "PUT", "/%s/%s" % (bucket, key), upload=src,
                                headers=["x-amz-meta-index: %d" % len(data)])
            self.assertEqual(status, 200, body)
        return objects

    def assert_objects(self, bucket, objects):
        out = os.path.join(self.tmp, "out")
        for key, data in objects.items():
            status, _ = cb.curl(self.server, "GET", "/%s/%s" % (bucket, key), output=out)
            self.assertEqual(status, 200, key)
            with open(out, "rb") as f:
                got = f.read()
            self.assertEqual(hashlib.sha256(got).hexdigest(), hashlib.sha256(data).hexdigest(),
                             key)
        status, body = cb.curl(self.server, "GET", "/%s?list-type=2" % bucket)
        self.assertEqual(status, 200)
        self.assertEqual(body.count(b"<Key>"), len(objects))
        status, body = cb.curl(self.server, "GET", "/")
        self.assertIn(b"<Name>%s</Name>" % bucket.encode(), body)

    def test_objects_survive_kill_9(self):
        objects = self.put_objects("durable-kill")
        # a delete must survive too
        status, _ = cb.curl(self.server, "DELETE", "/durable-kill/small/00.txt")
        self.assertEqual(status, 204)
        del objects["small/00.txt"]
        self.server.kill()
        self.server.restart_same_port()
        self.assert_objects("durable-kill", objects)
        status, _ = cb.curl(self.server, "GET", "/durable-kill/small/00.txt")
        self.assertEqual(status, 404)
        # and the restarted server keeps working on the same data
        second = self.put_objects("durable-kill-2")
        self.server.kill()
        self.server.restart_same_port()
        self.assert_objects("durable-kill", objects)
        self.assert_objects("durable-kill-2", second)

    def test_objects_survive_sigterm(self):
        objects = self.put_objects("durable-term")
        self.assertEqual(self.server.stop(), 0)
        self.server.restart_same_port()
        self.assert_objects("durable-term", objects)


if __name__ == "__main__":
    cb.main(require_curl)
