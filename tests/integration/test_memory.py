# Memory: 1 GiB uploads (a single PUT with curl, `aws s3api put-object`, and a multipart
# `aws s3 cp`) and a 1 GiB download stream through the server without its resident memory
# growing by more than 64 MiB (peak VmHWM against the VmRSS before, from /proc/PID/status).
import hashlib
import os
import shutil
import subprocess
import tempfile
import unittest

import cloudbox_server as cb

GIB = 1024 * 1024 * 1024
LIMIT = 64 * 1024 * 1024


def require_curl():
    if shutil.which("curl") is None:
        raise cb.skip_client("curl is not installed")


def md5_file(path):
    h = hashlib.md5()
    with open(path, "rb") as f:
        while True:
            b = f.read(1 << 20)
            if not b:
                return h.hexdigest()
            h.update(b)


class memory_test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cloudbox-integ-mem-")
        cls.server = cb.cloudbox_server(data_dir=os.path.join(cls.tmp, "data")).start()
        cls.file = cb.write_file(os.path.join(cls.tmp, "one-gib.bin"), GIB, seed=7)
        cls.md5 = md5_file(cls.file)
        status, body = cb.curl(cls.server, "PUT", "/memory-bucket")
        assert status == 200, body
        # warm up: first requests allocate pools, SQLite caches, thread stacks
        small = cb.write_file(os.path.join(cls.tmp, "warm.bin"), 9 * 1024 * 1024, seed=8)
        for i in range(3):
            cb.curl(cls.server, "PUT", "/memory-bucket/warm-%d" % i, upload=small)
            cb.curl(cls.server, "GET", "/memory-bucket/warm-%d" % i, output=os.devnull)
        cls.home = os.path.join(cls.tmp, "home")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def measure(self, what, fn):
        s = self.server
        can_reset = s.reset_peak_rss()
        before = s.proc_status("VmRSS")
        base = before if can_reset else max(before, s.proc_status("VmHWM"))
        fn()
        peak = s.proc_status("VmHWM")
        after = s.proc_status("VmRSS")
        growth = max(peak, after) - base
        print("\n  %s: VmRSS before %.1f MiB, peak %.1f MiB%s, after %.1f MiB, growth %.1f MiB"
              % (what, before / 2**20, peak / 2**20, "" if can_reset else " (since start)",
                 after / 2**20, growth / 2**20))
        self.assertLess(growth, LIMIT, "%s grew the server by %.1f MiB" % (what, growth / 2**20))
        self.assertTrue(s.alive())

    def head(self, key):
        out = subprocess.run(["curl", "-sS", "-I", "--aws-sigv4", "aws:amz:us-east-1:s3",
                              "--user", "test:test", self.server.url("/memory-bucket/" + key)],
                             capture_output=True, text=True, timeout=60).stdout
        return {k.strip().lower(): v.strip() for k, _, v in
                (line.partition(":") for line in out.splitlines()[1:] if ":" in line)}

    def test_1_single_put_with_curl(self):
        def upload():
            status, body = cb.curl(self.server, "PUT", "/memory-bucket/curl.bin", upload=self.file)
            self.assertEqual(status, 200, body)
        self.measure("curl -T 1 GiB PUT", upload)
        h = self.head("curl.bin")
        self.assertEqual(int(h["content-length"]), GIB)
        self.assertEqual(h["etag"], '"%s"' % self.md5)

    def test_2_download_stream(self):
        out = os.path.join(self.tmp, "download.bin")

        def download():
            status, _ = cb.curl(self.server, "GET", "/memory-bucket/curl.bin", output=out)
            self.assertEqual(status, 200)
        self.measure("curl 1 GiB GET", download)
        self.assertEqual(md5_file(out), self.md5)
        os.remove(out)

    def cli(self):
        if not os.access(cb.DEBIAN_AWS, os.X_OK):
            self.skipTest("%s (AWS CLI v2) is not installed" % cb.DEBIAN_AWS)
        return cb.aws_cli(cb.DEBIAN_AWS, self.server.endpoint, self.home)

    def test_3_s3api_put_object(self):
        cli = self.cli()
        self.measure("aws s3api put-object 1 GiB", lambda: cli.run(
            "s3api", "put-object", "--bucket", "memory-bucket", "--key", "s3api.bin", "--body",
            self.file))
        self.assertEqual(self.head("s3api.bin")["etag"], '"%s"' % self.md5)

    def test_4_multipart_cp(self):
        cli = self.cli()
        self.measure("aws s3 cp 1 GiB multipart", lambda: cli.run(
            "s3", "cp", "--only-show-errors", self.file, "s3://memory-bucket/multipart.bin"))
        h = self.head("multipart.bin")
        self.assertEqual(int(h["content-length"]), GIB)
        self.assertTrue(h["etag"].endswith('-128"'), h["etag"])


if __name__ == "__main__":
    cb.main(require_curl)
