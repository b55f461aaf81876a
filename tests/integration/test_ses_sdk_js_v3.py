# SES v1 and v2 through the AWS SDK for JavaScript v3: runs ses_sdk_js_v3.cjs under node, then
# reads every message it sent back through the mailbox and parses the .eml files.
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import cloudbox_server as cb
import ses_helpers as mailbox

NODE = None


def require_sdk():
    global NODE
    NODE = shutil.which("node")
    if NODE is None:
        raise cb.skip_client("node is not installed")
    for pkg in ("client-ses", "client-sesv2"):
        path = os.path.join(cb.clients_dir(), "node_modules", "@aws-sdk", pkg, "package.json")
        if not os.path.exists(path):
            raise cb.skip_client("@aws-sdk/%s is not installed in %s" % (pkg, cb.clients_dir()))


class ses_sdk_js_v3_test(unittest.TestCase):
    def test_ses_sdk_js_v3(self):
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ses_sdk_js_v3.cjs")
        home = tempfile.mkdtemp(prefix="cloudbox-integ-ses-sdkv3-")
        try:
            with cb.cloudbox_server() as server:
                proc = subprocess.run([NODE, script, server.endpoint, cb.clients_dir()],
                                      env=cb.client_env(home), capture_output=True, text=True,
                                      timeout=300)
                print(proc.stdout + proc.stderr)
                self.assertEqual(proc.returncode, 0, "SDK v3 checks failed (see output above)")
                ids = json.loads(proc.stdout.strip().splitlines()[-1])
                msg = mailbox.parse_eml(server, ids["v1"])
                self.assertEqual(msg["Subject"], "JS v1")
                parts = mailbox.parts_by_type(msg)
                self.assertEqual(parts["text/plain"].strip(), "js text")
                self.assertEqual(parts["text/html"].strip(), "<p>js</p>")
                raw = mailbox.eml_bytes(server, ids["raw"])
                self.assertEqual(raw, b"From: js@example.com\r\nTo: raw@example.com\r\n"
                                      b"Subject: JS raw\r\n\r\nraw js\r\n")
                msg = mailbox.parse_eml(server, ids["template"])
                self.assertEqual(msg["Subject"], "JS five")
                self.assertEqual(msg.get_content().strip(), "<b>five</b>")
                self.assertEqual(mailbox.parse_eml(server, ids["v2"])["To"], "v2@example.com")
                self.assertEqual(len(mailbox.messages(server, **{"from": "js@example.com"})), 4)
        finally:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    cb.main(require_sdk)
