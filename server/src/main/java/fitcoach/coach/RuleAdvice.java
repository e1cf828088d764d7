package fitcoach.coach;

import fitcoach.analytics.LoadStats;
import fitcoach.analytics.PmcDayView;
import fitcoach.load.FormZone;
import fitcoach.load.PmcDay;

/**
 * Today's train-or-rest answer from rules on form, ramp rate and workload ratio alone: works with no AI configured and
 * is labelled as rule-based wherever it is shown.
 *
 * @param verdict one of rest, easy, train, hard
 */
public record RuleAdvice(String verdict, String headline, String advice, String source, double fitness, double fatigue,
                         double form, String zone, String zoneWords, double ramp) {
  static final double STEEP_RAMP = 8;
  static final double HIGH_ACWR = 1.5;

  public static RuleAdvice of(PmcDay day, boolean warmingUp) {
    FormZone zone = day.zone();
    double acwr = day.acwr();
    String verdict;
    String headline;
    String advice;
    if (zone == FormZone.OVERLOAD) {
      verdict = "rest";
      headline = "Rest day";
      advice = "Form is below −30: you are carrying a lot of fatigue. Rest, or at most 30 minutes of very easy movement.";
    } else if (day.ramp() > STEEP_RAMP || (Double.isFinite(acwr) && acwr > HIGH_ACWR)) {
      verdict = "easy";
      headline = "Easy day";
      advice = "Your load has climbed quickly (ramp " + Formats.signed(day.ramp(), 1) + " per week"
          + (Double.isFinite(acwr) ? ", workload ratio " + Formats.number(acwr, 2) : "")
          + "). Keep today easy and aerobic so the body can absorb it.";
    } else if (zone == FormZone.OPTIMAL) {
      verdict = day.form() < -20 ? "easy" : "train";
      headline = day.form() < -20 ? "Easy day" : "Train";
      advice = day.form() < -20
          ? "You are in productive but deep fatigue. An easy endurance session today; save intensity for when form recovers."
          : "You are tired in a productive way. A normal endurance session is fine; keep hard efforts short.";
    } else if (zone == FormZone.FRESH) {
      verdict = "hard";
      headline = "Train hard";
      advice = "You are fresh. A good day for intervals, a long session or a race effort.";
    } else if (zone == FormZone.TRANSITION) {
      verdict = "train";
      headline = "Train";
      advice = "You have had a long easy spell and fitness is fading. Train, building back gradually.";
    } else {
      verdict = "train";
      headline = "Train";
      advice = "Neither fresh nor tired: a normal training day, quality session included if it fits your plan.";
    }
    if (warmingUp) {
      advice += " (Your history is still short, so these numbers are still settling.)";
    }
    // Rounded as the dashboard rounds them, so the athlete sees the same numbers in both places.
    return new RuleAdvice(verdict, headline, advice, "rules", PmcDayView.round(day.ctl()), PmcDayView.round(day.atl()),
        PmcDayView.round(day.form()), zone.name().toLowerCase(java.util.Locale.ROOT), LoadStats.meaning(zone),
        PmcDayView.round(day.ramp()));
  }
}
