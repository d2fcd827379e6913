#!/usr/bin/env bash
# Stop the Flink cluster started by start-cluster.sh [STATE_DIR]: TaskManagers first, then
# JobManager; SIGTERM, then SIGKILL after FLINK_STOP_GRACE seconds (default 10).
# Exits 0 even when nothing is running.
set -euo pipefail

STATE_DIR="${1:-${TMPDIR:-/tmp}/aws-inventory-flink}"
GRACE="${FLINK_STOP_GRACE:-10}"

# $1 = pid file, $2 = main class the process must be running (guards against pid reuse).
stop_one() {
  local pidfile="$1" pid i
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$2"; then
    echo "[flink] stopping $(basename "$pidfile" .pid) (pid $pid)" >&2
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < GRACE * 5; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "[flink] pid $pid still alive after ${GRACE}s, sending KILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      for ((i = 0; i < 25; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    fi
  fi
  rm -f "$pidfile"
}

for f in "$STATE_DIR"/taskmanager*.pid; do
  stop_one "$f" org.apache.flink.runtime.taskexecutor.TaskManagerRunner
done
stop_one "$STATE_DIR/jobmanager.pid" org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
rm -f "$STATE_DIR/master"
