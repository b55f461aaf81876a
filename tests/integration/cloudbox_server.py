# Shared harness for the integration tests: runs a real `cloudbox serve` process and the real
# AWS clients against it with an isolated, deterministic client environment. Stdlib only.
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request

# ctest maps this exit code to "skipped" (SKIP_RETURN_CODE in tests/integration/CMakeLists.txt).
SKIP_RETURN_CODE = 77

ACCESS_KEY = "test"
SECRET_KEY = "test"
REGION = "us-east-1"

# Debian's AWS CLI v2 and interpreter, installed by scripts/install-clients.sh.
DEBIAN_AWS = "/usr/bin/aws"
DEBIAN_PYTHON = "/usr/bin/python3"

_REAL_HOME = os.environ.get("HOME") or os.path.expanduser("~")


def cloudbox_bin():
    path = os.environ.get("CLOUDBOX_BIN")
    if not path:
        here = os.path.dirname(os.path.abspath(__file__))
        path = os.path.join(here, "..", "..", "build", "cloudbox")
    if not os.access(path, os.X_OK):
        raise RuntimeError("cloudbox binary not found at %s (set CLOUDBOX_BIN)" % path)
    return path


def clients_dir():
    """Where scripts/install-clients.sh put the npm AWS SDK v3."""
    return os.environ.get("CLOUDBOX_CLIENTS_DIR") or os.path.join(
        _REAL_HOME, ".cache", "cloudbox-clients")


class skip_client(Exception):
    """Raised when the client a script drives is genuinely not installed."""


def _drain(stream):
    try:
        stream.read()
    except (OSError, ValueError):
        pass
    finally:
        stream.close()


class cloudbox_server:
    """One `cloudbox serve --port 0 --data-dir DIR` process.

    start() parses the port it prints and waits for /_cloudbox/health; stop() sends SIGTERM;
    kill() sends SIGKILL; start() again reuses the same data dir (and the same port when possible,
    so clients configured with the endpoint keep working).
    """

    def __init__(self, data_dir=None, extra_args=()):
        self._own_dir = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="cloudbox-integ-data-")
        self.extra_args = list(extra_args)
        self.proc = None
        self.port = None
        self._log = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self, port=None):
        want = port if port is not None else 0
        if self._log is None:  # one stderr log across restarts
            self._log = tempfile.TemporaryFile(prefix="cloudbox-stderr-")
        cmd = [cloudbox_bin(), "serve", "--port", str(want), "--data-dir", self.data_dir,
               "--log-level", "warn"] + self.extra_args
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self._log,
                                     stdin=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"listening on http://[^:\s]+:(\d+)", line)
        if not m:
            self.proc.wait(timeout=10)
            raise RuntimeError("cloudbox did not start: %r %s" % (line, self.stderr_text()))
        self.port = int(m.group(1))
        # keep reading stdout so a chatty server can never block on a full pipe
        threading.Thread(target=_drain, args=(self.proc.stdout,), daemon=True).start()
        deadline = time.monotonic() + 15
        while True:
            try:
                with urllib.request.urlopen(self.url("/_cloudbox/health"), timeout=2) as r:
                    if r.status == 200 and json.loads(r.read())["status"] == "running":
                        break
            except (OSError, ValueError):
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("cloudbox never became healthy: " + self.stderr_text())
            time.sleep(0.05)
        return self

    def stop(self, timeout=30):
        """Graceful: SIGTERM, then wait. Returns the exit code."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise RuntimeError("cloudbox ignored SIGTERM for %ds" % timeout)
        code = self.proc.returncode
        self._close()
        return code

    def kill(self):
        """Abrupt: SIGKILL (kill -9), no chance to flush anything."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        self._close()

    def restart_same_port(self):
        port = self.port
        deadline = time.monotonic() + 10
        while True:
            try:
                return self.start(port)
            except RuntimeError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def close(self):
        try:
            self.stop()
        finally:
            if self._log is not None:
                self._log.close()
                self._log = None
            if self._own_dir:
                shutil.rmtree(self.data_dir, ignore_errors=True)

    def _close(self):
        self.proc = None  # the stdout drain thread closes the pipe at EOF

    def stderr_text(self):
        if self._log is None:
            return ""
        self._log.seek(0)
        text = self._log.read().decode("utf-8", "replace")[-4000:]
        self._log.seek(0, os.SEEK_END)
        return text

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()

    # -- access ------------------------------------------------------------------------------
    @property
    def endpoint(self):
        return "http://127.0.0.1:%d" % self.port

    def url(self, path):
        return self.endpoint + path

    @property
    def pid(self):
        return self.proc.pid

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def healthy(self):
        try:
            with urllib.request.urlopen(self.url("/_cloudbox/health"), timeout=5) as r:
                return r.status == 200
        except OSError:
            return False

    def advance_clock(self, seconds):
        req = urllib.request.Request(self.url("/_cloudbox/clock"), method="POST",
                                     data=json.dumps({"advance_seconds": seconds}).encode(),
                                     headers={"content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.loads(r.read())

    def proc_status(self, field):
        """A kB field of /proc/PID/status (VmRSS, VmHWM) in bytes."""
        with open("/proc/%d/status" % self.pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
        raise KeyError(field)

    def reset_peak_rss(self):
        """Resets VmHWM to the current RSS (Linux clear_refs 5). False when not permitted."""
        try:
            with open("/proc/%d/clear_refs" % self.pid, "w") as f:
                f.write("5")
            return True
        except OSError:
            return False


def client_env(home, extra=None):
    """Environment for a client process: fixed dummy credentials and region, no IMDS lookups, and a
    throwaway HOME / config so the user's ~/.aws cannot change what is tested."""
    aws_dir = os.path.join(home, ".aws")
    os.makedirs(aws_dir, exist_ok=True)
    config = os.path.join(aws_dir, "config")
    if not os.path.exists(config):
        with open(config, "w") as f:
            f.write("[default]\nregion = %s\n" % REGION)
    creds = os.path.join(aws_dir, "credentials")
    if not os.path.exists(creds):
        with open(creds, "w") as f:
            f.write("")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("AWS_") and k not in ("BOTO_CONFIG",)}
    env.update({
        "HOME": home,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_REGION": REGION,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_CONFIG_FILE": config,
        "AWS_SHARED_CREDENTIALS_FILE": creds,
        "AWS_PAGER": "",
        "AWS_CLI_AUTO_PROMPT": "off",
        "NO_PROXY": "*",
    })
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
                  "ALL_PROXY"):
        env.pop(proxy, None)
    if extra:
        env.update(extra)
    return env


def set_client_env_in_process(home):
    """Applies client_env() to this process (for boto3 running in-process)."""
    env = client_env(home)
    for k in list(os.environ):
        if k.startswith("AWS_") or k not in env:
            os.environ.pop(k, None)
    os.environ.update(env)


class cli_result:
    def __init__(self, args, proc):
        self.args = args
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr

    def json(self):
        return json.loads(self.stdout) if self.stdout.strip() else None

    def __repr__(self):
        return "%s -> %d\nstdout: %s\nstderr: %s" % (" ".join(self.args), self.returncode,
                                                      self.stdout[-3000:], self.stderr[-3000:])


class aws_cli:
    """Runs one AWS CLI executable against the server."""

    def __init__(self, exe, endpoint, home, extra_env=None):
        self.exe = exe
        self.endpoint = endpoint
        self.env = client_env(home, extra_env)

    def run(self, *args, check=True, timeout=600, cwd=None):
        argv = [self.exe, "--endpoint-url", self.endpoint, "--output", "json"] + list(args)
        proc = subprocess.run(argv, env=self.env, capture_output=True, text=True,
                              timeout=timeout, cwd=cwd)
        res = cli_result(argv, proc)
        if check and proc.returncode != 0:
            raise AssertionError("command failed: %r" % res)
        return res

    def version(self):
        proc = subprocess.run([self.exe, "--version"], env=self.env, capture_output=True,
                              text=True, timeout=120)
        return (proc.stdout + proc.stderr).strip()


# -- data helpers ----------------------------------------------------------------------------
def write_file(path, size, seed=0):
    """A file of `size` bytes: a 1 MiB pseudo-random block (seeded) repeated, each repetition
    tagged with its index so no two MiB are equal (catches misordered parts)."""
    block = hashlib.shake_256(b"cloudbox-%d" % seed).digest(1 << 20)
    with open(path, "wb") as f:
        written = 0
        i = 0
        while written < size:
            chunk = (b"%016d" % i) + block[16:]
            n = min(len(chunk), size - written)
            f.write(chunk[:n])
            written += n
            i += 1
    return path


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            b = f.read(1 << 20)
            if not b:
                break
            h.update(b)
    return h.hexdigest()


def sha256_bytes(b):
    return hashlib.sha256(b).hexdigest()


def http_fetch(url, method="GET", data=None, headers=None, timeout=60):
    """(status, headers, body) without raising on 4xx/5xx."""
    req = urllib.request.Request(url, method=method, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def error_code(body):
    m = re.search(rb"<Code>([^<]*)</Code>", body or b"")
    return m.group(1).decode() if m else None


def curl(server, method, path, upload=None, output=None, headers=(), data=None):
    """(status, body) of one SigV4-signed S3 request made by curl (body in `upload`, a file, or
    `data`, bytes; the response body goes to `output` when given)."""
    argv = ["curl", "-sS", "-o", output or "-", "-w", "\n%{http_code}", "-X", method,
            "--aws-sigv4", "aws:amz:%s:s3" % REGION, "--user", "%s:%s" % (ACCESS_KEY, SECRET_KEY)]
    # S3 wants the payload hash header; curl would otherwise not send it
    if not any(h.lower().startswith("x-amz-content-sha256") for h in headers):
        argv += ["-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD"]
    for h in headers:
        argv += ["-H", h]
    if upload is not None:
        argv += ["-T", upload]
    if data is not None:
        argv += ["--data-binary", "@-", "-H", "content-type:"]
    argv.append(server.url(path))
    proc = subprocess.run(argv, capture_output=True, timeout=600, input=data)
    if proc.returncode != 0:
        raise AssertionError("curl failed: %s" % proc.stderr.decode())
    body, _, status = proc.stdout.rpartition(b"\n")
    return int(status), body


def sigv4_headers(method, host, path, query="", headers=None, now=None):
    """Headers that sign an S3 request (SigV4, UNSIGNED-PAYLOAD) with the test credentials, for
    bulk setup over a plain http.client connection. `path` is already URI-encoded."""
    import hmac
    t = now or time.gmtime()
    amz_date = time.strftime("%Y%m%dT%H%M%SZ", t)
    day = amz_date[:8]
    h = {k.lower(): str(v).strip() for k, v in (headers or {}).items()}
    h.update({"host": host, "x-amz-date": amz_date, "x-amz-content-sha256": "UNSIGNED-PAYLOAD"})
    names = sorted(h)
    canonical = "\n".join([method, path, query,
                           "".join("%s:%s\n" % (n, h[n]) for n in names), ";".join(names),
                           "UNSIGNED-PAYLOAD"])
    scope = "%s/%s/s3/aws4_request" % (day, REGION)
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope,
                         hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + SECRET_KEY).encode()
    for part in (day, REGION, "s3", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    sig = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    h["authorization"] = ("AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s"
                          % (ACCESS_KEY, scope, ";".join(names), sig))
    return h


def put_many(server, bucket, items, threads=4):
    """PUTs {key: bytes} quickly over keep-alive connections (setup for listing tests)."""
    import concurrent.futures
    import http.client
    import urllib.parse

    todo = list(items.items())
    host = "127.0.0.1:%d" % server.port

    def worker(chunk):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        for key, data in chunk:
            path = "/%s/%s" % (bucket, urllib.parse.quote(key, safe="/~"))
            conn.request("PUT", path, body=data,
                         headers=sigv4_headers("PUT", host, path,
                                               headers={"content-length": len(data)}))
            r = conn.getresponse()
            body = r.read()
            if r.status != 200:
                raise AssertionError("PUT %s: %d %r" % (path, r.status, body))
        conn.close()

    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        list(pool.map(worker, [todo[i::threads] for i in range(threads)]))


# -- running -----------------------------------------------------------------------------
class _timed_result(unittest.TextTestResult):
    """Verbose results with each test's wall time, to keep the suite's runtime in view."""

    def startTest(self, test):
        self._started = time.monotonic()
        super().startTest(test)

    def stopTest(self, test):
        super().stopTest(test)
        self.stream.writeln("    (%.1fs)" % (time.monotonic() - self._started))
        self.stream.flush()


def main(requirement=None):
    """Runs this module's unittest cases. `requirement` is called first; if it raises
    skip_client the script exits with SKIP_RETURN_CODE so ctest reports the test as skipped."""
    if requirement is not None:
        try:
            requirement()
        except skip_client as e:
            print("SKIP: %s" % e)
            sys.exit(SKIP_RETURN_CODE)
    prog = unittest.main(module="__main__", exit=False, verbosity=2,
                         testRunner=unittest.TextTestRunner(resultclass=_timed_result,
                                                            verbosity=2))
    result = prog.result
    sys.exit(0 if result.wasSuccessful() else 1)
