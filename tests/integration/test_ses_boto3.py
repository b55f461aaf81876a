# SES v1 and v2 through boto3, run once under pip's python3 (boto3 1.43) and once under Debian's
# /usr/bin/python3 (python3-boto3 1.26): every message is read back through the mailbox and its
# .eml parsed with the email package; sandbox rejection; bad input.
import base64
import os
import shutil
import sys
import tempfile
import unittest

import cloudbox_server as cb
import ses_helpers as mailbox

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


class ses_boto3_test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = cb.cloudbox_server().start()
        cls.sandbox = cb.cloudbox_server(extra_args=["--ses-sandbox"]).start()
        cls.tmp = tempfile.mkdtemp(prefix="cloudbox-integ-ses-boto3-")
        cb.set_client_env_in_process(os.path.join(cls.tmp, "home"))

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.sandbox.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        cb.http_fetch(self.server.url("/_cloudbox/reset"), method="POST")

    def client(self, name, server=None):
        return boto3.client(name, endpoint_url=(server or self.server).endpoint,
                            region_name=cb.REGION)

    def assert_code(self, ctx, code, message=None):
        err = ctx.exception.response["Error"]
        self.assertEqual(err["Code"], code, ctx.exception.response)
        if message is not None:
            self.assertEqual(err["Message"], message)

    def test_v1_send_email_reads_back_as_eml(self):
        ses = self.client("ses")
        ses.verify_email_identity(EmailAddress="from@example.com")
        ids = ses.list_identities()["Identities"]
        self.assertEqual(ids, ["from@example.com"])
        res = ses.send_email(
            Source="Fr\u00e9d <from@example.com>",
            Destination={"ToAddresses": ["to@example.com"], "CcAddresses": ["cc@example.com"],
                         "BccAddresses": ["bcc@example.com"]},
            Message={"Subject": {"Data": "Caf\u00e9 \u2615", "Charset": "UTF-8"},
                     "Body": {"Text": {"Data": "plain \u00fcber"},
                              "Html": {"Data": "<p>html \u00fcber</p>"}}},
            ReplyToAddresses=["reply@example.com"])
        mid = res["MessageId"]
        listed = mailbox.messages(self.server, to="to@example.com")
        self.assertEqual([m["id"] for m in listed], [mid])
        self.assertEqual(listed[0]["subject"], "Caf\u00e9 \u2615")
        msg = mailbox.parse_eml(self.server, mid)
        self.assertEqual(msg["Subject"], "Caf\u00e9 \u2615")
        self.assertEqual(msg["From"].addresses[0].display_name, "Fr\u00e9d")
        self.assertEqual(msg["From"].addresses[0].addr_spec, "from@example.com")
        self.assertEqual(msg["To"], "to@example.com")
        self.assertEqual(msg["Cc"], "cc@example.com")
        self.assertEqual(msg["Reply-To"], "reply@example.com")
        self.assertIsNone(msg["Bcc"])
        self.assertEqual(msg["Message-ID"], "<%s@email.amazonses.com>" % mid)
        self.assertIsNotNone(msg["Date"].datetime)
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        parts = mailbox.parts_by_type(msg)
        self.assertEqual(parts["text/plain"].rstrip("\r\n"), "plain \u00fcber")
        self.assertEqual(parts["text/html"].rstrip("\r\n"), "<p>html \u00fcber</p>")
        quota = ses.get_send_quota()
        self.assertEqual(quota["SentLast24Hours"], 3.0)
        stats = ses.get_send_statistics()["SendDataPoints"]
        self.assertEqual(sum(p["DeliveryAttempts"] for p in stats), 3)

    def test_v1_raw_and_templated(self):
        ses = self.client("ses")
        raw = (b"From: raw@example.com\r\nTo: dest@example.com\r\nSubject: raw one\r\n"
               b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nraw body\r\n")
        mid = ses.send_raw_email(RawMessage={"Data": raw})["MessageId"]
        self.assertEqual(mailbox.eml_bytes(self.server, mid), raw)
        ses.create_template(Template={"TemplateName": "welcome", "SubjectPart": "Hi {{name}}",
                                      "TextPart": "Dear {{name}}", "HtmlPart": "<b>{{name}}</b>"})
        self.assertEqual(ses.get_template(TemplateName="welcome")["Template"]["SubjectPart"],
                         "Hi {{name}}")
        names = [t["Name"] for t in ses.list_templates()["TemplatesMetadata"]]
        self.assertEqual(names, ["welcome"])
        mid = ses.send_templated_email(Source="a@example.com",
                                       Destination={"ToAddresses": ["b@example.com"]},
                                       Template="welcome", TemplateData='{"name": "Ann"}')["MessageId"]
        msg = mailbox.parse_eml(self.server, mid)
        self.assertEqual(msg["Subject"], "Hi Ann")
        self.assertEqual(mailbox.parts_by_type(msg)["text/html"].strip(), "<b>Ann</b>")
        ses.update_template(Template={"TemplateName": "welcome", "SubjectPart": "Yo {{name}}"})
        ses.delete_template(TemplateName="welcome")
        with self.assertRaises(ClientError) as ctx:
            ses.get_template(TemplateName="welcome")
        self.assert_code(ctx, "TemplateDoesNotExist", "Template welcome does not exist.")

    def test_v2_send_all_content_kinds(self):
        v2 = self.client("sesv2")
        out = v2.create_email_identity(EmailIdentity="example.com")
        self.assertEqual(out["IdentityType"], "DOMAIN")
        self.assertEqual(v2.get_email_identity(EmailIdentity="example.com")["VerificationStatus"],
                         "SUCCESS")
        names = [i["IdentityName"] for i in v2.list_email_identities()["EmailIdentities"]]
        self.assertEqual(names, ["example.com"])
        simple = v2.send_email(
            FromEmailAddress="a@example.com", Destination={"ToAddresses": ["b@example.com"]},
            Content={"Simple": {"Subject": {"Data": "v2 simple"},
                                "Body": {"Text": {"Data": "t"}, "Html": {"Data": "<i>h</i>"}}}})
        raw = b"From: a@example.com\r\nTo: c@example.com\r\nSubject: v2 raw\r\n\r\nraw\r\n"
        raw_id = v2.send_email(Content={"Raw": {"Data": raw}})["MessageId"]
        v2.create_email_template(TemplateName="t2",
                                 TemplateContent={"Subject": "v2 {{x}}", "Text": "x={{x}}"})
        self.assertEqual(v2.get_email_template(TemplateName="t2")["TemplateContent"]["Text"],
                         "x={{x}}")
        tmpl = v2.send_email(FromEmailAddress="a@example.com",
                             Destination={"ToAddresses": ["d@example.com"]},
                             Content={"Template": {"TemplateName": "t2", "TemplateData": '{"x": 7}'}})
        self.assertEqual(mailbox.parse_eml(self.server, simple["MessageId"])["Subject"],
                         "v2 simple")
        self.assertEqual(mailbox.eml_bytes(self.server, raw_id), raw)
        msg = mailbox.parse_eml(self.server, tmpl["MessageId"])
        self.assertEqual(msg["Subject"], "v2 7")
        self.assertEqual(msg.get_content().strip(), "x=7")
        account = v2.get_account()
        self.assertTrue(account["ProductionAccessEnabled"])
        self.assertEqual(account["SendQuota"]["SentLast24Hours"], 3.0)
        with self.assertRaises(ClientError) as ctx:
            v2.get_email_identity(EmailIdentity="nobody@example.com")
        self.assert_code(ctx, "NotFoundException")
        with self.assertRaises(ClientError) as ctx:
            v2.create_email_identity(EmailIdentity="example.com")
        self.assert_code(ctx, "AlreadyExistsException", "Email identity example.com already exist.")
        v2.delete_email_template(TemplateName="t2")
        v2.delete_email_identity(EmailIdentity="example.com")

    def test_sandbox_rejects_unverified(self):
        ses = self.client("ses", self.sandbox)
        v2 = self.client("sesv2", self.sandbox)
        kwargs = dict(Source="s@example.com", Destination={"ToAddresses": ["r@example.com"]},
                      Message={"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "b"}}})
        with self.assertRaises(ClientError) as ctx:
            ses.send_email(**kwargs)
        self.assert_code(ctx, "MessageRejected",
                         "Email address is not verified. The following identities failed the "
                         "check in region US-EAST-1: s@example.com, r@example.com")
        ses.verify_email_identity(EmailAddress="s@example.com")
        with self.assertRaises(ClientError) as ctx:
            v2.send_email(FromEmailAddress="s@example.com",
                          Destination={"ToAddresses": ["r@example.com"]},
                          Content={"Simple": {"Subject": {"Data": "s"},
                                              "Body": {"Text": {"Data": "b"}}}})
        self.assert_code(ctx, "MessageRejected",
                         "Email address is not verified. The following identities failed the "
                         "check in region US-EAST-1: r@example.com")
        self.assertFalse(v2.get_account()["ProductionAccessEnabled"])
        ses.verify_email_identity(EmailAddress="r@example.com")
        ses.send_email(**kwargs)
        self.assertEqual(len(mailbox.messages(self.sandbox, to="r@example.com")), 1)

    def test_bad_input(self):
        ses = self.client("ses")
        v2 = self.client("sesv2")
        with self.assertRaises(ClientError) as ctx:
            ses.send_email(Source="no-at-sign", Destination={"ToAddresses": ["r@example.com"]},
                           Message={"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "b"}}})
        self.assert_code(ctx, "InvalidParameterValue", "Missing final '@domain'")
        with self.assertRaises(ClientError) as ctx:
            ses.send_templated_email(Source="a@example.com",
                                     Destination={"ToAddresses": ["b@example.com"]},
                                     Template="missing", TemplateData="{}")
        self.assert_code(ctx, "TemplateDoesNotExist", "Template missing does not exist.")
        with self.assertRaises(ClientError) as ctx:
            v2.send_email(FromEmailAddress="a@example.com",
                          Destination={"ToAddresses": ["b@example.com"]},
                          Content={"Template": {"TemplateName": "missing", "TemplateData": "{}"}})
        self.assert_code(ctx, "NotFoundException", "Template missing does not exist.")
        with self.assertRaises(ClientError) as ctx:
            v2.send_email(FromEmailAddress="a@example.com",
                          Destination={"ToAddresses": ["b@example.com"]},
                          Content={"Simple": {"Subject": {"Data": "s"},
                                              "Body": {"Text": {"Data": "b"}}},
                                   "Raw": {"Data": b"x"}})
        self.assert_code(ctx, "BadRequestException")
        self.assertEqual(mailbox.messages(self.server), [])


if __name__ == "__main__":
    cb.main(require_boto3)
