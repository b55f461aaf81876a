#!/usr/bin/env python3
"""Turns run_s3_bench.sh's JSON results into the markdown report (stdout and a file)."""
import glob
import json
import os
import platform
import statistics
import subprocess
import sys

ORDER = ["cloudbox", "cloudbox-mem", "cloudbox-info", "s3rver", "moto"]
PEERS = ["s3rver", "moto"]


def load_json(path):
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    return json.loads(open(path).read().strip().splitlines()[-1])["results"]


def load(work):
    rows = {}
    for label in ORDER:
        meta_path = os.path.join(work, label + ".meta.json")
        if not os.path.exists(meta_path):
            continue
        rounds = [r for r in (load_json(p) for p in
                              sorted(glob.glob(os.path.join(work, f"{label}.small.r*.json"))))
                  if r]
        err = os.path.join(work, label + ".bench.err")
        rows[label] = {
            "meta": json.load(open(meta_path)),
            "rounds": rounds,
            "c1": load_json(os.path.join(work, f"{label}.c1.json")) or {},
            "stream": (load_json(os.path.join(work, f"{label}.stream.json")) or {}).get("stream"),
            "bench_err": open(err).read().strip() if os.path.exists(err) else "",
        }
    return rows


def mean_of(rounds, mode, field):
    values = [r[mode][field] for r in rounds if mode in r]
    return statistics.mean(values) if values else None


def fmt(v, digits=0):
    return "-" if v is None else f"{v:,.{digits}f}"


def render(rows, head):
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(head), sep] + [line(r) for r in rows])


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=20).stdout
        return out.strip().splitlines()[0]
    except Exception:
        return "?"


def main():
    work, out = sys.argv[1:3]
    env = os.environ
    conns = int(env["BENCH_CONNS"])
    rows = load(work)

    def small(label, mode, field):
        return mean_of(rows[label]["rounds"], mode, field) if label in rows else None

    def c1(label, mode, field):
        return rows.get(label, {}).get("c1", {}).get(mode, {}).get(field)

    def stream(label, field):
        s = rows.get(label, {}).get("stream")
        return s.get(field) if s else None

    head = ["server", "PUT ops/s", "PUT p50 ms", "PUT p99 ms", "GET ops/s", "GET p50 ms",
            "GET p99 ms", "PUT ops/s by round", "GET ops/s by round", "stream",
            "stream PUT MB/s", "stream GET MB/s", "errors", "server CPU us/req",
            "bench CPU us/req", "peak RSS MiB"]
    table, lat_table = [], []
    for label, row in rows.items():
        m, rounds = row["meta"], row["rounds"]
        errors = sum(v.get("errors", 0) for r in rounds + [row["c1"]] for v in r.values())
        errors += (row["stream"] or {}).get("errors", 0)
        ops = sum(r[mode]["ops"] for r in rounds for mode in ("put", "get") if mode in r)
        reqs = ops + len(rounds) * (m["keys"] + 2 * conns * m["warmup"])
        by_round = lambda mode: " / ".join(fmt(r[mode]["ops_per_s"]) for r in rounds
                                           if mode in r) or "-"
        table.append([label, fmt(small(label, "put", "ops_per_s")),
                      fmt(small(label, "put", "p50_ms"), 3), fmt(small(label, "put", "p99_ms"), 3),
                      fmt(small(label, "get", "ops_per_s")),
                      fmt(small(label, "get", "p50_ms"), 3), fmt(small(label, "get", "p99_ms"), 3),
                      by_round("put"), by_round("get"),
                      m["stream"] if row["stream"] else "-",
                      fmt(stream(label, "put_mb_s"), 1), fmt(stream(label, "get_mb_s"), 1),
                      str(errors), fmt(m["cpu_s"] * 1e6 / reqs if ops else None, 1),
                      fmt(small(label, "put", "client_cpu_us"), 1), str(m["rss_mib"])])
        if row["c1"]:
            lat_table.append([label, fmt(c1(label, "put", "ops_per_s")),
                              fmt(c1(label, "put", "p50_ms"), 3), fmt(c1(label, "put", "p99_ms"), 3),
                              fmt(c1(label, "get", "ops_per_s")),
                              fmt(c1(label, "get", "p50_ms"), 3), fmt(c1(label, "get", "p99_ms"), 3)])
    lat_head = ["server (1 connection)", "PUT ops/s", "PUT p50 ms", "PUT p99 ms", "GET ops/s",
                "GET p50 ms", "GET p99 ms"]

    def ratio(a, b):
        return f"{a / b:.1f}x" if a and b else "-"

    present = [p for p in PEERS if p in rows]
    ratio_head = ["cloudbox / peer", "PUT ops/s", "GET ops/s", "PUT p50 (peer/cloudbox)",
                  "GET p50 (peer/cloudbox)", "stream PUT MB/s", "stream GET MB/s"]
    ratios = []
    if "cloudbox" in rows:
        for peer in present:
            ratios.append([f"cloudbox / {peer}",
                           ratio(small("cloudbox", "put", "ops_per_s"), small(peer, "put", "ops_per_s")),
                           ratio(small("cloudbox", "get", "ops_per_s"), small(peer, "get", "ops_per_s")),
                           ratio(small(peer, "put", "p50_ms"), small("cloudbox", "put", "p50_ms")),
                           ratio(small(peer, "get", "p50_ms"), small("cloudbox", "get", "p50_ms")),
                           ratio(stream("cloudbox", "put_mb_s"), stream(peer, "put_mb_s")),
                           ratio(stream("cloudbox", "get_mb_s"), stream(peer, "get_mb_s"))])

    goal = []
    if "cloudbox" in rows and present:
        for mode in ("put", "get"):
            best = max(present, key=lambda p: small(p, mode, "ops_per_s") or 0)
            cb, pv = small("cloudbox", mode, "ops_per_s") or 0, small(best, mode, "ops_per_s") or 0
            r = cb / pv if pv else 0
            goal.append(f"- {mode.upper()} ops/s >= 10x the faster peer ({best}): {r:.1f}x -> "
                        f"{'MET' if r >= 10 else 'MISSED'}")
        for p50, what in ((small("cloudbox", "put", "p50_ms"), f"{conns} connections"),
                          (c1("cloudbox", "put", "p50_ms"), "1 connection")):
            if p50 is not None:
                goal.append(f"- PUT p50 < 0.2 ms ({what}): {p50:.3f} ms -> "
                            f"{'MET' if p50 < 0.2 else 'MISSED'}")
    if "cloudbox" in rows and "cloudbox-info" in rows:
        parts = []
        for mode in ("put", "get"):
            a, b = small("cloudbox", mode, "ops_per_s"), small("cloudbox-info", mode, "ops_per_s")
            if a and b:
                parts.append(f"{mode.upper()} {100 * (b - a) / a:+.1f}%")
        if parts:
            goal.append("- --log-level info (one stderr line per request, to a file) vs warn: "
                        + ", ".join(parts) + " ops/s")

    moto = version(["python3", "-c", "import importlib.metadata as m; print(m.version('moto'))"])
    setup = [
        f"- machine: {os.cpu_count()} cores, {platform.platform()}",
        f"- cloudbox commit {env['BENCH_COMMIT']} (Release build); node "
        f"{version(['node', '--version'])}; moto {moto}; s3rver 3.7.1",
        f"- load: {conns} keep-alive connections, {env['BENCH_SIZE_TEXT']} objects, "
        f"{env['BENCH_SECS']} s per mode per round, {env['BENCH_ROUNDS_RUN']} rounds (the second "
        "in reverse server order; figures are the mean of the rounds), each after 50 warm-up "
        f"requests per connection; GET reads {env['BENCH_KEYS_N']} preloaded keys round-robin; "
        "every request SigV4-signed (UNSIGNED-PAYLOAD); load generator and server share the cores",
        f"- 1 connection: the same PUT/GET for {env['BENCH_LAT_SECS']} s over one connection: "
        "latency with nothing queued",
        "- stream: one PUT streamed from memory in 1 MiB writes, then one GET read and discarded; "
        f"MB = 10^6 bytes; cloudbox (data dir) streams {env['BENCH_STREAM_TEXT']}, cloudbox-mem "
        f"and the peers {env['BENCH_PEER_STREAM_TEXT']} (1G takes the peers too long for the "
        "time budget)",
        "- cloudbox: --data-dir on ext4 (SQLite WAL, synchronous=NORMAL), --log-level warn; "
        "cloudbox-mem: --in-memory; cloudbox-info: --log-level info, stderr to a file; "
        "moto: its default logging (a werkzeug line per request) to a file; s3rver: --silent",
        "- server CPU us/req: the server's user+system CPU over its put/get rounds (preload and "
        "warm-up included) per request; bench CPU us/req: the load generator's own CPU per "
        "measured PUT",
        f"- load average (1/5/15 min) before the runs {env['BENCH_LOAD_BEFORE']}, after "
        f"{env['BENCH_LOAD_AFTER']}: other work on the machine competes for the same 2 cores",
        f"- run time {env['BENCH_ELAPSED']} s (servers up, after the build)",
    ]
    errs = [f"- {label}: {row['bench_err'][:300]}" for label, row in rows.items()
            if row["bench_err"]]
    for label, row in rows.items():
        for r in row["rounds"] + [row["c1"], {"stream": row["stream"] or {}}]:
            for mode, v in r.items():
                if v.get("first_error"):
                    errs.append(f"- {label} {mode}: {v['first_error'][:300]}")

    text = "\n".join(["# S3 benchmark, loopback", "", render(table, head), "",
                      render(lat_table, lat_head) if lat_table else "", "",
                      render(ratios, ratio_head) if ratios else "", "", "Goal (issue):"] + goal +
                     ["", "Setup:"] + setup + (["", "Errors:"] + errs if errs else []))
    print(text)
    with open(out, "w") as f:
        f.write(text + "\n")
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
