# Bad input from real tools: curl with garbage XML, wrong digests, unknown subresources, plus
# broken HTTP on a raw socket. Each gets S3's error (or a clean connection close) and the server
# keeps serving afterwards.
import base64
import hashlib
import shutil
import socket
import time
import unittest

import cloudbox_server as cb

BUCKET = "bad-input"


def require_curl():
    if shutil.which("curl") is None:
        raise cb.skip_client("curl is not installed")


def md5_b64(data):
    return base64.b64encode(hashlib.md5(data).digest()).decode()


class bad_input_test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = cb.cloudbox_server().start()
        status, body = cb.curl(cls.server, "PUT", "/" + BUCKET)
        assert status == 200, body
        status, body = cb.curl(cls.server, "PUT", "/%s/good.txt" % BUCKET, data=b"still here")
        assert status == 200, body

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def tearDown(self):
        # whatever came before, the server still answers and still has its data
        self.assertTrue(self.server.alive(), self.server.stderr_text())
        self.assertTrue(self.server.healthy())
        status, body = cb.curl(self.server, "GET", "/%s/good.txt" % BUCKET)
        self.assertEqual((status, body), (200, b"still here"))

    def curl(self, *args, **kw):
        return cb.curl(self.server, *args, **kw)

    def assert_error(self, result, status, code):
        got_status, body = result
        self.assertEqual((got_status, cb.error_code(body)), (status, code), body)
        self.assertIn(b"<RequestId>", body)

    def test_malformed_xml_object_tagging(self):
        # PutObjectTagging needs a Content-MD5 like the other checksum-required operations
        for garbage in (b"this is not xml", b"<Tagging><TagSet><Tag><Key>a</Key>",
                        b"<Tagging><TagSet><Tag><Key>a</Key><Value>1</Value></Tag></TagSet>"
                        b"</Tagging><extra/>", b""):
            self.assert_error(self.curl("PUT", "/%s/good.txt?tagging" % BUCKET, data=garbage,
                                        headers=["Content-MD5: " + md5_b64(garbage)]),
                              400, "MalformedXML")

    def test_malformed_xml_bucket_bodies(self):
        # these operations need a Content-MD5 (S3 checks it before parsing): send a right one
        for sub, garbage in (("tagging", b"<Tagging><oops"), ("cors", b"{not: xml}")):
            self.assert_error(self.curl("PUT", "/%s?%s" % (BUCKET, sub), data=garbage,
                                        headers=["Content-MD5: " + md5_b64(garbage)]),
                              400, "MalformedXML")
        garbage = b"<Delete><Object><Key>good.txt</Key></Object"
        self.assert_error(self.curl("POST", "/%s?delete" % BUCKET, data=garbage,
                                    headers=["Content-MD5: " + md5_b64(garbage)]),
                          400, "MalformedXML")
        garbage = b"<CompleteMultipartUpload><Part>"
        status, body = self.curl("POST", "/%s/mp.bin?uploads" % BUCKET)
        self.assertEqual(status, 200, body)
        upload_id = body.split(b"<UploadId>")[1].split(b"</UploadId>")[0].decode()
        self.assert_error(self.curl("POST", "/%s/mp.bin?uploadId=%s" % (BUCKET, upload_id),
                                    data=garbage), 400, "MalformedXML")

    def test_wrong_content_md5(self):
        body = b"the body that is sent"
        self.assert_error(self.curl("PUT", "/%s/md5.txt" % BUCKET, data=body,
                                    headers=["Content-MD5: " + md5_b64(b"another body")]),
                          400, "BadDigest")
        # not base64 of 16 bytes at all
        self.assert_error(self.curl("PUT", "/%s/md5.txt" % BUCKET, data=body,
                                    headers=["Content-MD5: not-an-md5"]), 400, "InvalidDigest")
        # nothing was stored
        self.assert_error(self.curl("GET", "/%s/md5.txt" % BUCKET), 404, "NoSuchKey")
        status, _ = self.curl("PUT", "/%s/md5.txt" % BUCKET, data=body,
                              headers=["Content-MD5: " + md5_b64(body)])
        self.assertEqual(status, 200)

    def test_wrong_payload_sha256(self):
        self.assert_error(self.curl("PUT", "/%s/sha.txt" % BUCKET, data=b"payload",
                                    headers=["x-amz-content-sha256: " +
                                             hashlib.sha256(b"other").hexdigest()]),
                          400, "XAmzContentSHA256Mismatch")
        self.assert_error(self.curl("GET", "/%s/sha.txt" % BUCKET), 404, "NoSuchKey")

    def test_unknown_subresource(self):
        # S3 subresources cloudbox does not implement answer with an S3 error document
        for sub in ("lifecycle", "website", "policy", "replication"):
            status, body = self.curl("GET", "/%s?%s" % (BUCKET, sub))
            self.assertGreaterEqual(status, 400, sub)
            self.assertIsNotNone(cb.error_code(body), body)
        status, body = self.curl("GET", "/%s/good.txt?legal-hold" % BUCKET)
        self.assertGreaterEqual(status, 400)
        self.assertIsNotNone(cb.error_code(body), body)

    def test_bad_names(self):
        self.assert_error(self.curl("PUT", "/Bad_Bucket_Name"), 400, "InvalidBucketName")
        self.assert_error(self.curl("PUT", "/%s/%s" % (BUCKET, "k" * 1025), data=b"x"),
                          400, "KeyTooLongError")
        self.assert_error(self.curl("GET", "/no-such-bucket-here/k"), 404, "NoSuchBucket")

    def raw(self, data, shutdown=True, timeout=10):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=timeout)
        try:
            try:
                s.sendall(data)
                if shutdown:
                    s.shutdown(socket.SHUT_WR)
            except OSError:
                pass  # the server may hang up before reading everything
            chunks = []
            while True:
                try:
                    b = s.recv(65536)
                except (ConnectionResetError, socket.timeout):
                    break
                if not b:
                    break
                chunks.append(b)
            return b"".join(chunks)
        finally:
            s.close()

    def test_broken_http(self):
        host = "Host: 127.0.0.1:%d\r\n" % self.server.port
        # garbage request line: a 400 or a closed connection, never a crash
        reply = self.raw(b"THIS IS NOT HTTP\r\n\r\n")
        self.assertTrue(reply == b"" or reply.startswith(b"HTTP/1.1 400"), reply[:200])
        # a body cut short: the object must not be created
        reply = self.raw(("PUT /%s/truncated.bin HTTP/1.1\r\n%sContent-Length: 100000\r\n"
                          "x-amz-content-sha256: UNSIGNED-PAYLOAD\r\n\r\n" % (BUCKET, host)
                          ).encode() + b"x" * 1000)
        time.sleep(0.2)
        self.assert_error(self.curl("GET", "/%s/truncated.bin" % BUCKET), 404, "NoSuchKey")
        # broken aws-chunked framing
        chunked = b"zz\r\nhello\r\n0\r\n\r\n"
        reply = self.raw(("PUT /%s/chunked.bin HTTP/1.1\r\n%sContent-Length: %d\r\n"
                          "Content-Encoding: aws-chunked\r\nx-amz-decoded-content-length: 5\r\n"
                          "x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER\r\n"
                          "Connection: close\r\n\r\n" % (BUCKET, host, len(chunked))).encode()
                         + chunked)
        self.assertTrue(reply.startswith(b"HTTP/1.1 400"), reply[:300])
        self.assert_error(self.curl("GET", "/%s/chunked.bin" % BUCKET), 404, "NoSuchKey")
        # an absurd header block
        reply = self.raw(("GET /%s/good.txt HTTP/1.1\r\n%sX-Big: %s\r\n\r\n"
                          % (BUCKET, host, "a" * (1 << 20))).encode())
        self.assertTrue(reply == b"" or reply.startswith(b"HTTP/1.1 4"), reply[:200])


if __name__ == "__main__":
    cb.main(require_curl)
