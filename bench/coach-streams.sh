#!/usr/bin/env bash
# STREAMS (default 100) concurrent coach answers of TOKENS (default 1,000) tokens each from the fake Anthropic at full
# speed through the real app's SSE endpoint: all complete and in order; latency the app adds per token (p50/p99);
# heap per finished and per open stream.
# Goal (issue #6): p99 added latency under 5 ms, under 100 KB per stream.
# PACED_ONLY=1 runs only the paced runs (quicker, for working on latency).
source "$(dirname "$0")/lib.sh"
STREAMS="${STREAMS:-100}"
TOKENS="${TOKENS:-1000}"
ensure_jar
(cd "$ROOT" && mvn -B -q test-compile -Dui.skip=true -pl server -am >/dev/null)
DATA="$(mktemp -d)"
PORT="$(free_port)"
FAKE_PORT="$(free_port)"
trap 'stop_app; cp "$DATA/app.log" /tmp/last-coach-streams-app.log 2>/dev/null; rm -rf "$DATA"' EXIT
CLASSPATH="$ROOT/server/target/test-classes:$JAR"
export JFC="$ROOT/bench/token-latency.jfc"
# The STREAMS readers stand for as many athletes but all come from 127.0.0.1: lift the per-address connection limit
# (64 by default), which would otherwise close the connections beyond it.
# Plain java -jar: the benchmark starts Flight Recorder in the app, which Java 17 cannot combine with the launcher's archive.
ANTHROPIC_BASE_URL="http://127.0.0.1:$FAKE_PORT" CLAUDE_API_KEY="sk-ant-api03-fake-key-for-tests-0000" \
  LAUNCH=java FITCOACH_MAX_CONNECTIONS_PER_CLIENT=0 JAVA_OPTS="${JAVA_OPTS:--Xmx512m}" start_app "$DATA" "$PORT" "$DATA/app.log"
wait_healthy "$PORT" >/dev/null
java ${BENCH_JAVA_OPTS:-} -cp "$CLASSPATH" fitcoach.testing.CoachStreamBench "$PORT" "$FAKE_PORT" "$APP_PID" "$STREAMS" "$TOKENS"
echo "app JVM RSS after the run: $(rss_mb "$APP_PID") MB (${JAVA_OPTS:--Xmx512m})"
