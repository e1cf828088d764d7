#!/usr/bin/env bash
# Backfill of 10,000 activities from the fake Strava (no rate limit) through the real app: end-to-end time
# (fetch, map, upsert, load) and peak heap of the app JVM, sampled with jstat.
# Goal (issue #4): under 10 s on 2 cores, heap bounded by a page rather than by the history.
source "$(dirname "$0")/lib.sh"
COUNT="${COUNT:-10000}"
ensure_jar
(cd "$ROOT" && mvn -B -q test-compile -Dui.skip=true -pl server -am >/dev/null)
DATA="$(mktemp -d)"
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
# The fake lives in the test classes; everything it needs (Vert.x) is inside the fat jar.
java -cp "$ROOT/server/target/test-classes:$JAR" fitcoach.testing.FakeStravaMain "$COUNT" "$DATA/fake-url" >"$DATA/fake.log" 2>&1 &
FAKE_PID=$!
trap 'stop_app; kill $FAKE_PID 2>/dev/null; cp "$DATA/app.log" /tmp/last-backfill-app.log 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 600); do [ -s "$DATA/fake-url" ] && break; sleep 0.1; done
FAKE="$(cat "$DATA/fake-url")"

STRAVA_BASE_URL="$FAKE" STRAVA_CLIENT_ID=12345 STRAVA_CLIENT_SECRET=fake-client-secret \
  JAVA_OPTS="${JAVA_OPTS:--Xmx512m}" start_app "$DATA" "$PORT" "$DATA/app.log"
wait_healthy "$PORT" >/dev/null
JAR="$DATA/cookies"
curl -fs -c "$JAR" -H 'Content-Type: application/json' -d '{"email":"bench@example.com","password":"benchmark password"}' \
  "$BASE/api/auth/setup" >/dev/null
authorize=$(curl -fs -b "$JAR" -o /dev/null -w '%{redirect_url}' "$BASE/api/strava/connect")
callback=$(curl -fs -o /dev/null -w '%{redirect_url}' "$authorize")

peak=0
t0=$(date +%s%N)
curl -fs -b "$JAR" -o /dev/null "$callback"
while :; do
  sample_heap
  state=$(curl -fs -b "$JAR" "$BASE/api/strava/status" | python3 -c 'import sys,json; s=json.load(sys.stdin)["sync"]; print(s["state"] if s else "none")')
  if [ "$state" = "done" ] || [ "$state" = "failed" ]; then break; fi
  sleep 0.2
done
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
count=$(curl -fs -b "$JAR" "$BASE/api/activities?limit=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)["total"])')
echo "strava backfill: $count activities, state $state, ${ms} ms end to end (callback to done, loads and chart included)"
echo "peak heap used (jstat samples every 200 ms): ${peak} MB with ${JAVA_OPTS:--Xmx512m}"
