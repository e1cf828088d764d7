package fitcoach.readiness;

import java.time.LocalDate;
import java.util.List;

/**
 * Resting heart rate against its baseline: the 7-day mean (today and the 6 days before) against the mean of the 60 days
 * before today. Elevated when the 7-day mean is more than {@value #ELEVATED_BPM} bpm above the baseline, or, once the
 * SD is known ({@value #MIN_SD} values), more than 1 SD above it. A resting HR raised over several days is the
 * classic sign of incomplete recovery or illness coming on (the resting-HR half of HRV4Training's normal values).
 *
 * @param rolling the 7-day mean, null with fewer than {@value #MIN_ROLLING} values in the 7 days
 * @param mean the 60-day mean, null with fewer than {@value #MIN_BASELINE} values ("still learning")
 * @param sd the 60-day sample SD, null with fewer than {@value #MIN_SD} values
 */
public record RestingHrBaseline(Double rolling, int rollingCount, Double mean, Double sd, int baselineCount) {
  public static final int ROLLING_DAYS = 7;
  public static final int BASELINE_DAYS = 60;
  public static final int MIN_ROLLING = 3;
  public static final int MIN_BASELINE = 7;
  public static final int MIN_SD = 14;
  public static final double ELEVATED_BPM = 5;

  public enum Status { LEARNING, NO_RECENT, ELEVATED, NORMAL }

  public static RestingHrBaseline of(List<WellnessDay> days, LocalDate today) {
    DailyValues hr = DailyValues.of(days, WellnessDay::restingHr);
    DailyValues.Window recent = hr.window(today.minusDays(ROLLING_DAYS - 1), today);
    DailyValues.Window base = hr.window(today.minusDays(BASELINE_DAYS), today.minusDays(1));
    return new RestingHrBaseline(recent.count() < MIN_ROLLING ? null : recent.mean(), recent.count(),
        base.count() < MIN_BASELINE ? null : base.mean(), base.count() < MIN_SD ? null : base.sd(), base.count());
  }

  /** The 7-day mean minus the baseline, null without both. */
  public Double difference() {
    return rolling == null || mean == null ? null : rolling - mean;
  }

  public Status status() {
    if (mean == null) {
      return Status.LEARNING;
    }
    if (rolling == null) {
      return Status.NO_RECENT;
    }
    double up = difference();
    return up > ELEVATED_BPM || (sd != null && up > sd) ? Status.ELEVATED : Status.NORMAL;
  }
}
