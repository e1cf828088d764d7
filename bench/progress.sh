#!/usr/bin/env bash
# The stored analysis (fitcoach.progress) over ten years of 1 Hz activities: COUNT (default 3,650, one a day) generated
# FIT files imported through the real app (rides with power, heart rate, speed, distance; runs without power), each
# analysed once by the worker; then every row made old (engine_version 0) and the app restarted, timing the worker's
# reprocessing in activities/s; then p95 of the range API under wrk over the ten years of stored rows.
# Goals (issue 14): reprocessing > 100 activities/s on 2 cores; any range query p95 < 30 ms.
source "$(dirname "$0")/lib.sh"
COUNT="${COUNT:-3650}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
# Repackage so the jar holds the sources as they are now; also compiles the generator in the test classes.
(cd "$ROOT" && mvn -B -q package -DskipTests -Dui.skip=true -pl server -am >/dev/null)
DATA="$(mktemp -d)"
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
trap 'stop_app; cp "$DATA/app.log" /tmp/last-progress-app.log 2>/dev/null; rm -rf "$DATA"' EXIT
GARMIN="$(ls "$HOME"/.m2/repository/com/garmin/fit/*/fit-*.jar | head -1)"
CP="$ROOT/server/target/test-classes:$JAR:$GARMIN"
java -cp "$CP" fitcoach.testing.ExportZipMain "$COUNT" "$DATA/export.zip"
sql() { java -cp "$CP" fitcoach.progress.BenchSql "$DATA" "$1"; }
status() { curl -fs -b "$DATA/cookies" "$BASE/api/analysis/status"; }
field() { python3 -c "import sys,json; print(json.load(sys.stdin)[\"$1\"])"; }

start_app "$DATA" "$PORT" "$DATA/app.log"
wait_healthy "$PORT" >/dev/null
curl -fs -c "$DATA/cookies" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"benchmark password"}' "$BASE/api/auth/setup" >/dev/null
t0=$(date +%s%N)
curl -fs -b "$DATA/cookies" -H "Origin: $BASE" -F "files=@$DATA/export.zip" "$BASE/api/imports" >/dev/null
until [ "$(curl -fs -b "$DATA/cookies" "$BASE/api/imports/latest" | field state)" = "done" ]; do sleep 0.5; done
t1=$(date +%s%N)
# Poll until the worker is idle with every activity analysed.
await_analysed() {
  local s
  while :; do
    s=$(status)
    if [ "$(echo "$s" | field state)" = "idle" ] && [ "$(echo "$s" | field done)" = "$(echo "$s" | field total)" ] \
      && [ "$(echo "$s" | field total)" -gt 0 ]; then echo "$s"; return; fi
    sleep 0.1
  done
}
s=$(await_analysed)
t2=$(date +%s%N)
echo "import of $COUNT activities: $(( (t1 - t0) / 1000000 )) ms; all analysed $(( (t2 - t1) / 1000000 )) ms after it ($s)"
echo "stored rows: $(sql 'SELECT count(*) FROM activity_curves'), $(sql "SELECT pg_size_pretty(pg_total_relation_size('activity_curves'))") with indexes and TOAST"

# Reprocessing: every row made old, then a restart: the worker finds them at boot and computes them again.
sql 'UPDATE activity_curves SET engine_version = 0' >/dev/null
stop_app
start_app "$DATA" "$PORT" "$DATA/app.log"
wait_healthy "$PORT" >/dev/null
first=""
while :; do
  s=$(status); now=$(date +%s%N)
  state=$(echo "$s" | field state); done_=$(echo "$s" | field done); total=$(echo "$s" | field total)
  if [ -z "$first" ] && [ "$state" = "running" ]; then first=$now; done0=$done_; fi
  if [ -n "$first" ] && [ "$state" = "idle" ] && [ "$done_" = "$total" ]; then break; fi
  if [ -z "$first" ] && [ "$state" = "idle" ] && [ "$done_" = "$total" ] && [ "$total" -gt 0 ]; then
    echo "reprocessing finished before the first poll: no rate measured" >&2; first=0; break
  fi
  sleep 0.2
done
if [ "$first" != "0" ]; then
  ms=$(( (now - first) / 1000000 ))
  echo "reprocessing: $(( total - done0 )) activities in ${ms} ms = $(( (total - done0) * 1000 / (ms > 0 ? ms : 1) )) activities/s (gunzip, 1 Hz grid, curves, efforts, NP, histograms, upsert; load average $(cut -d' ' -f1 /proc/loadavg))"
fi

today=$(date -u +%F)
ten=$(date -u -d '10 years ago' +%F)
# Answers are memoised per version of the athlete's rows: the first read (cold, printed first) reads the rows; wrk
# then measures the repeated reads between changes.
run() {
  local name=$1 url=$2 cold
  cold=$(curl -fs -o /dev/null -w '%{time_total}' \
    -H "Cookie: $(awk '$6 == "fitcoach_token" {print "fitcoach_token=" $7}' "$DATA/cookies")" "$url")
  printf '%-40s cold %5.0f ms | ' "$name:" "$(echo "$cold * 1000" | bc -l)"
  wrk -t2 -c8 -d2s -H "Cookie: $(awk '$6 == "fitcoach_token" {print "fitcoach_token=" $7}' "$DATA/cookies")" "$url" >/dev/null
  wrk -t2 -c${CONNECTIONS:-8} -d${DURATION:-10s} -s "$(dirname "$0")/percentiles.lua" \
    -H "Cookie: $(awk '$6 == "fitcoach_token" {print "fitcoach_token=" $7}' "$DATA/cookies")" "$url" | tail -1
}
run "curves power, all sports, 10 y" "$BASE/api/analysis/curves?metric=power&from=$ten&to=$today"
run "curves pace run 1 y + compare 10 y" "$BASE/api/analysis/curves?metric=pace&sport=run&compare_from=$ten&compare_to=$today"
run "best-efforts run, 10 y" "$BASE/api/analysis/best-efforts?sport=run&from=$ten&to=$today"
run "model ride, 90 d + 26 weeks" "$BASE/api/analysis/model?sport=ride"
run "model ride, 10 y + 260 weeks" "$BASE/api/analysis/model?sport=ride&from=$ten&to=$today&weeks=260"
run "zones, 12 weeks" "$BASE/api/analysis/zones?weeks=12"
run "zones, 260 weeks" "$BASE/api/analysis/zones?weeks=260"
