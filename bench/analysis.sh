#!/usr/bin/env bash
# The per-activity analysis engine (fitcoach.analysis) on a generated 6 h ride at 1 Hz with power, heart rate, speed
# and distance: 1 Hz grid, curves, NP and best efforts; median over RUNS runs after WARMUP (defaults 50 and 30).
# Goal (issue 14): one 6 h ride under 50 ms on 2 cores. Pure Java: no jar, app or database needed.
source "$(dirname "$0")/lib.sh"
(cd "$ROOT" && mvn -B -q test-compile -Dui.skip=true -pl server -am >/dev/null)
java ${JAVA_OPTS:-} -cp "$ROOT/server/target/classes:$ROOT/server/target/test-classes" fitcoach.analysis.AnalysisBench \
  "${RUNS:-50}" "${WARMUP:-30}"
