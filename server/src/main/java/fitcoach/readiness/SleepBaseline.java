package fitcoach.readiness;

import java.time.LocalDate;
import java.util.List;

/**
 * Sleep against the athlete's usual: last night (today's entry: the night that ended this morning) and the 7-day mean
 * (today and the 6 days before) against the mean of the 30 days before today. Short when last night is at least
 * {@value #SHORT_NIGHT_H} h under the usual, or the 7-day mean at least {@value #DEBT_H} h under it (a week of sleep
 * debt). Thresholds are ours [P]: sleep loss of this size impairs next-day performance and recovery (Fullagar et al.,
 * "Sleep and athletic performance", Sports Med 2015;45:161–186).
 *
 * @param lastNight today's sleep hours, null when not recorded
 * @param week the 7-day mean, null with fewer than {@value #MIN_WEEK} values
 * @param usual the 30-day mean, null with fewer than {@value #MIN_USUAL} values ("still learning")
 */
public record SleepBaseline(Double lastNight, Double week, int weekCount, Double usual, int usualCount) {
  public static final int WEEK_DAYS = 7;
  public static final int USUAL_DAYS = 30;
  public static final int MIN_WEEK = 3;
  public static final int MIN_USUAL = 7;
  public static final double SHORT_NIGHT_H = 1.5;
  public static final double DEBT_H = 1.0;

  public enum Status { LEARNING, NO_RECENT, SHORT, USUAL }

  public static SleepBaseline of(List<WellnessDay> days, LocalDate today) {
    DailyValues sleep = DailyValues.of(days, WellnessDay::sleepHours);
    DailyValues.Window recent = sleep.window(today.minusDays(WEEK_DAYS - 1), today);
    DailyValues.Window base = sleep.window(today.minusDays(USUAL_DAYS), today.minusDays(1));
    return new SleepBaseline(sleep.on(today), recent.count() < MIN_WEEK ? null : recent.mean(), recent.count(),
        base.count() < MIN_USUAL ? null : base.mean(), base.count());
  }

  public boolean shortNight() {
    return usual != null && lastNight != null && lastNight <= usual - SHORT_NIGHT_H;
  }

  public boolean debt() {
    return usual != null && week != null && week <= usual - DEBT_H;
  }

  public Status status() {
    if (usual == null) {
      return Status.LEARNING;
    }
    if (lastNight == null && week == null) {
      return Status.NO_RECENT;
    }
    return shortNight() || debt() ? Status.SHORT : Status.USUAL;
  }
}
