# SES v1 and v2 through Debian's AWS CLI v2 (/usr/bin/aws ses, aws sesv2): sends read back
# through the mailbox and parsed with the email package; sandbox rejection; bad input.
import base64
import json
import os
import shutil
import tempfile
import unittest

import cloudbox_server as cb
import ses_helpers as mailbox


def require_cli():
    if not os.access(cb.DEBIAN_AWS, os.X_OK):
        raise cb.skip_client("%s is not installed" % cb.DEBIAN_AWS)


class ses_awscli_test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cloudbox-integ-ses-cli-")
        cls.server = cb.cloudbox_server().start()
        cls.sandbox = cb.cloudbox_server(extra_args=["--ses-sandbox"]).start()
        home = os.path.join(cls.tmp, "home")
        cls.aws = cb.aws_cli(cb.DEBIAN_AWS, cls.server.endpoint, home)
        cls.aws_sandbox = cb.aws_cli(cb.DEBIAN_AWS, cls.sandbox.endpoint, home)
        print(cls.aws.version())

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.sandbox.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_ses_v1(self):
        self.aws.run("ses", "verify-email-identity", "--email-address", "cli@example.com")
        ids = self.aws.run("ses", "list-identities").json()["Identities"]
        self.assertIn("cli@example.com", ids)
        out = self.aws.run("ses", "send-email", "--from", "cli@example.com",
                           "--destination", "ToAddresses=to1@example.com,to2@example.com",
                           "--message",
                           "Subject={Data=CLI subject},Body={Text={Data=cli text},"
                           "Html={Data=<b>cli</b>}}").json()
        mid = out["MessageId"]
        listed = mailbox.messages(self.server, to="to2@example.com")
        self.assertEqual([m["id"] for m in listed], [mid])
        msg = mailbox.parse_eml(self.server, mid)
        self.assertEqual(msg["Subject"], "CLI subject")
        self.assertEqual([a.addr_spec for a in msg["To"].addresses],
                         ["to1@example.com", "to2@example.com"])
        parts = mailbox.parts_by_type(msg)
        self.assertEqual(parts["text/plain"].strip(), "cli text")
        self.assertEqual(parts["text/html"].strip(), "<b>cli</b>")
        # Raw: the CLI v2 takes the blob as base64 text.
        raw = b"From: cli@example.com\r\nTo: r@example.com\r\nSubject: cli raw\r\n\r\nraw\r\n"
        out = self.aws.run("ses", "send-raw-email", "--raw-message",
                           "Data=" + base64.b64encode(raw).decode()).json()
        self.assertEqual(mailbox.eml_bytes(self.server, out["MessageId"]), raw)
        quota = self.aws.run("ses", "get-send-quota").json()
        self.assertEqual(quota["SentLast24Hours"], 3.0)

    def test_sesv2(self):
        self.aws.run("sesv2", "create-email-identity", "--email-identity", "v2.example.com")
        got = self.aws.run("sesv2", "get-email-identity", "--email-identity",
                           "v2.example.com").json()
        self.assertEqual(got["IdentityType"], "DOMAIN")
        content = {"Simple": {"Subject": {"Data": "sesv2 cli \u00e9"},
                              "Body": {"Text": {"Data": "v2 body"}}}}
        out = self.aws.run("sesv2", "send-email", "--from-email-address", "a@v2.example.com",
                           "--destination", json.dumps({"ToAddresses": ["z@example.com"]}),
                           "--content", json.dumps(content)).json()
        msg = mailbox.parse_eml(self.server, out["MessageId"])
        self.assertEqual(msg["Subject"], "sesv2 cli \u00e9")
        self.assertEqual(msg.get_content().strip(), "v2 body")
        account = self.aws.run("sesv2", "get-account").json()
        self.assertTrue(account["SendingEnabled"])

    def test_sandbox_and_bad_input(self):
        res = self.aws_sandbox.run("ses", "send-email", "--from", "s@example.com", "--to",
                                   "r@example.com", "--subject", "s", "--text", "b", check=False)
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("MessageRejected", res.stderr)
        self.assertIn("Email address is not verified. The following identities failed the check "
                      "in region US-EAST-1: s@example.com, r@example.com", res.stderr)
        res = self.aws.run("ses", "get-template", "--template-name", "absent", check=False)
        self.assertIn("TemplateDoesNotExist", res.stderr)
        res = self.aws.run("sesv2", "get-email-template", "--template-name", "absent",
                           check=False)
        self.assertIn("NotFoundException", res.stderr)
        res = self.aws.run("ses", "send-email", "--from", "bad address@example.com", "--to",
                           "r@example.com", "--subject", "s", "--text", "b", check=False)
        self.assertIn("InvalidParameterValue", res.stderr)


if __name__ == "__main__":
    cb.main(require_cli)
