#!/usr/bin/env bash
# Side-by-side S3 benchmark on loopback: cloudbox (data dir, in-memory, info logging) against
# s3rver and moto server under the same load; prints a table and writes
# bench/results/s3-<date>.md. See bench/README.md. Environment knobs: BENCH_* below.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$ROOT/build-bench}
CONNS=${BENCH_CONNECTIONS:-8}
SECS=${BENCH_SECONDS:-5}             # measured seconds per mode per round
ROUNDS=${BENCH_ROUNDS:-2}            # put/get rounds; even rounds run the servers in reverse
KEYS=${BENCH_KEYS:-500}              # objects preloaded for GET
SIZE=${BENCH_SIZE:-1K}
LAT_SECS=${BENCH_LATENCY_SECONDS:-2} # the single-connection latency runs
STREAM=${BENCH_STREAM:-1G}           # cloudbox's streamed object
PEER_STREAM=${BENCH_PEER_STREAM:-256M} # the others' (1 GiB takes the peers too long)
PEERS=${BENCH_PEERS:-s3rver moto}
BUDGET=${BENCH_BUDGET:-230}          # seconds for the runs (after build and npm install)
WARMUP=50

log() { printf '[bench] %s\n' "$*" >&2; }

# --- build (Release) and peers -------------------------------------------------------------
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    if [[ ! -f $BUILD/CMakeCache.txt ]]; then
        log "configuring $BUILD (Release)"
        CCACHE_NOHASHDIR=true cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=ON \
            -DCLOUDBOX_BUILD_TESTS=OFF -DCLOUDBOX_BUILD_BENCH=ON >/dev/null
    fi
    log "building cloudbox and cloudbox_s3_bench"
    CCACHE_NOHASHDIR=true ninja -C "$BUILD" -j2 cloudbox cloudbox_s3_bench >&2
fi
CLOUDBOX=$BUILD/cloudbox
BENCH=$BUILD/bench/cloudbox_s3_bench
"$BENCH" --self-test >&2

if [[ " $PEERS " == *" s3rver "* && ! -f $HERE/node_modules/s3rver/package.json ]]; then
    log "installing s3rver into bench/node_modules"
    (cd "$HERE" && timeout 240 npm install --no-audit --no-fund --loglevel=error) >&2
fi
if [[ " $PEERS " == *" moto "* ]] && ! command -v moto_server >/dev/null; then
    log "moto_server not found (pip install 'moto[server]'); skipping moto"
    PEERS=${PEERS//moto/}
fi

# --- servers: each in its own session, stopped by its id -------------------------------------
WORK=$(mktemp -d /tmp/cloudbox-s3-bench.XXXXXX)
declare -A PID PORT KEY STREAM_OF CPU
LABELS=()
# shellcheck source=lib/servers.sh
source "$HERE/lib/servers.sh" # its start_server is replaced below
cpu_seconds() { # user+system CPU of a process, in seconds
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13) / hz }' "/proc/$1/stat"
}
peak_rss_mib() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# start_server LABEL ACCESS_KEY STREAM_SIZE -- command with @PORT@ ...
start_server() {
    local label=$1 key=$2 stream=$3
    shift 4
    local port
    port=$(free_port)
    local cmd=("${@//@PORT@/$port}")
    log "starting $label: ${cmd[*]}"
    setsid "${cmd[@]}" >"$WORK/$label.out" 2>"$WORK/$label.err" &
    local pid=$!
    PID[$label]=$pid
    for _ in $(seq 300); do
        if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
            PORT[$label]=$port
            KEY[$label]=$key
            STREAM_OF[$label]=$stream
            CPU[$label]=0
            LABELS+=("$label")
            return
        fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    log "$label did not start; its stderr:"
    tail -5 "$WORK/$label.err" >&2
    stop_server "$pid"
    unset "PID[$label]"
}

# bench LABEL OUTPUT_NAME TIMEOUT ARGS...: one load-generator run against a started server.
bench() {
    local label=$1 name=$2 limit=$3
    shift 3
    timeout $((limit + 10)) "$BENCH" --port "${PORT[$label]}" --label "$label" \
        --access-key "${KEY[$label]}" --secret-key "${KEY[$label]}" --size "$SIZE" \
        --connections "$CONNS" --warmup "$WARMUP" --keys "$KEYS" --json --timeout "$limit" "$@" \
        >"$WORK/$label.$name.json" 2>>"$WORK/$label.bench.err" || true
}

mkdir -p "$WORK/s3rver-data"
start_server cloudbox test "$STREAM" -- \
    "$CLOUDBOX" serve --port @PORT@ --data-dir "$WORK/cloudbox-data" --log-level warn
start_server cloudbox-mem test "$PEER_STREAM" -- \
    "$CLOUDBOX" serve --port @PORT@ --in-memory --log-level warn
start_server cloudbox-info test "" -- \
    "$CLOUDBOX" serve --port @PORT@ --data-dir "$WORK/cloudbox-info-data" --log-level info
if [[ " $PEERS " == *" s3rver "* ]]; then
    start_server s3rver S3RVER "$PEER_STREAM" -- \
        node "$HERE/node_modules/.bin/s3rver" -d "$WORK/s3rver-data" -a 127.0.0.1 -p @PORT@ \
        --silent
fi
if [[ " $PEERS " == *" moto "* ]]; then
    start_server moto test "$PEER_STREAM" -- moto_server -H 127.0.0.1 -p @PORT@
fi

# --- runs: idle servers cost nothing, so all stay up; the load goes to one at a time ---------
START=$SECONDS
LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
over_budget() { ((SECONDS - START > BUDGET)); }

# put/get in rounds, odd rounds in order and even rounds reversed, so that a change in the
# machine's load during the run weighs on every server alike.
for ((round = 1; round <= ROUNDS; round++)); do
    order=("${LABELS[@]}")
    if ((round % 2 == 0)); then
        order=()
        for ((i = ${#LABELS[@]} - 1; i >= 0; i--)); do order+=("${LABELS[$i]}"); done
    fi
    for label in "${order[@]}"; do
        if over_budget; then
            log "time budget of ${BUDGET}s used up: skipping $label round $round"
            continue
        fi
        cpu0=$(cpu_seconds "${PID[$label]}")
        bench "$label" "small.r$round" 60 --mode put,get --seconds "$SECS"
        cpu1=$(cpu_seconds "${PID[$label]}")
        CPU[$label]=$(awk -v s="${CPU[$label]}" -v a="$cpu0" -v b="$cpu1" 'BEGIN{print s+b-a}')
        log "$label round $round done ($((SECONDS - START)) s)"
    done
done
# One connection: the latency of a request with nothing queued ahead of it.
for label in "${LABELS[@]}"; do
    over_budget || bench "$label" c1 40 --connections 1 --mode put,get --seconds "$LAT_SECS"
done
log "latency runs done ($((SECONDS - START)) s)"
for label in "${LABELS[@]}"; do
    if [[ -n ${STREAM_OF[$label]} ]] && ! over_budget; then
        bench "$label" stream 110 --mode stream --stream-size "${STREAM_OF[$label]}"
        log "$label stream done ($((SECONDS - START)) s)"
    fi
done
for label in "${LABELS[@]}"; do
    printf '{"label":"%s","stream":"%s","cpu_s":%s,"rss_mib":%s,"warmup":%s,"keys":%s}\n' \
        "$label" "${STREAM_OF[$label]}" "${CPU[$label]}" "$(peak_rss_mib "${PID[$label]}")" \
        "$WARMUP" "$KEYS" >"$WORK/$label.meta.json"
done
ELAPSED=$((SECONDS - START))
LOAD_AFTER=$(cut -d" " -f1-3 /proc/loadavg)
for label in "${!PID[@]}"; do
    stop_server "${PID[$label]}"
done

# --- report ----------------------------------------------------------------------------------
mkdir -p "$HERE/results"
OUT=$HERE/results/s3-$(date -u +%Y%m%d-%H%M%S).md
BENCH_COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown) \
BENCH_CONNS=$CONNS BENCH_SECS=$SECS BENCH_ROUNDS_RUN=$ROUNDS BENCH_SIZE_TEXT=$SIZE \
BENCH_LAT_SECS=$LAT_SECS BENCH_KEYS_N=$KEYS BENCH_ELAPSED=$ELAPSED \
BENCH_STREAM_TEXT=$STREAM BENCH_PEER_STREAM_TEXT=$PEER_STREAM \
BENCH_LOAD_BEFORE=$LOAD_BEFORE BENCH_LOAD_AFTER=$LOAD_AFTER \
    python3 "$HERE/s3_report.py" "$WORK" "$OUT"
