#!/usr/bin/env bash
# Training-load performance with ten years of history (~20,000 activities from the demo generator):
# full recompute time, and p95 of the PMC, activity-page and weekly-analytics reads under concurrent wrk load.
# Goals (issue #3): recompute < 200 ms; PMC (10 y) p95 < 30 ms; activities page p95 < 10 ms; 52-week analytics p95 < 30 ms.
source "$(dirname "$0")/lib.sh"
ensure_jar
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
DATA="$(mktemp -d)"
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
trap 'stop_app; rm -rf "$DATA"' EXIT
start_app "$DATA" "$PORT" "$DATA/app.log"
wait_healthy "$PORT" >/dev/null

cookie=$(curl -fs -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"benchmark password"}' "$BASE/api/auth/setup" \
  | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(fitcoach_token=[^;]*\).*/\1/p')
demo=$(curl -fs -H "Cookie: $cookie" -H 'Content-Type: application/json' -d '{"years":10,"sessionsPerWeek":42}' "$BASE/api/demo")
echo "demo history: $demo (insert + first full recompute)"

for i in 1 2 3 4 5; do
  curl -fs -H "Cookie: $cookie" -X POST "$BASE/api/load/recompute"; echo
done | sed 's/^/full recompute (every load, then the whole chart written): /'

today=$(date -u +%F)
from=$(date -u -d '10 years ago' +%F)
run() {
  local name=$1 url=$2
  wrk -t2 -c16 -d3s -H "Cookie: $cookie" "$url" >/dev/null
  printf '%-28s ' "$name:"
  wrk -t2 -c${CONNECTIONS:-16} -d${DURATION:-10s} -s "$(dirname "$0")/percentiles.lua" -H "Cookie: $cookie" "$url" | tail -1
}
bytes=$(curl -fs -H "Cookie: $cookie" "$BASE/api/load/pmc?from=$from&to=$today" | wc -c)
echo "PMC for ten years: $bytes bytes of JSON"
run "GET /api/load/pmc (10 y)" "$BASE/api/load/pmc?from=$from&to=$today"
run "GET /api/activities (50)" "$BASE/api/activities?limit=50"
run "GET /api/analytics/weekly 52" "$BASE/api/analytics/weekly?weeks=52"
