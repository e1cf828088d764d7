package fitcoach.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The decision table. The load rules ({@link LoadRule}) give a verdict from form, ramp and workload ratio; the wellness
 * rules below can only lower it, each to at most its {@code atMost}, never raise it. Safety rules win: illness or
 * injury is rest whatever the load says (even with no training history), and HRV below its range together with an
 * elevated resting HR is easy at most. Monotony/strain and days since the last hard session are shown and weighed in the
 * confidence but move no verdict, so with no wellness the verdict is exactly the load rules' one.
 */
public final class ReadinessRules {
  /** This many recovery signals for rest at once make the day easy at most, whatever each says alone. */
  public static final int PILE_UP = 3;

  /**
   * One row of the table.
   *
   * @param when the condition in words (README and the card)
   * @param reason the headline's reason when this rule decides the verdict
   * @param clears what would have to happen for it to stop firing ("what would change it")
   * @param signals the signal keys it reads
   */
  public record Rule(String id, String when, Verdict atMost, boolean safety, String reason, String clears,
                     List<String> signals, Predicate<Facts> fires) {}

  public static final List<Rule> WELLNESS = List.of(
      new Rule("illness", "Illness ticked this morning", Verdict.REST, true, "you reported illness",
          "Illness gone", List.of("illness"), Facts::illness),
      new Rule("injury", "Injury ticked this morning", Verdict.REST, true, "you reported an injury",
          "Injury cleared", List.of("injury"), Facts::injury),
      new Rule("hrv-low-and-resting-hr-up", "HRV 7-day mean below its normal range and resting HR elevated",
          Verdict.EASY, true, "HRV is below your normal range and resting HR is up",
          "HRV back inside your normal range or resting HR back to baseline", List.of("hrv", "restingHr"),
          f -> f.hrvLow() && f.restingHrUp()),
      new Rule("recovery-pile-up", PILE_UP + " or more recovery signals for rest", Verdict.EASY, false,
          "several recovery signals point to rest", "Fewer than " + PILE_UP + " recovery signals pointing to rest",
          List.of("hrv", "restingHr", "sleep", "soreness", "stress", "motivation"), f -> f.wellnessForRest() >= PILE_UP),
      new Rule("hrv-low", "HRV 7-day mean below its normal range", Verdict.TRAIN, false,
          "HRV is below your normal range", "HRV back inside your normal range", List.of("hrv"), Facts::hrvLow),
      new Rule("resting-hr-up", "Resting HR 7-day mean more than " + fmt(RestingHrBaseline.ELEVATED_BPM)
          + " bpm (or 1 SD) above baseline", Verdict.TRAIN, false, "resting HR is up", "Resting HR back to baseline",
          List.of("restingHr"), Facts::restingHrUp),
      new Rule("sleep-short", "Last night " + fmt(SleepBaseline.SHORT_NIGHT_H) + " h or more under usual, or the 7-day mean "
          + fmt(SleepBaseline.DEBT_H) + " h or more under", Verdict.TRAIN, false, "you are short of sleep",
          "A night of your usual sleep", List.of("sleep"), Facts::sleepShort),
      new Rule("soreness-high", "Soreness " + ScoreBaseline.BAD_END + "+ and a point or more above usual", Verdict.TRAIN,
          false, "you are sorer than usual", "Soreness back to usual", List.of("soreness"), f -> Facts.worse(f.soreness())),
      new Rule("stress-high", "Stress " + ScoreBaseline.BAD_END + "+ and a point or more above usual", Verdict.TRAIN,
          false, "you are more stressed than usual", "Stress back to usual", List.of("stress"), f -> Facts.worse(f.stress())),
      new Rule("motivation-low", "Motivation " + ScoreBaseline.LOW_END + " or less and a point or more below usual",
          Verdict.TRAIN, false, "motivation is low", "Motivation back to usual", List.of("motivation"),
          f -> Facts.worse(f.motivation())));

  private ReadinessRules() {}

  /** The verdict and the wellness rules that fired, with the rules named in {@code suppressed} left out. */
  static Decision decide(Facts facts, Set<String> suppressed) {
    Verdict verdict = facts.hasActivity() ? facts.loadRule().verdict() : Verdict.NONE;
    List<Rule> fired = new ArrayList<>();
    for (Rule rule : WELLNESS) {
      if (!suppressed.contains(rule.id()) && rule.fires().test(facts)) {
        fired.add(rule);
        // Illness and injury are rest even with no history to judge: there is something to say.
        verdict = rule.safety() && rule.atMost() == Verdict.REST ? Verdict.REST : verdict.atMost(rule.atMost());
      }
    }
    return new Decision(verdict, fired);
  }

  /** A verdict and the wellness rules behind it. */
  record Decision(Verdict verdict, List<Rule> fired) {
    /** Fired rules that hold the verdict where it is (their cap is the verdict). */
    List<Rule> binding() {
      return fired.stream().filter(r -> r.atMost() == verdict).toList();
    }
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
