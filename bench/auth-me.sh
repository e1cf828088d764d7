#!/usr/bin/env bash
# GET /api/auth/me with a valid session cookie under load from wrk on loopback: throughput and p99.
# Goal (issue #2): > 10,000 requests/s and p99 < 10 ms on 2 cores (wrk shares those cores). Also the JVM's RSS after
# the load (issue #19: under 300 MB as the README runs it; LAUNCH=java for plain `java -jar`).
source "$(dirname "$0")/lib.sh"
ensure_jar
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
DATA="$(mktemp -d)"
PORT="$(free_port)"
trap 'stop_app; rm -rf "$DATA"' EXIT
start_app "$DATA" "$PORT" "$DATA/app.log"
wait_healthy "$PORT" >/dev/null

cookie=$(curl -fs -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"benchmark password"}' \
  "http://127.0.0.1:$PORT/api/auth/setup" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(fitcoach_token=[^;]*\).*/\1/p')
[ -n "$cookie" ] || { echo "setup did not return a cookie" >&2; exit 1; }
curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$PORT/api/auth/me" >/dev/null

# Warm up the JIT, then measure.
wrk -t2 -c32 -d5s -H "Cookie: $cookie" "http://127.0.0.1:$PORT/api/auth/me" >/dev/null
out=$(wrk -t2 -c${CONNECTIONS:-32} -d${DURATION:-15s} --latency -H "Cookie: $cookie" "http://127.0.0.1:$PORT/api/auth/me")
echo "$out"
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
echo "auth/me: ${rps} requests/s, p99 ${p99}, non-2xx ${non2xx:-0}"
echo "JVM RSS after the load: $(rss_mb "$APP_PID") MB (peak $(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$APP_PID/status") MB)"
