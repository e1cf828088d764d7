#!/usr/bin/env bash
# Time from launch to /api/health = 200 on an existing data folder, each start-up phase as FitCoach logs it, and the
# process RSS after start. Started as the README says (server/target/fitcoach: heap cap, class-data-sharing archive made
# by the second run); LAUNCH=java compares plain `java -jar` (JAVA_OPTS for its options).
# Goal (issue #19): a warm start under 1.5 s on 2 cores, RSS after start under 150 MB plus the database.
source "$(dirname "$0")/lib.sh"
ensure_jar
RUNS="${RUNS:-5}"
DATA="$(mktemp -d)"
PORT="$(free_port)"
LOG="$DATA/app.log"
trap 'stop_app; rm -rf "$DATA"' EXIT

phases() {
  sed -n 's/.*started in \([0-9]*\) ms after \([0-9]*\) ms of JVM start; \(.*\))$/  in the app \1 ms, before it (JVM, class loading, config) \2 ms: \3/p' "$1" | tail -1
}

start_app "$DATA" "$PORT" "$LOG"
first=$(wait_healthy "$PORT")
stop_app
echo "first start (initdb + migrations${LAUNCH:+, $LAUNCH}): ${first} ms"
phases "$LOG"
if [ "${LAUNCH:-launcher}" != "java" ]; then
  # The launcher records its class-data-sharing archive on the second start (the first sets up the database).
  start_app "$DATA" "$PORT" "$LOG"
  second=$(wait_healthy "$PORT")
  stop_app
  echo "second start (records the class-data-sharing archive as it stops): ${second} ms"
fi

total=0
best=
for i in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  start_app "$DATA" "$PORT" "$LOG"
  wait_healthy "$PORT" >/dev/null
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep 1
  rss=$(rss_mb "$APP_PID")
  pg=$(pg_pss_mb "$DATA/pg")
  echo "restart $i: launch -> health 200 in ${ms} ms; JVM RSS ${rss} MB; embedded PostgreSQL processes PSS ${pg} MB"
  phases "$LOG"
  total=$((total + ms))
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  stop_app
done
echo "startup: mean $((total / RUNS)) ms, best ${best} ms over ${RUNS} restarts on an existing data folder"
