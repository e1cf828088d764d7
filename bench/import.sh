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
peak=0
t0=$(date +%s%N)
curl -fs -b "$JAR_COOKIES" -H "Origin: $BASE" -F "files=@$DATA/export.zip" "$BASE/api/imports" >/dev/null
while :; do
  sample_heap
  state=$(curl -fs -b "$JAR_COOKIES" "$BASE/api/imports/latest" | python3 -c 'import sys,json; print(json.load(sys.stdin)["state"])')
  if [ "$state" = "done" ]; then break; fi
  sleep 0.5
done
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
report=$(curl -fs -b "$JAR_COOKIES" "$BASE/api/imports/latest" | python3 -c 'import sys,json; j=json.load(sys.stdin); print(j["activitiesNew"], j["filesFailed"])')
read -r added failed <<<"$report"
echo "import: $added activities ($failed files failed) from a $(du -m "$DATA/export.zip" | cut -f1) MB export in ${ms} ms = $(( added * 1000 / ms )) activities/s (upload, unpack, parse, store, merge check, loads)"
echo "peak heap used (jstat samples every 500 ms): ${peak} MB with ${JAVA_OPTS:--Xmx256m}"
