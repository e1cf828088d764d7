#!/usr/bin/env bash
# The coach's tools on ten years of demo data (about 3,000 activities), through the real registry against embedded
# PostgreSQL, and the input tokens of a chat turn before and after the tools for the issue's four questions (the
# fixed full context against the card plus tool specs and the lookups a model makes, counted in full and with the
# cached prefix, and the four as one conversation priced by Anthropic's token kinds). RUNS (default 200) timed calls
# per tool after a warm-up.
# Goals (issue 15): tool execution p95 under 20 ms per tool; at least 40 % fewer input tokens per chat turn.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
mvn -B -q install -DskipTests -Dui.skip=true >/dev/null
run() {
  mvn -B -q -o -pl server test -Dfitcoach.bench=true -Dtest="$1" -Dsurefire.failIfNoSpecifiedTests=false \
    -DtrimStackTrace=true >/tmp/coach-tools-bench-$1.log 2>&1 || echo "($1 reported failures: /tmp/coach-tools-bench-$1.log)"
}
echo "== activity tools (search_activities, get_activity, athlete_profile)"
run CoachToolsBench
cat server/target/coach-tools-bench.txt
echo "== range tools (training_load, compare_periods, performance_curve, project_form)"
run RangeToolsBench
grep -h "BENCH" /tmp/coach-tools-bench-RangeToolsBench.log server/target/surefire-reports/*RangeToolsBench-output.txt 2>/dev/null | sort -u
echo "== input tokens per chat turn"
run CoachTokensBench
cat server/target/coach-tokens-bench.txt
