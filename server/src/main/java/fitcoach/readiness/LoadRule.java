package fitcoach.readiness;

import fitcoach.load.FormZone;
import fitcoach.load.PmcDay;

/**
 * The load-only rules, first match wins: the verdict from form zone, ramp rate and workload ratio that
 * {@code coach.RuleAdvice} has always given (it words each one; this is their one definition). They read the load
 * engine's own numbers for the day ({@link PmcDay}); nothing here recomputes a load number.
 */
public enum LoadRule {
  /** Form below −30 (the overload zone). */
  OVERLOAD(Verdict.REST),
  /** Ramp above {@value #STEEP_RAMP} CTL a week, or workload ratio above {@value #HIGH_ACWR}. */
  STEEP_LOAD(Verdict.EASY),
  /** Productive zone but form below {@value #DEEP_FORM}. */
  DEEP_FATIGUE(Verdict.EASY),
  /** Productive zone, form {@value #DEEP_FORM} or above. */
  PRODUCTIVE(Verdict.TRAIN),
  /** Fresh zone. */
  FRESH(Verdict.HARD),
  /** Transition zone: a long easy spell. */
  TRANSITION(Verdict.TRAIN),
  /** Neutral zone. */
  NEUTRAL(Verdict.TRAIN);

  /** CTL points a week: GC's red line (training-science §0). */
  public static final double STEEP_RAMP = 8;
  /** Acute:chronic above this is a spike (shown as information only, §4.3, but it keeps the day easy). */
  public static final double HIGH_ACWR = 1.5;
  public static final double DEEP_FORM = -20;

  private final Verdict verdict;

  LoadRule(Verdict verdict) {
    this.verdict = verdict;
  }

  public Verdict verdict() {
    return verdict;
  }

  public static LoadRule of(PmcDay day) {
    FormZone zone = day.zone();
    if (zone == FormZone.OVERLOAD) {
      return OVERLOAD;
    }
    if (steep(day)) {
      return STEEP_LOAD;
    }
    if (zone == FormZone.OPTIMAL) {
      return day.form() < DEEP_FORM ? DEEP_FATIGUE : PRODUCTIVE;
    }
    if (zone == FormZone.FRESH) {
      return FRESH;
    }
    return zone == FormZone.TRANSITION ? TRANSITION : NEUTRAL;
  }

  static boolean steep(PmcDay day) {
    return day.ramp() > STEEP_RAMP || (Double.isFinite(day.acwr()) && day.acwr() > HIGH_ACWR);
  }

  /** The rule's id in the card, e.g. {@code load-overload}. */
  public String id() {
    return "load-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
