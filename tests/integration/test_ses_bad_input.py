# SES bad input over raw HTTP, on both protocols: malformed forms, unknown actions, JSON of the
# wrong shape, oversize messages (refused before the body is read when declared too large).
# The server must answer each with AWS's error and keep serving.
import base64
import json
import re
import socket
import unittest
import urllib.parse

import cloudbox_server as cb

AUTH = ("AWS4-HMAC-SHA256 Credential=%s/20260101/%s/ses/aws4_request, SignedHeaders=host, "
        "Signature=0000" % (cb.ACCESS_KEY, cb.REGION))


def query_error(body):
    code = re.search(rb"<Code>([^<]*)</Code>", body)
    message = re.search(rb"<Message>([^<]*)</Message>", body)
    return (code.group(1).decode() if code else None,
            message.group(1).decode() if message else None)


class ses_bad_input_test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = cb.cloudbox_server().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def post(self, path, body, content_type):
        return cb.http_fetch(self.server.url(path), method="POST", data=body,
                             headers={"Authorization": AUTH, "Content-Type": content_type})

    def form(self, body):
        return self.post("/", body, "application/x-www-form-urlencoded")

    def v2(self, body):
        status, headers, data = self.post("/v2/email/outbound-emails", body, "application/json")
        return status, headers.get("x-amzn-errortype"), json.loads(data).get("message")

    def test_malformed_forms(self):
        status, _, body = self.form(b"Action=SendEmail&Source=%zz")
        self.assertEqual((status, query_error(body)[0]), (400, "MalformedQueryString"))
        status, _, body = self.form(b"Version=2010-12-01")
        self.assertEqual(query_error(body), ("MissingAction", "Missing Action"))
        status, _, body = self.form(b"Action=DropEverything")
        self.assertEqual(query_error(body), (
            "InvalidAction", "The action DropEverything is not valid for this web service."))
        status, _, body = self.form(b"Action=SendRawEmail&RawMessage.Data=%%%")
        self.assertEqual(status, 400)
        status, _, body = self.form(b"Action=SendRawEmail&RawMessage.Data=***")
        self.assertEqual(query_error(body), ("InvalidParameterValue",
                                             "Invalid base64 in RawMessage.Data."))
        status, _, body = self.form(b"Action=ListIdentities&MaxItems=1e9")
        self.assertEqual(query_error(body)[0], "ValidationError")

    def test_json_of_the_wrong_shape(self):
        self.assertEqual(self.v2(b"{"), (400, "BadRequestException",
                                         "Could not parse the request body as JSON."))
        self.assertEqual(self.v2(b'"text"'), (400, "BadRequestException",
                                              "The request body must be a JSON object."))
        self.assertEqual(self.v2(json.dumps({"Content": []}).encode()), (
            400, "BadRequestException", "1 validation error detected: Value at 'content' failed "
            "to satisfy constraint: Member must be a structure"))
        body = {"FromEmailAddress": ["a@example.com"],
                "Content": {"Simple": {"Subject": {"Data": "s"}, "Body": {}}}}
        self.assertEqual(self.v2(json.dumps(body).encode())[:2], (400, "BadRequestException"))
        body = {"FromEmailAddress": "a@example.com", "Destination": {"ToAddresses": [1]},
                "Content": {"Simple": {"Subject": {"Data": "s"}, "Body": {}}}}
        self.assertEqual(self.v2(json.dumps(body).encode())[:2], (400, "BadRequestException"))

    def test_oversize_messages(self):
        raw = (b"From: a@example.com\r\nTo: b@example.com\r\nSubject: big\r\n\r\n" +
               b"x" * (10 * 1024 * 1024 + 1))
        body = ("Action=SendRawEmail&RawMessage.Data=" +
                urllib.parse.quote(base64.b64encode(raw).decode(), safe="")).encode()
        status, _, data = self.form(body)
        self.assertEqual(status, 400)
        code, message = query_error(data)
        self.assertEqual(code, "MessageRejected")
        self.assertTrue(message.startswith("Message length is more than 10485760 bytes long"))
        # Declared far too large: refused from the head alone, before the body is sent.
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=30) as s:
            s.sendall(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: %s\r\n"
                       "Content-Type: application/x-www-form-urlencoded\r\n"
                       "Content-Length: 999999999\r\n\r\n" % AUTH).encode())
            reply = s.recv(65536)
        self.assertIn(b" 400 ", reply.split(b"\r\n", 1)[0])
        self.assertIn(b"MessageRejected", reply)
        status, _, _ = cb.http_fetch(self.server.url("/_cloudbox/ses/messages"))
        self.assertEqual(status, 200)
        self.assertTrue(self.server.alive())


if __name__ == "__main__":
    cb.main()
