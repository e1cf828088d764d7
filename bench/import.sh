#!/usr/bin/env bash
# Import of a Strava-export zip of generated FIT files (1 Hz records; COUNT activities, default 2,000) through the
# real app: activities per second and the app's peak heap, sampled with jstat.
# Goal (issue #5): over 50 activities/s on 2 cores, heap bounded independent of the archive size.
source "$(dirname "$0")/lib.sh"
COUNT="${COUNT:-2000}"
ensure_jar
# Repackage so the jar holds the sources as they are now (ensure_jar only builds a missing jar); also compiles the
# generator in the test classes.
(cd "$ROOT" && mvn -B -q package -DskipTests -Dui.skip=true -pl server -am >/dev/null)
DATA="$(mktemp -d)"
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
trap 'stop_app; cp "$DATA/app.log" /tmp/last-import-app.log 2>/dev/null; rm -rf "$DATA"' EXIT
GARMIN="$(ls "$HOME"/.m2/repository/com/garmin/fit/*/fit-*.jar | head -1)"
java -cp "$ROOT/server/target/test-classes:$JAR:$GARMIN" fitcoach.testing.ExportZipMain "$COUNT" "$DATA/export.zip"

JAVA_OPTS="${JAVA_OPTS:--Xmx256m}" start_app "$DATA" "$PORT" "$DATA/app.log"
wait_healthy "$PORT" >/dev/null
JAR_COOKIES="$DATA/cookies"
curl -fs -c "$JAR_COOKIES" -H 'Content-Type: application/json' -d '{"email":"bench@example.com","password":"benchmark password"}' \
  "$BASE/api/auth/setup" >/dev/null
# CPU ticks (1/100 s) of the app and its PostgreSQL processes, and of the whole machine: on a shared machine the rate
# alone cannot tell a slower import from a busier neighbour.
app_ticks() {
  local total=0 pm pid
  pm=$(pgrep -f -- "-D $DATA/pg" | head -1 || true)
  for pid in $APP_PID $pm $( [ -n "$pm" ] && pgrep -P "$pm" || true); do
    total=$((total + $(awk '{print $14+$15+$16+$17}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
peak=0
a0=$(app_ticks); m0=$(machine_ticks)
t0=$(date +%s%N)
curl -fs -b "$JAR_COOKIES" -H "Origin: $BASE" -F "files=@$DATA/export.zip" "$BASE/api/imports" >/dev/null
while :; do
  sample_heap
  state=$(curl -fs -b "$JAR_COOKIES" "$BASE/api/imports/latest" | python3 -c 'import sys,json; print(json.load(sys.stdin)["state"])')
  if [ "$state" = "done" ]; then break; fi
  sleep 0.5
done
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
a1=$(app_ticks); m1=$(machine_ticks)
report=$(curl -fs -b "$JAR_COOKIES" "$BASE/api/imports/latest" | python3 -c 'import sys,json; j=json.load(sys.stdin); print(j["activitiesNew"], j["filesFailed"])')
read -r added failed <<<"$report"
echo "import: $added activities ($failed files failed) from a $(du -m "$DATA/export.zip" | cut -f1) MB export in ${ms} ms = $(( added * 1000 / ms )) activities/s (upload, unpack, parse, store, merge check, loads)"
echo "peak heap used (jstat samples every 500 ms): ${peak} MB with ${JAVA_OPTS:--Xmx256m}"
echo "CPU: $(( (a1 - a0) * 10 / (added > 0 ? added : 1) )) ms per activity (app and PostgreSQL); machine busy $(( (m1 - m0) * 1000 / ms ))% of one core, this import $(( (a1 - a0) * 1000 / ms ))% (load average $(cut -d' ' -f1 /proc/loadavg))"
