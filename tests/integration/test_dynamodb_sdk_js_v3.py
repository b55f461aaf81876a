# DynamoDB through the SDK for JavaScript v3 DynamoDBDocumentClient: runs
# sdk_js_v3_dynamodb.cjs under node against a fresh server.
import os
import shutil
import subprocess
import tempfile
import unittest

import cloudbox_server as cb

NODE = None


def require_sdk():
    global NODE
    NODE = shutil.which("node")
    if NODE is None:
        raise cb.skip_client("node is not installed")
    pkg = os.path.join(cb.clients_dir(), "node_modules", "@aws-sdk", "lib-dynamodb",
                       "package.json")
    if not os.path.exists(pkg):
        raise cb.skip_client("@aws-sdk/lib-dynamodb is not installed in %s" % cb.clients_dir())


class dynamodb_sdk_js_v3_test(unittest.TestCase):
    def test_document_client(self):
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              "sdk_js_v3_dynamodb.cjs")
        home = tempfile.mkdtemp(prefix="cloudbox-integ-ddbjs-")
        try:
            with cb.cloudbox_server() as server:
                proc = subprocess.run([NODE, script, server.endpoint, cb.clients_dir()],
                                      env=cb.client_env(home), capture_output=True, text=True,
                                      timeout=300)
                print(proc.stdout + proc.stderr)
                self.assertTrue(server.alive(), server.stderr_text())
                self.assertEqual(proc.returncode, 0, "SDK v3 checks failed (see output above)")
        finally:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    cb.main(require_sdk)
