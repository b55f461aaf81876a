#!/usr/bin/env bash
# Side-by-side SES benchmark on loopback: SendEmail (v1 query and v2 JSON) against cloudbox
# (data dir and in-memory), aws-ses-v2-local and moto server under the same load; prints a
# table and writes bench/results/ses-<date>.md. See bench/README.md. Knobs: BENCH_* below.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$ROOT/build-bench}
CONNS=${BENCH_CONNECTIONS:-8}
SECS=${BENCH_SECONDS:-5}     # measured seconds per mode per server
MODES=${BENCH_MODES:-v1,v2}
PEERS=${BENCH_PEERS:-aws-ses-v2-local moto}

log() { printf '[bench] %s\n' "$*" >&2; }

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    if [[ ! -f $BUILD/CMakeCache.txt ]]; then
        log "configuring $BUILD (Release)"
        CCACHE_NOHASHDIR=true cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=ON \
            -DCLOUDBOX_BUILD_TESTS=OFF -DCLOUDBOX_BUILD_BENCH=ON >/dev/null
    fi
    log "building cloudbox and cloudbox_ses_bench"
    CCACHE_NOHASHDIR=true ninja -C "$BUILD" -j2 cloudbox cloudbox_ses_bench >&2
fi
CLOUDBOX=$BUILD/cloudbox
BENCH=$BUILD/bench/cloudbox_ses_bench

PEER_DIR=$HERE/ses_peer
if [[ " $PEERS " == *" aws-ses-v2-local "* && ! -f $PEER_DIR/node_modules/aws-ses-v2-local/package.json ]]; then
    log "installing aws-ses-v2-local into bench/ses_peer/node_modules"
    (cd "$PEER_DIR" && timeout 240 npm install --no-audit --no-fund --loglevel=error) >&2
fi
if [[ " $PEERS " == *" moto "* ]] && ! command -v moto_server >/dev/null; then
    log "moto_server not found (pip install 'moto[server]'); skipping moto"
    PEERS=${PEERS//moto/}
fi

WORK=$(mktemp -d /tmp/cloudbox-ses-bench.XXXXXX)
declare -A PID PORT
LABELS=()
# shellcheck source=lib/servers.sh
source "$HERE/lib/servers.sh"

start_server cloudbox -- "$CLOUDBOX" serve --port @PORT@ --data-dir "$WORK/cloudbox-data" \
    --log-level warn
start_server cloudbox-mem -- "$CLOUDBOX" serve --port @PORT@ --in-memory --log-level warn
if [[ " $PEERS " == *" aws-ses-v2-local "* ]]; then
    start_server aws-ses-v2-local -- node "$PEER_DIR/node_modules/.bin/aws-ses-v2-local" \
        --host 127.0.0.1 --port @PORT@
fi
if [[ " $PEERS " == *" moto "* ]]; then
    start_server moto -- moto_server -H 127.0.0.1 -p @PORT@
fi

LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
for label in "${LABELS[@]}"; do
    # aws-ses-v2-local has no VerifyEmailIdentity (the request never gets an answer) and needs
    # no verification.
    VERIFY=()
    [[ $label == aws-ses-v2-local ]] && VERIFY=(--no-verify)
    timeout $((SECS * 2 + 60)) "$BENCH" --port "${PORT[$label]}" --label "$label" "${VERIFY[@]}" \
        --connections "$CONNS" --seconds "$SECS" --mode "$MODES" --json \
        >"$WORK/$label.json" 2>>"$WORK/$label.bench.err" || true
    log "$label done"
done
LOAD_AFTER=$(cut -d" " -f1-3 /proc/loadavg)

mkdir -p "$HERE/results"
OUT=$HERE/results/ses-$(date -u +%Y%m%d-%H%M%S).md
python3 - "$WORK" "$OUT" "$CONNS" "$SECS" "$LOAD_BEFORE" "$LOAD_AFTER" <<'PY'
import glob, json, os, sys
work, out, conns, secs, load0, load1 = sys.argv[1:]
rows = []
for path in sorted(glob.glob(os.path.join(work, "*.json"))):
    for line in open(path):
        line = line.strip()
        if line:
            rows.append(json.loads(line))
lines = ["# SES SendEmail benchmark", "",
         "%s connections, %s s per mode, loopback; load average %s -> %s" % (conns, secs, load0, load1),
         "", "| server | API | msg/s | p50 ms | p90 ms | p99 ms | errors |",
         "|---|---|---:|---:|---:|---:|---:|"]
for r in rows:
    err = r["errors"] and " (%s)" % r["first_error"][:60] or ""
    lines.append("| %s | %s | %.0f | %.2f | %.2f | %.2f | %d%s |" % (
        r["label"], r["mode"], r["ops_per_s"], r["p50_ms"], r["p90_ms"], r["p99_ms"],
        r["errors"], err))
# Each cloudbox row (data dir, in memory) against the faster peer, so that the durable figure
# is never hidden behind the in-memory one.
for mode in ("v1", "v2"):
    peers = max((r["ops_per_s"] for r in rows if r["mode"] == mode and not r["label"].startswith("cloudbox")), default=0)
    for r in rows:
        if r["mode"] == mode and r["label"].startswith("cloudbox") and peers:
            lines.append("")
            lines.append("%s: %s %.0f msg/s vs the faster peer %.0f msg/s: %.1fx" % (
                mode, r["label"], r["ops_per_s"], peers, r["ops_per_s"] / peers))
text = "\n".join(lines) + "\n"
open(out, "w").write(text)
print(text)
PY
log "report: $OUT"
