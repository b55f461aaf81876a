#!/usr/bin/env bash
# Side-by-side Lambda benchmark on loopback: a RequestResponse invoke of an echo function over
# HTTP with several connections, cloudbox (C++ `echo` handler, in-process) against
# serverless-offline's Lambda invoke endpoint running a Node echo function. Prints one line per
# server. Then the latency from an event to its function starting (cloudbox only: an S3 PUT
# into a notifying bucket, an SQS send to a mapped queue, a write to a mapped stream), on a data
# dir and in memory. Knobs: BENCH_CONNECTIONS (8), BENCH_SECONDS (5), BENCH_EVENTS (200),
# BENCH_BUILD_DIR, BENCH_SKIP_PEER=1.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$ROOT/build-bench}
CONNS=${BENCH_CONNECTIONS:-8}
SECS=${BENCH_SECONDS:-5}
EVENTS=${BENCH_EVENTS:-200}
log() { printf '[lambda-bench] %s\n' "$*" >&2; }

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    if [[ ! -f $BUILD/CMakeCache.txt ]]; then
        CCACHE_NOHASHDIR=true cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=ON \
            -DCLOUDBOX_BUILD_TESTS=OFF -DCLOUDBOX_BUILD_BENCH=ON >/dev/null
    fi
    CCACHE_NOHASHDIR=true ninja -C "$BUILD" -j2 cloudbox cloudbox_lambda_bench cloudbox_event_latency_bench >&2
fi
CLOUDBOX=$BUILD/cloudbox
BENCH=$BUILD/bench/cloudbox_lambda_bench
EVENT_BENCH=$BUILD/bench/cloudbox_event_latency_bench
WORK=$(mktemp -d /tmp/cloudbox-lambda-bench.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill -- -"$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
    for _ in $(seq 1 300); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    return 1
}

# --- cloudbox ---------------------------------------------------------------------------------
CB_PORT=$(free_port)
setsid "$CLOUDBOX" serve --port "$CB_PORT" --in-memory --log-level warn >"$WORK/cloudbox.log" 2>&1 &
PIDS+=($!)
wait_port "$CB_PORT"
ZIP=$(python3 -c 'import base64; print(base64.b64encode(b"PK\x05\x06" + b"\0" * 18).decode())')
for handler in echo sleep; do
    curl -sf -X POST "http://127.0.0.1:$CB_PORT/2015-03-31/functions" \
        -d "{\"FunctionName\":\"$handler\",\"Runtime\":\"provided.al2023\",\"Role\":\"arn:aws:iam::000000000000:role/r\",\"Handler\":\"$handler\",\"Code\":{\"ZipFile\":\"$ZIP\"}}" >/dev/null
done
# echo runs inline (a pure handler); sleep with ms=0 shows the worker-pool path.
for conns in 1 "$CONNS"; do
    "$BENCH" --port "$CB_PORT" --connections "$conns" --seconds "$SECS" --label cloudbox \
        --path /2015-03-31/functions/echo/invocations
    "$BENCH" --port "$CB_PORT" --connections "$conns" --seconds "$SECS" --label "cloudbox (pool)" \
        --path /2015-03-31/functions/sleep/invocations --payload '{"ms":0}'
done

# --- event to function start (cloudbox) --------------------------------------------------------
for mode in data-dir in-memory; do
    EV_PORT=$(free_port)
    if [[ $mode == data-dir ]]; then
        STORE=(--data-dir "$WORK/events-data")
        LABEL="cloudbox (data dir)"
    else
        STORE=(--in-memory)
        LABEL="cloudbox --in-memory"
    fi
    setsid "$CLOUDBOX" serve --port "$EV_PORT" "${STORE[@]}" --log-level warn >"$WORK/events-$mode.log" 2>&1 &
    PIDS+=($!)
    wait_port "$EV_PORT"
    for source in s3 sqs dynamodb; do
        "$EVENT_BENCH" --port "$EV_PORT" --source "$source" --count "$EVENTS" --label "$LABEL"
    done
done

# --- serverless-offline -----------------------------------------------------------------------
if [[ ${BENCH_SKIP_PEER:-0} == 1 ]]; then exit 0; fi
if [[ ! -f $HERE/lambda_peer/node_modules/serverless-offline/package.json ]]; then
    log "installing serverless + serverless-offline into bench/lambda_peer/node_modules"
    (cd "$HERE/lambda_peer" && timeout 600 npm install --no-audit --no-fund --loglevel=error) >&2
fi
PEER_LAMBDA_PORT=$(free_port)
PEER_HTTP_PORT=$(free_port)
# setsid as the background job itself, so that $! is the peer's process group (a subshell's pid
# would leave node running after the cleanup).
cd "$HERE/lambda_peer"
PEER_LAMBDA_PORT=$PEER_LAMBDA_PORT PEER_HTTP_PORT=$PEER_HTTP_PORT SLS_TELEMETRY_DISABLED=1 \
    setsid node node_modules/.bin/serverless offline start >"$WORK/peer.log" 2>&1 &
PIDS+=($!)
cd "$ROOT"
if ! wait_port "$PEER_LAMBDA_PORT"; then
    log "serverless-offline did not start:"; cat "$WORK/peer.log" >&2; exit 1
fi
for conns in 1 "$CONNS"; do
    "$BENCH" --port "$PEER_LAMBDA_PORT" --connections "$conns" --seconds "$SECS" \
        --label serverless-offline --path /2015-03-31/functions/bench-dev-echo/invocations
done
