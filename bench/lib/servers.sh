# Server lifecycle shared by the bench/run_*_bench.sh scripts (sourced, not run). The caller sets
# WORK (a temp dir removed at exit), defines log(), and declares `declare -A PID PORT` and
# `LABELS=()`; servers run in their own process group so a stop takes their children too.

stop_server() {
    local pid=$1
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    for label in "${!PID[@]}"; do
        stop_server "${PID[$label]}"
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_server LABEL -- command with @PORT@ ...: starts it, waits until it answers HTTP, and adds
# LABEL to LABELS; a server that does not start is reported and left out.
start_server() {
    local label=$1
    shift 2
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
