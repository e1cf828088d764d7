package fitcoach.readiness;

import static fitcoach.readiness.Days.DEEP;
import static fitcoach.readiness.Days.FRESH;
import static fitcoach.readiness.Days.HRV_BELOW;
import static fitcoach.readiness.Days.HRV_WITHIN;
import static fitcoach.readiness.Days.NEUTRAL;
import static fitcoach.readiness.Days.OVERLOAD;
import static fitcoach.readiness.Days.RHR_NONE;
import static fitcoach.readiness.Days.RHR_UP;
import static fitcoach.readiness.Days.SLEEP_SHORT;
import static fitcoach.readiness.Days.STEEP;
import static fitcoach.readiness.Days.on;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The decision table, row by row: each rule alone, conflicts, safety first, and no wellness = the load rules' verdict. */
class ReadinessRulesTest {

  static Stream<Arguments> table() {
    return Stream.of(
        // No wellness: exactly the load-only verdicts RuleAdvice has always given (the vectors of RuleAdviceTest).
        row("no wellness, neutral form", on(NEUTRAL), Verdict.TRAIN),
        row("no wellness, fresh", on(FRESH), Verdict.HARD),
        row("no wellness, overload", on(OVERLOAD), Verdict.REST),
        row("no wellness, steep ramp", on(STEEP), Verdict.EASY),
        row("no wellness, workload ratio 1.6", on(Days.day(50, 40, 3, 1.6)), Verdict.EASY),
        row("no wellness, deep productive fatigue", on(DEEP), Verdict.EASY),
        row("no wellness, productive fatigue", on(Days.day(50, 65, 2, 1.0)), Verdict.TRAIN),
        row("no wellness, transition", on(Days.day(50, 20, -2, 0.5)), Verdict.TRAIN),
        row("no activity, no wellness", on(NEUTRAL).noActivity(), Verdict.NONE),
        // Each wellness rule alone, on a fresh (hard) day.
        row("illness alone", on(FRESH).ill(), Verdict.REST, "illness"),
        row("injury alone", on(FRESH).injured(), Verdict.REST, "injury"),
        row("HRV below range alone", on(FRESH).hrv(HRV_BELOW), Verdict.TRAIN, "hrv-low"),
        row("resting HR up alone", on(FRESH).rhr(RHR_UP), Verdict.TRAIN, "resting-hr-up"),
        row("short sleep alone", on(FRESH).sleep(SLEEP_SHORT), Verdict.TRAIN, "sleep-short"),
        row("soreness alone", on(FRESH).scores(5, null, null), Verdict.TRAIN, "soreness-high"),
        row("stress alone", on(FRESH).scores(null, 4, null), Verdict.TRAIN, "stress-high"),
        row("low motivation alone", on(FRESH).scores(null, null, 2), Verdict.TRAIN, "motivation-low"),
        // Safety rules and combinations.
        row("HRV below range and resting HR up together", on(FRESH).hrv(HRV_BELOW).rhr(RHR_UP), Verdict.EASY,
            "hrv-low-and-resting-hr-up", "hrv-low", "resting-hr-up"),
        row("three recovery signals for rest pile up", on(FRESH).sleep(SLEEP_SHORT).scores(5, 5, null), Verdict.EASY,
            "recovery-pile-up", "sleep-short", "soreness-high", "stress-high"),
        row("illness wins over every good signal", on(FRESH).allGood().ill(), Verdict.REST, "illness"),
        row("illness is rest even with no training history", on(NEUTRAL).noActivity().ill(), Verdict.REST, "illness"),
        row("injury and illness together", on(FRESH).ill().injured(), Verdict.REST, "illness", "injury"),
        row("HRV and resting HR with no history stay without a verdict", on(NEUTRAL).noActivity().hrv(HRV_BELOW).rhr(RHR_UP),
            Verdict.NONE, "hrv-low-and-resting-hr-up", "hrv-low", "resting-hr-up"),
        // Conflicts: wellness only lowers, never raises; the most cautious rule wins.
        row("every recovery signal good cannot lift an overload rest day", on(OVERLOAD).allGood(), Verdict.REST),
        row("every recovery signal good cannot lift a neutral day to hard", on(NEUTRAL).allGood(), Verdict.TRAIN),
        row("short sleep on a steep-ramp easy day stays easy", on(STEEP).sleep(SLEEP_SHORT), Verdict.EASY, "sleep-short"),
        row("HRV below range but motivation up: HRV caps a fresh day", on(FRESH).hrv(HRV_BELOW).scores(null, null, 5),
            Verdict.TRAIN, "hrv-low"),
        row("resting HR up without an HRV baseline is not the safety pair", on(FRESH).rhr(RHR_UP)
            .hrv(new HrvBaseline(3.5, 7, null, null, 10)), Verdict.TRAIN, "resting-hr-up"),
        row("HRV in range and resting HR missing: no rule", on(FRESH).hrv(HRV_WITHIN).rhr(RHR_NONE), Verdict.HARD));
  }

  private static Arguments row(String name, Days.Builder facts, Verdict expected, String... fired) {
    return Arguments.of(name, facts, expected, List.of(fired));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void rule(String name, Days.Builder facts, Verdict expected, List<String> fired) {
    ReadinessRules.Decision decision = ReadinessRules.decide(facts.facts(), Set.of());
    assertThat(decision.verdict()).as(name).isEqualTo(expected);
    assertThat(decision.fired().stream().map(ReadinessRules.Rule::id).toList()).as(name).containsExactlyInAnyOrderElementsOf(fired);
  }
}
