#!/usr/bin/env bash
# Side-by-side SQS benchmark on loopback: cloudbox (data dir and in-memory) against
# local-aws-sqs and moto server under the same load (query protocol, which all of them serve):
# SendMessage, then ReceiveMessage + DeleteMessage, with BENCH_CONNECTIONS clients. Prints one
# line per server and mode and writes bench/results/sqs-<date>.txt. See bench/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$ROOT/build-bench}
CONNS=${BENCH_CONNECTIONS:-8}
SECS=${BENCH_SECONDS:-5}  # measured seconds per mode
SIZE=${BENCH_SIZE:-256}   # message body bytes
BATCH=${BENCH_BATCH:-1}   # messages per request (>1: SendMessageBatch, DeleteMessageBatch)
PEERS=${BENCH_PEERS:-local-aws-sqs moto}

log() { printf '[bench] %s\n' "$*" >&2; }

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    if [[ ! -f $BUILD/CMakeCache.txt ]]; then
        log "configuring $BUILD (Release)"
        CCACHE_NOHASHDIR=true cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=ON \
            -DCLOUDBOX_BUILD_TESTS=OFF -DCLOUDBOX_BUILD_BENCH=ON >/dev/null
    fi
    log "building cloudbox and cloudbox_sqs_bench"
    CCACHE_NOHASHDIR=true ninja -C "$BUILD" -j2 cloudbox cloudbox_sqs_bench >&2
fi
CLOUDBOX=$BUILD/cloudbox
BENCH=$BUILD/bench/cloudbox_sqs_bench

if [[ " $PEERS " == *" local-aws-sqs "* && ! -f $HERE/node_modules/local-aws-sqs/package.json ]]; then
    log "installing local-aws-sqs into bench/node_modules"
    (cd "$HERE" && timeout 240 npm install --no-audit --no-fund --loglevel=error) >&2
fi
if [[ " $PEERS " == *" moto "* ]] && ! command -v moto_server >/dev/null; then
    log "moto_server not found (pip install 'moto[server]'); skipping moto"
    PEERS=${PEERS//moto/}
fi

WORK=$(mktemp -d /tmp/cloudbox-sqs-bench.XXXXXX)
declare -A PID PORT
LABELS=()
# shellcheck source=lib/servers.sh
source "$HERE/lib/servers.sh"

start_server cloudbox -- "$CLOUDBOX" serve --port @PORT@ --data-dir "$WORK/cloudbox-data" \
    --log-level warn
start_server cloudbox-mem -- "$CLOUDBOX" serve --port @PORT@ --in-memory --log-level warn
if [[ " $PEERS " == *" local-aws-sqs "* ]]; then
    cat >"$WORK/local-aws-sqs.mjs" <<JS
import { createSqsServer } from "$HERE/node_modules/local-aws-sqs/dist/index.js";
await createSqsServer({ port: Number(process.argv[2]), hostname: "127.0.0.1" });
JS
    start_server local-aws-sqs -- node "$WORK/local-aws-sqs.mjs" @PORT@
fi
if [[ " $PEERS " == *" moto "* ]]; then
    start_server moto -- moto_server -H 127.0.0.1 -p @PORT@
fi

mkdir -p "$HERE/results"
OUT=$HERE/results/sqs-$(date -u +%Y%m%d-%H%M%S).txt
{
    echo "# SQS side by side: $CONNS connections, ${SECS}s per mode, ${SIZE}-byte bodies," \
        "receive batch $BATCH, load $(cut -d' ' -f1-3 /proc/loadavg)," \
        "commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    for label in "${LABELS[@]}"; do
        timeout $((SECS * 3 + 60)) "$BENCH" --port "${PORT[$label]}" --label "$label" \
            --connections "$CONNS" --seconds "$SECS" --size "$SIZE" --batch "$BATCH" \
            --mode send,recv || log "$label: load generator failed"
        log "$label done"
    done
} | tee "$OUT"
log "written $OUT"
