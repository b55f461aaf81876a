# S3 through Debian's AWS CLI v2 (/usr/bin/aws): the `aws s3` commands and the s3api calls a user
# runs, checked against what AWS returns.
import hashlib
import json
import os
import shutil
import tempfile
import unittest

import cloudbox_server as cb


def require_cli():
    if not os.access(cb.DEBIAN_AWS, os.X_OK):
        raise cb.skip_client("%s (AWS CLI v2) is not installed" % cb.DEBIAN_AWS)


def md5_hex(data):
    return hashlib.md5(data).hexdigest()


def multipart_etag(path, part_size):
    """The ETag S3 gives a multipart object: md5 of the parts' binary md5s, dash, part count."""
    digests = []
    with open(path, "rb") as f:
        while True:
            b = f.read(part_size)
            if not b:
                break
            digests.append(hashlib.md5(b).digest())
    return '"%s-%d"' % (hashlib.md5(b"".join(digests)).hexdigest(), len(digests))


def tree_digest(root):
    """{relative path: sha256} of every file below root."""
    out = {}
    for dirpath, _, files in os.walk(root):
        for name in files:
            full = os.path.join(dirpath, name)
            out[os.path.relpath(full, root)] = cb.sha256_file(full)
    return out


class aws_cli_v2_base(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = cb.cloudbox_server().start()
        cls.tmp = tempfile.mkdtemp(prefix="cloudbox-integ-cliv2-")
        cls.cli = cb.aws_cli(cb.DEBIAN_AWS, cls.server.endpoint, os.path.join(cls.tmp, "home"))
        version = cls.cli.version()
        assert version.startswith("aws-cli/2."), version

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.assertTrue(self.server.alive(), "server died: " + self.server.stderr_text())

    def aws(self, *args, **kw):
        return self.cli.run(*args, **kw)

    def path(self, *parts):
        p = os.path.join(self.tmp, *parts)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p

    def make_bucket(self, name):
        r = self.aws("s3", "mb", "s3://" + name)
        self.assertIn("make_bucket: " + name, r.stdout)
        return name


class aws_s3_commands_test(aws_cli_v2_base):
    """`aws s3` (the high-level commands)."""

    def test_mb_cp_small_ls_and_download(self):
        b = self.make_bucket("cli2-small")
        src = self.path("small.txt")
        body = b"hello from the aws cli v2\n" * 10
        with open(src, "wb") as f:
            f.write(body)
        r = self.aws("s3", "cp", src, "s3://%s/docs/small.txt" % b)
        self.assertIn("upload: ", r.stdout)
        # stdout download (`-`) returns the bytes unchanged
        r = self.cli.run("s3", "cp", "s3://%s/docs/small.txt" % b, "-")
        self.assertEqual(r.stdout.encode(), body)
        head = self.aws("s3api", "head-object", "--bucket", b, "--key", "docs/small.txt").json()
        self.assertEqual(head["ContentLength"], len(body))
        self.assertEqual(head["ETag"], '"%s"' % md5_hex(body))
        self.assertEqual(head["ContentType"], "text/plain")  # the CLI guesses from the extension
        # ls: buckets, a prefix as PRE, then the recursive listing with sizes
        names = self.aws("s3", "ls").stdout
        self.assertIn(" " + b + "\n", names)
        top = self.aws("s3", "ls", "s3://%s/" % b).stdout
        self.assertIn("PRE docs/", top)
        rec = self.aws("s3", "ls", "--recursive", "s3://%s" % b).stdout.split()
        self.assertEqual(rec[-2:], [str(len(body)), "docs/small.txt"])
        dst = self.path("small.back")
        self.aws("s3", "cp", "s3://%s/docs/small.txt" % b, dst)
        with open(dst, "rb") as f:
            self.assertEqual(f.read(), body)

    def test_cp_100mib_multipart_round_trip(self):
        b = self.make_bucket("cli2-big")
        src = cb.write_file(self.path("big.bin"), 100 * 1024 * 1024, seed=2)
        try:
            self.aws("s3", "cp", src, "s3://%s/big.bin" % b)
            head = self.aws("s3api", "head-object", "--bucket", b, "--key", "big.bin").json()
            self.assertEqual(head["ContentLength"], 100 * 1024 * 1024)
            # the CLI uploads 8 MiB parts: 13 of them
            self.assertEqual(head["ETag"], multipart_etag(src, 8 * 1024 * 1024))
            dst = self.path("big.back")
            self.aws("s3", "cp", "s3://%s/big.bin" % b, dst)
            self.assertEqual(cb.sha256_file(dst), cb.sha256_file(src))
            os.remove(dst)
        finally:
            os.remove(src)

    def test_sync_up_and_down_nested_tree(self):
        b = self.make_bucket("cli2-sync")
        root = os.path.join(self.tmp, "tree")
        files = {
            "a.txt": b"alpha",
            "empty.dat": b"",
            "one/b.txt": b"bravo" * 100,
            "one/two/c.bin": os.urandom(70000),
            "one/two/three/d e+f.txt": b"spaces and plus",
            "uni/\u00e9t\u00e9.txt": "caf\u00e9".encode(),
            "big/part.bin": os.urandom(9 * 1024 * 1024),  # multipart inside sync
        }
        for rel, data in files.items():
            p = os.path.join(root, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(data)
        up = self.aws("s3", "sync", root, "s3://%s/tree" % b).stdout
        self.assertEqual(up.count("upload: "), len(files), up)
        # a second sync finds everything up to date (sizes and times from ListObjectsV2 match)
        again = self.aws("s3", "sync", root, "s3://%s/tree" % b).stdout
        self.assertEqual(again.strip(), "")
        keys = self.aws("s3api", "list-objects-v2", "--bucket", b).json()["Contents"]
        self.assertEqual(sorted(k["Key"] for k in keys), sorted("tree/" + r for r in files))
        down = os.path.join(self.tmp, "tree-down")
        self.aws("s3", "sync", "s3://%s/tree" % b, down)
        self.assertEqual(tree_digest(down), tree_digest(root))
        # sync --delete removes what is gone locally
        os.remove(os.path.join(root, "one/b.txt"))
        out = self.aws("s3", "sync", "--delete", root, "s3://%s/tree" % b).stdout
        self.assertIn("delete: s3://%s/tree/one/b.txt" % b, out)
        shutil.rmtree(root)
        shutil.rmtree(down)

    def test_mv_rm_recursive_and_rb(self):
        b = self.make_bucket("cli2-mv")
        src = self.path("mv.txt")
        with open(src, "wb") as f:
            f.write(b"move me")
        self.aws("s3", "mv", src, "s3://%s/in/mv.txt" % b)
        self.assertFalse(os.path.exists(src))
        out = self.aws("s3", "mv", "s3://%s/in/mv.txt" % b, "s3://%s/out/moved.txt" % b).stdout
        self.assertIn("move: ", out)
        listed = self.aws("s3", "ls", "--recursive", "s3://%s" % b).stdout
        self.assertNotIn("in/mv.txt", listed)
        self.assertIn("out/moved.txt", listed)
        r = self.aws("s3", "cp", "s3://%s/out/moved.txt" % b, "-")
        self.assertEqual(r.stdout, "move me")
        deep = os.path.join(self.tmp, "deep")
        for i in range(5):
            with open(self.path("deep", "%d" % i, "f.txt"), "wb") as f:
                f.write(b"%d" % i)
        out = self.aws("s3", "cp", "--recursive", deep, "s3://%s/out/deep/" % b).stdout
        self.assertEqual(out.count("upload: "), 5, out)
        shutil.rmtree(deep)
        # rb refuses a bucket that is not empty, with S3's BucketNotEmpty
        r = self.aws("s3", "rb", "s3://%s" % b, check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("BucketNotEmpty", r.stderr)
        out = self.aws("s3", "rm", "--recursive", "s3://%s/out" % b).stdout
        self.assertEqual(out.count("delete: "), 6, out)
        self.assertEqual(self.aws("s3", "ls", "--recursive", "s3://%s" % b,
                                  check=False).stdout.strip(), "")
        self.assertIn("remove_bucket: " + b, self.aws("s3", "rb", "s3://%s" % b).stdout)
        self.assertNotIn(" %s\n" % b, self.aws("s3", "ls").stdout)
        # rb --force empties the bucket first
        b2 = self.make_bucket("cli2-rbforce")
        cb.put_many(self.server, b2, {"a": b"1", "b/c": b"2", "b/d/e": b"3"})
        out = self.aws("s3", "rb", "--force", "s3://%s" % b2).stdout
        self.assertEqual(out.count("delete: "), 3, out)
        r = self.aws("s3api", "head-bucket", "--bucket", b2, check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("404", r.stderr)

    def test_presign_fetch_and_expiry(self):
        b = self.make_bucket("cli2-presign")
        src = self.path("presign.bin")
        body = os.urandom(4096)
        with open(src, "wb") as f:
            f.write(body)
        self.aws("s3", "cp", src, "s3://%s/p/key with space.bin" % b)
        url = self.aws("s3", "presign", "s3://%s/p/key with space.bin" % b).stdout.strip()
        self.assertIn("X-Amz-Signature=", url)
        status, _, got = cb.http_fetch(url)
        self.assertEqual(status, 200)
        self.assertEqual(got, body)
        short = self.aws("s3", "presign", "--expires-in", "1",
                         "s3://%s/p/key with space.bin" % b).stdout.strip()
        self.server.advance_clock(5)
        status, _, got = cb.http_fetch(short)
        self.assertEqual(status, 403)
        self.assertEqual(cb.error_code(got), "AccessDenied")
        self.assertIn(b"<Message>Request has expired</Message>", got)
        # the long-lived URL is still good
        status, _, got = cb.http_fetch(url)
        self.assertEqual(status, 200)


class aws_s3api_test(aws_cli_v2_base):
    """`aws s3api` (one AWS operation per call)."""

    def test_s3api_head_object_and_metadata(self):
        b = self.make_bucket("cli2-head")
        src = self.path("head.json")
        with open(src, "wb") as f:
            f.write(b'{"a": 1}')
        put = self.aws("s3api", "put-object", "--bucket", b, "--key", "h.json", "--body", src,
                       "--content-type", "application/json", "--metadata",
                       "color=blue,Owner=Me", "--cache-control", "max-age=60").json()
        head = self.aws("s3api", "head-object", "--bucket", b, "--key", "h.json").json()
        self.assertEqual(head["ETag"], put["ETag"])
        self.assertEqual(head["ETag"], '"%s"' % md5_hex(b'{"a": 1}'))
        self.assertEqual(head["ContentLength"], 8)
        self.assertEqual(head["ContentType"], "application/json")
        self.assertEqual(head["CacheControl"], "max-age=60")
        # S3 lower-cases user metadata names
        self.assertEqual(head["Metadata"], {"color": "blue", "owner": "Me"})
        r = self.aws("s3api", "head-object", "--bucket", b, "--key", "missing", check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("(404)", r.stderr)
        out = self.path("range.out")
        got = self.aws("s3api", "get-object", "--bucket", b, "--key", "h.json", "--range",
                       "bytes=1-3", out).json()
        self.assertEqual(got["ContentRange"], "bytes 1-3/8")
        with open(out, "rb") as f:
            self.assertEqual(f.read(), b'"a"')

    def test_list_objects_v2_delimiter_and_pagination(self):
        b = self.make_bucket("cli2-list")
        # 1,050 keys in three folders plus top-level files (put directly: `aws s3 sync` of 1,050
        # files is covered in spirit by test_sync and would take most of the suite's time)
        expected = ["%s/k%04d" % (("d1", "d2", "d3")[i % 3], i) if i >= 6 else "top%d" % i
                    for i in range(1050)]
        cb.put_many(self.server, b, {k: k.encode() for k in expected})
        expected.sort()

        r = self.aws("s3api", "list-objects-v2", "--bucket", b, "--delimiter", "/",
                     "--no-paginate").json()
        self.assertEqual([p["Prefix"] for p in r["CommonPrefixes"]], ["d1/", "d2/", "d3/"])
        self.assertEqual([c["Key"] for c in r["Contents"]], ["top%d" % i for i in range(6)])
        self.assertEqual(r["KeyCount"], 9)
        r = self.aws("s3api", "list-objects-v2", "--bucket", b, "--delimiter", "/",
                     "--prefix", "d2/").json()
        self.assertEqual(len(r["Contents"]), 348)
        self.assertNotIn("CommonPrefixes", r)

        # the CLI follows continuation tokens page by page (100 keys a request)
        r = self.aws("s3api", "list-objects-v2", "--bucket", b, "--page-size", "100").json()
        self.assertEqual([c["Key"] for c in r["Contents"]], expected)
        # --max-items stops early and hands back a token to resume from
        first = self.aws("s3api", "list-objects-v2", "--bucket", b, "--page-size", "100",
                         "--max-items", "250").json()
        self.assertEqual([c["Key"] for c in first["Contents"]], expected[:250])
        self.assertIn("NextToken", first)
        rest = self.aws("s3api", "list-objects-v2", "--bucket", b, "--page-size", "100",
                        "--starting-token", first["NextToken"]).json()
        self.assertEqual([c["Key"] for c in rest["Contents"]], expected[250:])
        # one raw page: IsTruncated with a continuation token, MaxKeys as asked
        page = self.aws("s3api", "list-objects-v2", "--bucket", b, "--max-keys", "100",
                        "--no-paginate").json()
        self.assertTrue(page["IsTruncated"])
        self.assertEqual(page["KeyCount"], 100)
        self.assertEqual(page["MaxKeys"], 100)
        page2 = self.aws("s3api", "list-objects-v2", "--bucket", b, "--max-keys", "100",
                         "--no-paginate", "--continuation-token",
                         page["NextContinuationToken"]).json()
        self.assertEqual([c["Key"] for c in page2["Contents"]], expected[100:200])
        # the default page is 1,000 keys
        full = self.aws("s3api", "list-objects-v2", "--bucket", b, "--no-paginate").json()
        self.assertEqual(full["KeyCount"], 1000)
        self.assertTrue(full["IsTruncated"])
        # start-after
        r = self.aws("s3api", "list-objects-v2", "--bucket", b, "--start-after",
                     expected[-3]).json()
        self.assertEqual([c["Key"] for c in r["Contents"]], expected[-2:])

    def test_copy_object(self):
        b = self.make_bucket("cli2-copy")
        src = self.path("copy.txt")
        with open(src, "wb") as f:
            f.write(b"copy this body")
        put = self.aws("s3api", "put-object", "--bucket", b, "--key", "src.txt", "--body", src,
                       "--metadata", "k=v", "--content-type", "text/x-src").json()
        r = self.aws("s3api", "copy-object", "--bucket", b, "--key", "dst.txt", "--copy-source",
                     "%s/src.txt" % b).json()
        self.assertEqual(r["CopyObjectResult"]["ETag"], put["ETag"])
        self.assertIn("LastModified", r["CopyObjectResult"])
        head = self.aws("s3api", "head-object", "--bucket", b, "--key", "dst.txt").json()
        self.assertEqual(head["Metadata"], {"k": "v"})  # COPY directive keeps metadata
        self.assertEqual(head["ContentType"], "text/x-src")
        self.assertEqual(self.aws("s3", "cp", "s3://%s/dst.txt" % b, "-").stdout,
                         "copy this body")
        # REPLACE swaps the metadata
        b2 = self.make_bucket("cli2-copy-dst")
        self.aws("s3api", "copy-object", "--bucket", b2, "--key", "other.txt", "--copy-source",
                 "%s/src.txt" % b, "--metadata-directive", "REPLACE", "--metadata", "n=2",
                 "--content-type", "text/plain")
        head = self.aws("s3api", "head-object", "--bucket", b2, "--key", "other.txt").json()
        self.assertEqual(head["Metadata"], {"n": "2"})
        self.assertEqual(head["ContentType"], "text/plain")
        # copying an object onto itself without changing anything is refused
        r = self.aws("s3api", "copy-object", "--bucket", b, "--key", "src.txt", "--copy-source",
                     "%s/src.txt" % b, check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("InvalidRequest", r.stderr)
        r = self.aws("s3api", "copy-object", "--bucket", b, "--key", "x", "--copy-source",
                     "%s/nope" % b, check=False)
        self.assertIn("NoSuchKey", r.stderr)

    def test_object_tagging(self):
        b = self.make_bucket("cli2-tags")
        src = self.path("tag.txt")
        with open(src, "wb") as f:
            f.write(b"tagged")
        self.aws("s3api", "put-object", "--bucket", b, "--key", "t.txt", "--body", src,
                 "--tagging", "initial=yes")
        tags = self.aws("s3api", "get-object-tagging", "--bucket", b, "--key", "t.txt").json()
        self.assertEqual(tags["TagSet"], [{"Key": "initial", "Value": "yes"}])
        self.aws("s3api", "put-object-tagging", "--bucket", b, "--key", "t.txt", "--tagging",
                 json.dumps({"TagSet": [{"Key": "env", "Value": "test"},
                                        {"Key": "team", "Value": "storage & co"}]}))
        tags = self.aws("s3api", "get-object-tagging", "--bucket", b, "--key", "t.txt").json()
        self.assertEqual(sorted((t["Key"], t["Value"]) for t in tags["TagSet"]),
                         [("env", "test"), ("team", "storage & co")])
        head = self.aws("s3api", "head-object", "--bucket", b, "--key", "t.txt").json()
        self.assertEqual(head["ContentLength"], 6)
        r = self.aws("s3api", "get-object", "--bucket", b, "--key", "t.txt",
                     self.path("tag.out")).json()
        self.assertEqual(r["TagCount"], 2)
        self.aws("s3api", "delete-object-tagging", "--bucket", b, "--key", "t.txt")
        tags = self.aws("s3api", "get-object-tagging", "--bucket", b, "--key", "t.txt").json()
        self.assertEqual(tags["TagSet"], [])
        r = self.aws("s3api", "put-object-tagging", "--bucket", b, "--key", "t.txt", "--tagging",
                     json.dumps({"TagSet": [{"Key": "a", "Value": "1"},
                                            {"Key": "a", "Value": "2"}]}), check=False)
        self.assertIn("InvalidTag", r.stderr)


if __name__ == "__main__":
    cb.main(require_cli)
