# Shared helpers for the benchmark scripts: start the real jar on a data folder and wait for health.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/server/target/fitcoach.jar"
LAUNCHER="$ROOT/server/target/fitcoach"

ensure_jar() {
  if [ ! -f "$JAR" ] || [ ! -x "$LAUNCHER" ]; then
    (cd "$ROOT" && mvn -B -q package -DskipTests)
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_app DATA_DIR PORT LOGFILE -> sets APP_PID. Through the launcher script beside the jar, as the README runs it
# (its class-data-sharing archive kept in DATA_DIR/cds); LAUNCH=java runs plain `java $JAVA_OPTS -jar` instead.
start_app() {
  if [ "${LAUNCH:-launcher}" = "java" ]; then
    FITCOACH_DATA_DIR="$1" PORT="$2" HOST=127.0.0.1 java ${JAVA_OPTS:-} -jar "$JAR" >"$3" 2>&1 &
  else
    FITCOACH_CDS_DIR="$1/cds" FITCOACH_DATA_DIR="$1" PORT="$2" HOST=127.0.0.1 "$LAUNCHER" >"$3" 2>&1 &
  fi
  APP_PID=$!
}

# wait_healthy PORT -> prints milliseconds waited (polls every 50 ms, so curl itself barely competes for CPU); fails after 120 s
wait_healthy() {
  local start end
  start=$(date +%s%N)
  for _ in $(seq 1 2400); do
    if curl -fs "http://127.0.0.1:$1/api/health" >/dev/null 2>&1; then
      end=$(date +%s%N)
      echo $(( (end - start) / 1000000 ))
      return 0
    fi
    sleep 0.05
  done
  echo "server did not become healthy" >&2
  return 1
}

stop_app() {
  [ -n "${APP_PID:-}" ] || return 0
  kill -TERM "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

rss_mb() {
  awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"
}

# Proportional set size of the PostgreSQL processes serving a data folder (shared buffers counted once).
pg_pss_mb() {
  local total=0 pid
  for pid in $(pgrep -f -- "-D $1" || true) $(pgrep -P "$(pgrep -f -- "-D $1" | head -1)" 2>/dev/null || true); do
    total=$((total + $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo $((total / 1024))
}

# Heap in use by the app JVM (young + old, MB), kept as the maximum seen in $peak.
sample_heap() {
  local used
  used=$(jstat -gc "$APP_PID" 2>/dev/null | awk 'NR==2 {printf "%.0f", ($3+$4+$6+$8)/1024}')
  if [ -n "$used" ] && [ "$used" -gt "${peak:-0}" ]; then peak=$used; fi
}
