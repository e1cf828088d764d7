#!/usr/bin/env bash
# Time from `java -jar` to /api/health = 200 on an existing data folder, and the process RSS after start.
# Goal (issue #2): under 4 s and under 300 MB.
source "$(dirname "$0")/lib.sh"
ensure_jar
RUNS="${RUNS:-5}"
DATA="$(mktemp -d)"
PORT="$(free_port)"
LOG="$DATA/app.log"
trap 'stop_app; rm -rf "$DATA"' EXIT

start_app "$DATA" "$PORT" "$LOG"
first=$(wait_healthy "$PORT")
stop_app
echo "first start (initdb + migrations): ${first} ms"

total=0
for i in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  start_app "$DATA" "$PORT" "$LOG"
  wait_healthy "$PORT" >/dev/null
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep 1
  rss=$(rss_mb "$APP_PID")
  pg=$(pg_pss_mb "$DATA/pg")
  echo "restart $i: java -jar -> health 200 in ${ms} ms; JVM RSS ${rss} MB; embedded PostgreSQL processes PSS ${pg} MB"
  total=$((total + ms))
  stop_app
done
echo "startup: mean ${total}/${RUNS} = $((total / RUNS)) ms on an existing data folder"
