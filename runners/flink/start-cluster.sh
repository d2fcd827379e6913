#!/usr/bin/env bash
# Start a local Flink 1.19 session cluster (1 JobManager + N TaskManagers) from the
# Maven artifacts listed in pom.xml beside this script, bound to 127.0.0.1 only.
#
#   start-cluster.sh [STATE_DIR]      (default: ${TMPDIR:-/tmp}/aws-inventory-flink)
#
# On success prints exactly one line on stdout:  FLINK_MASTER=127.0.0.1:<rest port>
# (also written to STATE_DIR/master). Diagnostics go to stderr.
# Env: FLINK_REST_PORT (default: first free port from 8081), FLINK_RPC_PORT (default:
# first free from 6123), FLINK_SLOTS (2, per TaskManager), FLINK_TASKMANAGERS (1; each is its
# own JVM, as on a real cluster: taskmanager.pid/log, then taskmanager-2.pid/log, ...),
# FLINK_START_TIMEOUT seconds (90), JAVA_HOME.
# Stop with stop-cluster.sh [STATE_DIR].
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE_DIR="${1:-${TMPDIR:-/tmp}/aws-inventory-flink}"
SLOTS="${FLINK_SLOTS:-2}"
TASKMANAGERS="${FLINK_TASKMANAGERS:-1}"
[[ "$TASKMANAGERS" =~ ^[1-9][0-9]?$ ]] || { echo "[flink] ERROR: FLINK_TASKMANAGERS must be 1..99" >&2; exit 1; }
TIMEOUT="${FLINK_START_TIMEOUT:-90}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
HOST=127.0.0.1

# Flink 1.19's own default for Java 17 (env.java.opts.all in flink-dist's config.yaml).
JAVA17_OPTS="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"

log() { echo "[flink] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

is_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
# $1 = explicitly requested port (may be empty), $2 = first port to try.
pick_port() {
  if [ -n "$1" ]; then
    ! port_in_use "$1" || die "port $1 on $HOST is already in use"
    echo "$1"; return
  fi
  local p
  for ((p = $2; p < $2 + 100; p++)); do
    port_in_use "$p" || { echo "$p"; return; }
  done
  die "no free port in $2..$(($2 + 99))"
}

mkdir -p "$STATE_DIR"
STATE_DIR="$(cd "$STATE_DIR" && pwd)"
CONF="$STATE_DIR/conf" LOGS="$STATE_DIR/log" TMP="$STATE_DIR/tmp"
JM_PID="$STATE_DIR/jobmanager.pid" TM_PID="$STATE_DIR/taskmanager.pid"
# TaskManager i's name: taskmanager, taskmanager-2, taskmanager-3, ...
tm_name() { if [ "$1" -eq 1 ]; then echo taskmanager; else echo "taskmanager-$1"; fi; }

for f in "$JM_PID" "$STATE_DIR"/taskmanager*.pid; do
  ! is_alive "$f" || die "already running (pid $(cat "$f") from $f); run stop-cluster.sh $STATE_DIR first"
done
rm -rf "$JM_PID" "$STATE_DIR"/taskmanager*.pid "$STATE_DIR/master" "$LOGS" "$TMP"
mkdir -p "$CONF" "$LOGS" "$TMP" "$STATE_DIR/plugins"

# --- classpath, cached per pom.xml content; re-resolved when the pom changes or a jar vanished.
CP_FILE="$STATE_DIR/classpath.txt" CP_KEY="$STATE_DIR/classpath.key"
key="$(sha256sum "$HERE/pom.xml" | cut -d' ' -f1)"
cp_ok() {
  [ -s "$CP_FILE" ] && [ "$(cat "$CP_KEY" 2>/dev/null)" = "$key" ] || return 1
  local j jars; IFS=: read -r -a jars < "$CP_FILE" || true
  for j in "${jars[@]}"; do [ -f "$j" ] || return 1; done
}
if ! cp_ok; then
  log "resolving Flink classpath with Maven ..."
  mvn -B -q -Dstyle.color=never -f "$HERE/pom.xml" dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >&2 \
    || die "mvn dependency:build-classpath failed"
  echo "$key" > "$CP_KEY"
fi
CP="$(cat "$CP_FILE")"

REST_PORT="$(pick_port "${FLINK_REST_PORT:-}" 8081)"
RPC_PORT="$(pick_port "${FLINK_RPC_PORT:-}" 6123)"

# --- configuration. Flink 1.19 reads conf/config.yaml (standard YAML; the legacy
# flink-conf.yaml would take precedence if present, so make sure there is none).
rm -f "$CONF/flink-conf.yaml"
cat > "$CONF/config.yaml" <<EOF
env.java.opts.all: $JAVA17_OPTS
jobmanager.rpc.address: $HOST
jobmanager.rpc.port: $RPC_PORT
jobmanager.bind-host: $HOST
jobmanager.memory.process.size: 1024m
jobmanager.execution.failover-strategy: region
taskmanager.bind-host: $HOST
taskmanager.host: $HOST
taskmanager.numberOfTaskSlots: $SLOTS
taskmanager.memory.process.size: 2048m
# Beam's batch shuffles want more network buffers than Flink's default 10% share.
taskmanager.memory.network.fraction: 0.25
taskmanager.memory.network.min: 256m
taskmanager.memory.network.max: 512m
parallelism.default: 2
rest.address: $HOST
rest.bind-address: $HOST
rest.port: $REST_PORT
io.tmp.dirs: $TMP
web.tmpdir: $TMP/web
# The TaskManager usually comes up before the JobManager's RPC endpoints; retry after 1 s
# instead of the default 10 s.
cluster.registration.error-delay: 1000
EOF

cat > "$CONF/log4j.properties" <<'EOF'
monitorInterval = 0
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
logger.akka.name = akka
logger.akka.level = INFO
logger.netty.name = org.jboss.netty.channel.DefaultChannelPipeline
logger.netty.level = ERROR
logger.shaded_zookeeper.name = org.apache.flink.shaded.zookeeper3
logger.shaded_zookeeper.level = INFO
appender.main.name = MainAppender
appender.main.type = File
appender.main.append = true
appender.main.fileName = ${sys:log.file}
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
EOF

# --- JVM memory flags and dynamic -D configs, computed by Flink exactly as bin/config.sh does:
# BashJavaUtils prints "BASH_JAVA_UTILS_EXEC_RESULT:<jvm params>" then "...:<-D k=v ...>".
bash_java_utils() {
  local out
  out="$("$JAVA" -cp "$CP" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" \
    --configDir "$CONF" 2>&1)" || { echo "$out" >&2; die "BashJavaUtils $1 failed"; }
  out="$(echo "$out" | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p')"
  [ "$(echo "$out" | wc -l)" -eq 2 ] || die "unexpected BashJavaUtils $1 output: $out"
  echo "$out"
}
jm="$(bash_java_utils GET_JM_RESOURCE_PARAMS)"
tm="$(bash_java_utils GET_TM_RESOURCE_PARAMS)"

# $1 = name (jobmanager|taskmanager), $2 = JVM params, $3 = main class, $4 = dynamic configs
start_daemon() {
  # shellcheck disable=SC2086  # params are space-separated flag lists
  nohup "$JAVA" $2 $JAVA17_OPTS \
    -Dlog.file="$LOGS/$1.log" \
    -Dlog4j.configuration="file:$CONF/log4j.properties" \
    -Dlog4j.configurationFile="file:$CONF/log4j.properties" \
    -cp "$CP" "$3" --configDir "$CONF" $4 \
    > "$LOGS/$1.out" 2>&1 < /dev/null &
  echo $! > "$STATE_DIR/$1.pid"
}

fail() {
  log "ERROR: $*"
  for f in "$LOGS"/*; do log "---- tail $f"; tail -n 30 "$f" >&2 || true; done
  "$HERE/stop-cluster.sh" "$STATE_DIR" >&2 || true
  exit 1
}

export FLINK_PLUGINS_DIR="$STATE_DIR/plugins"
cd "$STATE_DIR"  # daemons' working directory
start=$SECONDS
start_daemon jobmanager "$(echo "$jm" | sed -n 1p)" \
  org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint "$(echo "$jm" | sed -n 2p)"
for ((i = 1; i <= TASKMANAGERS; i++)); do
  start_daemon "$(tm_name "$i")" "$(echo "$tm" | sed -n 1p)" \
    org.apache.flink.runtime.taskexecutor.TaskManagerRunner "$(echo "$tm" | sed -n 2p)"
done
log "started JobManager (pid $(cat "$JM_PID")) and $TASKMANAGERS TaskManager(s); logs in $LOGS"

# --- wait until the REST API reports every TaskManager with all its slots.
url="http://$HOST:$REST_PORT/overview"
while :; do
  is_alive "$JM_PID" || fail "JobManager exited"
  for ((i = 1; i <= TASKMANAGERS; i++)); do
    is_alive "$STATE_DIR/$(tm_name "$i").pid" || fail "TaskManager $i exited"
  done
  ov="$(curl -s --max-time 2 "$url" || true)"
  if echo "$ov" | grep -q "\"taskmanagers\":${TASKMANAGERS}[,}]" \
    && echo "$ov" | grep -q "\"slots-total\":$((SLOTS * TASKMANAGERS))[,}]"; then
    break
  fi
  [ $((SECONDS - start)) -lt "$TIMEOUT" ] || fail "cluster not ready after ${TIMEOUT}s (last /overview: ${ov:-none})"
  sleep 1
done

log "ready in $((SECONDS - start))s: $ov"
echo "FLINK_MASTER=$HOST:$REST_PORT" | tee "$STATE_DIR/master"
