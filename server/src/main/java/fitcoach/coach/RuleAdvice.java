package fitcoach.coach;

import fitcoach.analytics.LoadStats;
import fitcoach.analytics.PmcDayView;
import fitcoach.load.FormZone;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcSeries;
import fitcoach.readiness.LoadRule;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Today's train-or-rest answer from rules on form, ramp rate and workload ratio alone: works with no AI configured and
 * is labelled as rule-based wherever it is shown.
 *
 * @param verdict one of rest, easy, train, hard; {@code none} with no activity at all (there is nothing to judge)
 * @param history how much history the numbers rest on: {@code none}, {@code short} (under {@value #SHORT_DAYS} days:
 *                fitness and fatigue are still settling, take the verdict as a rough guide), {@code settling} (under
 *                the load engine's warm-up, fitness still reads low) or {@code full}
 * @param historyDays days from the first activity to today, null with none
 */
public record RuleAdvice(String verdict, String headline, String advice, String source, double fitness, double fatigue,
                         double form, String zone, String zoneWords, double ramp, String history, Long historyDays) {
  /** Two weeks: until then the 7-day fatigue has barely seen a full week and the 42-day fitness almost nothing. */
  static final int SHORT_DAYS = 14;

  /** Today's advice from the athlete's chart. */
  public static RuleAdvice of(PmcSeries series) {
    return of(series.onToday(), series.firstActivity(), series.today(), series.warmingUp());
  }

  static RuleAdvice of(PmcDay day, Optional<LocalDate> firstActivity, LocalDate today, boolean warmingUp) {
    if (firstActivity.isEmpty()) {
      // With no activity every number is zero, which reads as "neutral": judging that would invent a verdict.
      return new RuleAdvice("none", "Nothing to judge yet",
          "There is no training here yet, so there is no form to judge. Bring in your activities first: import your "
              + "activity files or your Strava export, connect Strava, or load the demo athlete to look around.",
          "rules", 0, 0, 0, day.zone().name().toLowerCase(java.util.Locale.ROOT), LoadStats.meaning(day.zone()), 0,
          "none", null);
    }
    long days = ChronoUnit.DAYS.between(firstActivity.get(), today);
    RuleAdvice judged = of(day, warmingUp);
    if (days < SHORT_DAYS) {
      String since = days <= 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
      return judged.with("short", days, "Your history starts " + since + ", so fitness, fatigue and form are still "
          + "settling: take this as a rough guide. " + judged.advice().replace(SETTLING, ""));
    }
    return judged.with(warmingUp ? "settling" : "full", days, judged.advice());
  }

  private static final String SETTLING = " (Your history is still short, so these numbers are still settling.)";

  private RuleAdvice with(String history, long days, String advice) {
    return new RuleAdvice(verdict, headline, advice, source, fitness, fatigue, form, zone, zoneWords, ramp, history, days);
  }

  static RuleAdvice of(PmcDay day, boolean warmingUp) {
    FormZone zone = day.zone();
    double acwr = day.acwr();
    // The verdict is the load rules' (their one definition, shared with the readiness card); this class words it.
    LoadRule rule = LoadRule.of(day);
    String verdict = rule.verdict().wire();
    String advice;
    switch (rule) {
      case OVERLOAD:
        advice = "Form is below −30: you are carrying a lot of fatigue. Rest, or at most 30 minutes of very easy movement.";
        break;
      case STEEP_LOAD:
        advice = "Your load has climbed quickly (ramp " + Formats.signed(day.ramp(), 1) + " per week"
            + (Double.isFinite(acwr) ? ", workload ratio " + Formats.number(acwr, 2) : "")
            + "). Keep today easy and aerobic so the body can absorb it.";
        break;
      case DEEP_FATIGUE:
        advice = "You are in productive but deep fatigue. An easy endurance session today; save intensity for when form recovers.";
        break;
      case PRODUCTIVE:
        advice = "You are tired in a productive way. A normal endurance session is fine; keep hard efforts short.";
        break;
      case FRESH:
        advice = "You are fresh. A good day for intervals, a long session or a race effort.";
        break;
      case TRANSITION:
        advice = "You have had a long easy spell and fitness is fading. Train, building back gradually.";
        break;
      default:
        advice = "Neither fresh nor tired: a normal training day, quality session included if it fits your plan.";
        break;
    }
    String headline = rule.verdict().label();
    if (warmingUp) {
      advice += SETTLING;
    }
    // Rounded as the dashboard rounds them, so the athlete sees the same numbers in both places.
    return new RuleAdvice(verdict, headline, advice, "rules", PmcDayView.round(day.ctl()), PmcDayView.round(day.atl()),
        PmcDayView.round(day.form()), zone.name().toLowerCase(java.util.Locale.ROOT), LoadStats.meaning(zone),
        PmcDayView.round(day.ramp()), warmingUp ? "settling" : "full", null);
  }
}
