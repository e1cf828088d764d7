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

# wait_healthy PORT -> prints milliseconds waited; fails after 120 s. Polls every 10 ms without starting a process per
# try (bash's own /dev/tcp, and a read that times out on an idle FIFO instead of `sleep`): on 2 cores a curl and a sleep
# per try took enough CPU from the starting server to add about 0.3 s to a start.
wait_healthy() {
  local start end tick idle=0
  tick=$(mktemp -u)
  mkfifo "$tick" && exec 4<>"$tick" && rm -f "$tick"
  start=$(date +%s%N)
  for _ in $(seq 1 12000); do
    if healthy "$1"; then
      end=$(date +%s%N)
      exec 4<&-
      echo $(( (end - start) / 1000000 ))
      return 0
    fi
    read -r -t 0.01 idle <&4 || true
  done
  exec 4<&-
  echo "server did not become healthy" >&2
  return 1
}

# healthy PORT: whether GET /api/health answers 200 (in this shell: no process, not even a subshell, per try)
healthy() {
  local line
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$1" >&3
  read -r -t 5 line <&3 || true
  exec 3<&-
  [[ "$line" == "HTTP/1.1 200 "* ]]
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
