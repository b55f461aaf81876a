# S3 through pip's AWS CLI v1 (the first `aws` on PATH on these machines, from pyenv): newer
# botocore, so uploads carry flexible checksums (CRC32) unlike Debian's CLI v2.
import hashlib
import os
import shutil
import tempfile
import unittest

import cloudbox_server as cb

CLI = None


def require_cli():
    global CLI
    for d in os.environ.get("PATH", "").split(os.pathsep):
        exe = os.path.join(d, "aws")
        if not d or not os.access(exe, os.X_OK) or os.path.isdir(exe):
            continue
        home = tempfile.mkdtemp(prefix="cloudbox-integ-v1probe-")
        try:
            version = cb.aws_cli(exe, "http://127.0.0.1:1", home).version()
        finally:
            shutil.rmtree(home, ignore_errors=True)
        if version.startswith("aws-cli/1."):
            CLI = exe
            return
    raise cb.skip_client("no AWS CLI v1 (`aws --version` saying aws-cli/1.) on PATH")


class aws_cli_v1_test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = cb.cloudbox_server().start()
        cls.tmp = tempfile.mkdtemp(prefix="cloudbox-integ-cliv1-")
        cls.cli = cb.aws_cli(CLI, cls.server.endpoint, os.path.join(cls.tmp, "home"))

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def aws(self, *args, **kw):
        return self.cli.run(*args, **kw)

    def test_cp_ls_rm(self):
        b = "cli1-bucket"
        self.assertIn("make_bucket: " + b, self.aws("s3", "mb", "s3://" + b).stdout)
        small = os.path.join(self.tmp, "small.txt")
        with open(small, "wb") as f:
            f.write(b"small body from cli v1\n")
        big = cb.write_file(os.path.join(self.tmp, "big.bin"), 20 * 1024 * 1024, seed=1)
        self.aws("s3", "cp", small, "s3://%s/small.txt" % b)
        self.aws("s3", "cp", big, "s3://%s/nested/big.bin" % b)

        head = self.aws("s3api", "head-object", "--bucket", b, "--key", "small.txt").json()
        self.assertEqual(head["ETag"],
                         '"%s"' % hashlib.md5(b"small body from cli v1\n").hexdigest())
        head = self.aws("s3api", "head-object", "--bucket", b, "--key", "nested/big.bin").json()
        self.assertEqual(head["ContentLength"], 20 * 1024 * 1024)
        self.assertTrue(head["ETag"].endswith('-3"'), head["ETag"])  # 8 MiB parts

        listing = self.aws("s3", "ls", "--recursive", "s3://%s" % b).stdout
        lines = sorted(line.split()[-2:] for line in listing.splitlines())
        self.assertEqual(lines, [[str(20 * 1024 * 1024), "nested/big.bin"],
                                 [str(os.path.getsize(small)), "small.txt"]])
        self.assertIn("PRE nested/", self.aws("s3", "ls", "s3://%s" % b).stdout)

        back = os.path.join(self.tmp, "big.back")
        self.aws("s3", "cp", "s3://%s/nested/big.bin" % b, back)
        self.assertEqual(cb.sha256_file(back), cb.sha256_file(big))
        self.assertEqual(self.aws("s3", "cp", "s3://%s/small.txt" % b, "-").stdout,
                         "small body from cli v1\n")

        self.assertIn("delete: s3://%s/small.txt" % b,
                      self.aws("s3", "rm", "s3://%s/small.txt" % b).stdout)
        out = self.aws("s3", "rm", "--recursive", "s3://%s/" % b).stdout
        self.assertIn("delete: s3://%s/nested/big.bin" % b, out)
        self.assertEqual(self.aws("s3", "ls", "--recursive", "s3://%s" % b,
                                  check=False).stdout.strip(), "")
        self.aws("s3", "rb", "s3://%s" % b)
        for p in (big, back):
            os.remove(p)


if __name__ == "__main__":
    cb.main(require_cli)
