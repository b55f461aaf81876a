#!/usr/bin/env bash
# Side-by-side DynamoDB benchmark on loopback: cloudbox (data dir and --in-memory) against
# dynalite 4.0 and moto server under the same load (PutItem, GetItem, Query of 100 items,
# BatchWriteItem of 25), printing ops/s, p50/p99 and the cloudbox/peer ratios.
# Knobs: BENCH_CONNECTIONS (8), BENCH_SECONDS (5), BENCH_MODES (put,get,query,batch),
# BENCH_PEERS ("dynalite moto"), BENCH_BUILD_DIR (build-bench), BENCH_SKIP_BUILD.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$ROOT/build-bench}
CONNS=${BENCH_CONNECTIONS:-8}
SECS=${BENCH_SECONDS:-5}
MODES=${BENCH_MODES:-put,get,query,batch}
PEERS=${BENCH_PEERS:-dynalite moto}

log() { printf '[bench] %s\n' "$*" >&2; }

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    if [[ ! -f $BUILD/CMakeCache.txt ]]; then
        CCACHE_NOHASHDIR=true cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=ON \
            -DCLOUDBOX_BUILD_TESTS=OFF -DCLOUDBOX_BUILD_BENCH=ON >/dev/null
    fi
    CCACHE_NOHASHDIR=true ninja -C "$BUILD" -j2 cloudbox cloudbox_dynamodb_bench >&2
fi
CLOUDBOX=$BUILD/cloudbox
BENCH=$BUILD/bench/cloudbox_dynamodb_bench

if [[ " $PEERS " == *" dynalite "* && ! -f $HERE/node_modules/dynalite/package.json ]]; then
    log "installing dynalite into bench/node_modules"
    (cd "$HERE" && timeout 240 npm install --no-audit --no-fund --loglevel=error) >&2
fi
if [[ " $PEERS " == *" moto "* ]] && ! command -v moto_server >/dev/null; then
    log "moto_server not found; skipping moto"
    PEERS=${PEERS//moto/}
fi

WORK=$(mktemp -d /tmp/cloudbox-ddb-bench.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    done
    sleep 0.5
    for pid in "${PIDS[@]}"; do
        kill -KILL -- "-$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
    for _ in $(seq 200); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.05
    done
    return 1
}

declare -A PORT
start() { # label command...
    local label=$1 port
    shift
    port=$(free_port)
    PORT[$label]=$port
    setsid "${@//@PORT@/$port}" >"$WORK/$label.log" 2>&1 &
    PIDS+=($!)
    wait_port "$port" || { log "$label did not start"; cat "$WORK/$label.log" >&2; exit 1; }
}

start cloudbox "$CLOUDBOX" serve --port @PORT@ --data-dir "$WORK/data" --log-level warn
start cloudbox-mem "$CLOUDBOX" serve --port @PORT@ --in-memory --log-level warn
LABELS=(cloudbox cloudbox-mem)
if [[ " $PEERS " == *" dynalite "* ]]; then
    start dynalite node "$HERE/node_modules/.bin/dynalite" --host 127.0.0.1 --port @PORT@
    LABELS+=(dynalite)
fi
if [[ " $PEERS " == *" moto "* ]]; then
    start moto moto_server -H 127.0.0.1 -p @PORT@
    LABELS+=(moto)
fi

printf '%-14s %-6s %10s %9s %9s\n' server mode ops/s p50_ms p99_ms | tee "$WORK/table"
for label in "${LABELS[@]}"; do
    "$BENCH" --port "${PORT[$label]}" --connections "$CONNS" --seconds "$SECS" \
        --modes "$MODES" --table "bench" >"$WORK/$label.json"
    python3 - "$label" "$WORK/$label.json" <<'PY' | tee -a "$WORK/table"
import json, sys
for line in open(sys.argv[2]):
    r = json.loads(line)
    print("%-14s %-6s %10.0f %9.3f %9.3f" % (sys.argv[1], r["mode"], r["ops_per_s"], r["p50_ms"], r["p99_ms"]))
PY
done
python3 - "$WORK" "${LABELS[@]}" <<'PY'
import json, os, sys
work, labels = sys.argv[1], sys.argv[2:]
res = {l: {json.loads(x)["mode"]: json.loads(x) for x in open(os.path.join(work, l + ".json"))} for l in labels}
peers = [l for l in labels if not l.startswith("cloudbox")]
for mode in res["cloudbox"]:
    best = max((res[p][mode]["ops_per_s"] for p in peers if mode in res[p]), default=0)
    if best:
        print("ratio %-6s cloudbox/faster peer: %.1fx" % (mode, res["cloudbox"][mode]["ops_per_s"] / best))
PY
