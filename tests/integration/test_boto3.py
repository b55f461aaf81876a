# S3 through boto3, run once under pip's python3 (boto3 1.43: CRC32 flexible checksums by
# default) and once under Debian's /usr/bin/python3 (python3-boto3 1.26). CLOUDBOX_BOTO3_FLAVOUR
# (pip|debian) says which one this run is meant to prove.
import base64
import concurrent.futures
import hashlib
import http.client
import os
import shutil
import socket
import sys
import tempfile
import unittest
import urllib.parse

import cloudbox_server as cb

boto3 = None
Config = None
ClientError = None


def require_boto3():
    global boto3, Config, ClientError
    flavour = os.environ.get("CLOUDBOX_BOTO3_FLAVOUR", "")
    debian = os.path.realpath(cb.DEBIAN_PYTHON)
    is_debian = os.path.realpath(sys.executable) == debian
    if flavour == "pip" and is_debian:
        raise cb.skip_client("python3 on PATH is Debian's interpreter: no pip boto3 here")
    if flavour == "debian" and not is_debian:
        raise cb.skip_client("%s is not installed" % cb.DEBIAN_PYTHON)
    try:
        import boto3 as b3
        from botocore.config import Config as cfg
        from botocore.exceptions import ClientError as ce
    except ImportError:
        raise cb.skip_client("boto3 is not installed for %s" % sys.executable)
    if flavour == "debian" and not b3.__file__.startswith("/usr/lib/python3/"):
        raise cb.skip_client("Debian's python3-boto3 is not installed (found %s)" % b3.__file__)
    boto3, Config, ClientError = b3, cfg, ce
    print("boto3 %s from %s under %s" % (b3.__version__, b3.__file__, sys.executable))


class boto3_test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = cb.cloudbox_server().start()
        cls.tmp = tempfile.mkdtemp(prefix="cloudbox-integ-boto3-")
        cb.set_client_env_in_process(os.path.join(cls.tmp, "home"))
        cls.s3 = cls.client()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def client(cls, endpoint=None, **config):
        return boto3.session.Session().client(
            "s3", endpoint_url=endpoint or cls.server.endpoint, region_name=cb.REGION,
            aws_access_key_id=cb.ACCESS_KEY, aws_secret_access_key=cb.SECRET_KEY,
            config=Config(**config) if config else None)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def error_code(self, fn, *args, **kw):
        with self.assertRaises(ClientError) as ctx:
            fn(*args, **kw)
        return ctx.exception.response["Error"]["Code"]

    def test_upload_download_file_100mib(self):
        self.s3.create_bucket(Bucket="b3-big")
        src = cb.write_file(self.path("big.bin"), 100 * 1024 * 1024, seed=3)
        dst = self.path("big.back")
        try:
            self.s3.upload_file(src, "b3-big", "dir/big.bin")  # multipart, 8 MiB parts
            head = self.s3.head_object(Bucket="b3-big", Key="dir/big.bin")
            self.assertEqual(head["ContentLength"], 100 * 1024 * 1024)
            self.assertTrue(head["ETag"].endswith('-13"'), head["ETag"])
            self.s3.download_file("b3-big", "dir/big.bin", dst)  # ranged GETs in parallel
            self.assertEqual(cb.sha256_file(dst), cb.sha256_file(src))
        finally:
            for p in (src, dst):
                if os.path.exists(p):
                    os.remove(p)

    def test_generate_presigned_url(self):
        self.s3.create_bucket(Bucket="b3-presign")
        body = os.urandom(10000)
        self.s3.put_object(Bucket="b3-presign", Key="a/b c.bin", Body=body)
        url = self.s3.generate_presigned_url(
            "get_object", Params={"Bucket": "b3-presign", "Key": "a/b c.bin"}, ExpiresIn=300)
        status, headers, got = cb.http_fetch(url)
        self.assertEqual(status, 200)
        self.assertEqual(got, body)
        self.assertEqual(headers["ETag"], '"%s"' % hashlib.md5(body).hexdigest())
        # a presigned PUT, as a browser upload would use it
        put_url = self.s3.generate_presigned_url(
            "put_object", Params={"Bucket": "b3-presign", "Key": "uploaded.txt"}, ExpiresIn=300)
        status, _, _ = cb.http_fetch(put_url, method="PUT", data=b"via presigned put")
        self.assertEqual(status, 200)
        got = self.s3.get_object(Bucket="b3-presign", Key="uploaded.txt")["Body"].read()
        self.assertEqual(got, b"via presigned put")
        # a presigned URL for a missing key gives S3's NoSuchKey
        missing = self.s3.generate_presigned_url(
            "get_object", Params={"Bucket": "b3-presign", "Key": "nope"}, ExpiresIn=300)
        status, _, got = cb.http_fetch(missing)
        self.assertEqual((status, cb.error_code(got)), (404, "NoSuchKey"))

    def test_put_get_with_metadata(self):
        self.s3.create_bucket(Bucket="b3-meta")
        put = self.s3.put_object(
            Bucket="b3-meta", Key="doc.txt", Body=b"metadata body",
            Metadata={"Author": "Ada", "x-note": "two words"},
            ContentType="text/plain; charset=utf-8", ContentDisposition="attachment",
            ContentLanguage="en", CacheControl="no-cache")
        self.assertEqual(put["ETag"], '"%s"' % hashlib.md5(b"metadata body").hexdigest())
        got = self.s3.get_object(Bucket="b3-meta", Key="doc.txt")
        self.assertEqual(got["Body"].read(), b"metadata body")
        self.assertEqual(got["Metadata"], {"author": "Ada", "x-note": "two words"})
        self.assertEqual(got["ContentType"], "text/plain; charset=utf-8")
        self.assertEqual(got["ContentDisposition"], "attachment")
        self.assertEqual(got["ContentLanguage"], "en")
        self.assertEqual(got["CacheControl"], "no-cache")
        self.assertEqual(got["ContentLength"], 13)
        self.assertEqual(got["ETag"], put["ETag"])
        head = self.s3.head_object(Bucket="b3-meta", Key="doc.txt")
        self.assertEqual(head["Metadata"], got["Metadata"])
        # a SHA-256 checksum asked for on upload comes back on HEAD with ChecksumMode
        self.s3.put_object(Bucket="b3-meta", Key="sum.bin", Body=b"checksummed",
                           ChecksumAlgorithm="SHA256")
        head = self.s3.head_object(Bucket="b3-meta", Key="sum.bin", ChecksumMode="ENABLED")
        self.assertEqual(head["ChecksumSHA256"],
                         base64.b64encode(hashlib.sha256(b"checksummed").digest()).decode())
        self.assertEqual(self.error_code(self.s3.get_object, Bucket="b3-meta", Key="missing"),
                         "NoSuchKey")
        self.assertEqual(self.error_code(self.s3.get_object, Bucket="b3-nobucket", Key="k"),
                         "NoSuchBucket")

    def put_many(self, bucket, keys):
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda k: self.s3.put_object(Bucket=bucket, Key=k, Body=k.encode()),
                          keys))

    def test_list_objects_v2_paginator(self):
        self.s3.create_bucket(Bucket="b3-list")
        keys = sorted(["p%d/item-%03d" % (i % 2, i) for i in range(246)] + ["a", "z/last"])
        self.put_many("b3-list", keys)
        pages = list(self.s3.get_paginator("list_objects_v2").paginate(
            Bucket="b3-list", PaginationConfig={"PageSize": 100}))
        self.assertEqual([p["KeyCount"] for p in pages], [100, 100, 48])
        self.assertEqual([c["Key"] for p in pages for c in p["Contents"]], keys)
        self.assertTrue(all(p["IsTruncated"] for p in pages[:-1]))
        self.assertFalse(pages[-1]["IsTruncated"])
        c = pages[0]["Contents"][0]
        self.assertEqual(c["Size"], len(c["Key"]))
        self.assertEqual(c["StorageClass"], "STANDARD")
        # delimiter pages: prefixes count toward the page size
        pages = list(self.s3.get_paginator("list_objects_v2").paginate(
            Bucket="b3-list", Delimiter="/", PaginationConfig={"PageSize": 2}))
        prefixes = [cp["Prefix"] for p in pages for cp in p.get("CommonPrefixes", [])]
        contents = [c["Key"] for p in pages for c in p.get("Contents", [])]
        self.assertEqual(prefixes, ["p0/", "p1/", "z/"])
        self.assertEqual(contents, ["a"])
        self.assertEqual(len(pages), 2)
        # the paginator's own truncation
        result = self.s3.get_paginator("list_objects_v2").paginate(
            Bucket="b3-list", Prefix="p1/", PaginationConfig={"PageSize": 50, "MaxItems": 60})
        full = result.build_full_result()
        self.assertEqual(len(full["Contents"]), 60)
        self.assertIn("NextToken", full)

    def test_delete_objects(self):
        self.s3.create_bucket(Bucket="b3-delete")
        keys = ["d/%04d" % i for i in range(300)]
        self.put_many("b3-delete", keys)
        r = self.s3.delete_objects(Bucket="b3-delete", Delete={
            "Objects": [{"Key": k} for k in keys[:200]] + [{"Key": "never-existed"}]})
        # S3 reports a missing key as deleted too
        self.assertEqual(sorted(d["Key"] for d in r["Deleted"]),
                         sorted(keys[:200] + ["never-existed"]))
        self.assertNotIn("Errors", r)
        r = self.s3.delete_objects(Bucket="b3-delete", Delete={
            "Objects": [{"Key": k} for k in keys[200:]], "Quiet": True})
        self.assertNotIn("Deleted", r)
        self.assertEqual(self.s3.list_objects_v2(Bucket="b3-delete")["KeyCount"], 0)
        self.s3.delete_bucket(Bucket="b3-delete")
        code = self.error_code(self.s3.delete_objects, Bucket="b3-delete",
                               Delete={"Objects": [{"Key": "k"}]})
        self.assertEqual(code, "NoSuchBucket")

    def test_virtual_host_addressing(self):
        port = self.server.port
        host = "b3-vhost.s3.localhost"
        try:
            socket.getaddrinfo(host, port)
            resolves = True
        except socket.gaierror:
            resolves = False
        print("\n  %s %s" % (host, "resolves on this machine" if resolves else
                               "does not resolve on this machine: this process maps *.localhost "
                               "to 127.0.0.1 in socket.getaddrinfo"))
        real_getaddrinfo = socket.getaddrinfo

        def localhost_getaddrinfo(h, *args, **kw):
            if isinstance(h, str) and h.endswith(".localhost"):
                h = "127.0.0.1"
            return real_getaddrinfo(h, *args, **kw)

        seen = []
        if not resolves:
            socket.getaddrinfo = localhost_getaddrinfo
        try:
            vs3 = self.client("http://s3.localhost:%d" % port, s3={"addressing_style": "virtual"})
            vs3.meta.events.register("before-send.s3",
                                     lambda request, **_: seen.append(request.url))
            vs3.create_bucket(Bucket="b3-vhost")
            vs3.put_object(Bucket="b3-vhost", Key="v/key.txt", Body=b"virtual", Metadata={"m": "1"})
            got = vs3.get_object(Bucket="b3-vhost", Key="v/key.txt")
            self.assertEqual(got["Body"].read(), b"virtual")
            self.assertEqual(got["Metadata"], {"m": "1"})
            listed = vs3.list_objects_v2(Bucket="b3-vhost")
            self.assertEqual([c["Key"] for c in listed["Contents"]], ["v/key.txt"])
            vs3.delete_object(Bucket="b3-vhost", Key="v/key.txt")
        finally:
            socket.getaddrinfo = real_getaddrinfo
        # boto3 really put the bucket in the host name
        self.assertTrue(seen)
        for url in seen:
            self.assertEqual(urllib.parse.urlsplit(url).netloc, "%s:%d" % (host, port), url)
        # the same bucket through path style
        self.s3.put_object(Bucket="b3-vhost", Key="p.txt", Body=b"path style")
        # and raw requests carrying only a Host header, as a browser or curl --resolve sends them
        for vhost in ("b3-vhost.s3.localhost:%d" % port, "b3-vhost.localhost:%d" % port):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/p.txt", headers={"Host": vhost})
            r = conn.getresponse()
            self.assertEqual((r.status, r.read()), (200, b"path style"), vhost)
            conn.request("GET", "/?list-type=2", headers={"Host": vhost})
            r = conn.getresponse()
            body = r.read()
            self.assertEqual(r.status, 200, body)
            self.assertIn(b"<Name>b3-vhost</Name>", body)
            self.assertIn(b"<Key>p.txt</Key>", body)
            conn.close()


if __name__ == "__main__":
    cb.main(require_boto3)
