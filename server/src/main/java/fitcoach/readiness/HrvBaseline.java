package fitcoach.readiness;

import java.time.LocalDate;
import java.util.List;

/**
 * HRV against the athlete's normal range, the HRV4Training / Plews convention: the 7-day rolling mean of ln(rMSSD)
 * compared with a normal range of the 60-day baseline mean ± {@value #RANGE_SD} SD of the daily ln(rMSSD) values.
 * Sources: M. Altini, "The importance of normal values" (HRV4Training blog, 2022: normal values from the past 60 days
 * of data, built on the smallest worthwhile change); Plews, Laursen, Stanley, Kilding &amp; Buchheit, "Training
 * adaptation and heart rate variability in elite endurance athletes: opening the door to effective monitoring",
 * Sports Med 2013;43:773–781 (ln rMSSD, 7-day rolling mean against an SD-based band); Plews et al., "Monitoring
 * training with heart-rate variability: how much compliance is needed for valid assessment?", IJSPP 2014;9:783–790
 * (at least 3 values a week for a valid 7-day mean). The 0.75 factor is the one issue 17 names for HRV4Training.
 *
 * <p>Windows: the rolling mean covers today and the 6 days before (today's morning reading counts); the baseline
 * covers the 60 days before today, today excluded, so a reading cannot move its own reference. Missing days are
 * skipped, never filled.
 *
 * @param rolling the 7-day mean of ln(rMSSD), null with fewer than {@value #MIN_ROLLING} values in the 7 days
 * @param rollingCount values in the 7 days
 * @param mean the 60-day baseline mean of ln(rMSSD), null while still learning
 * @param sd the 60-day sample SD of ln(rMSSD), null while still learning
 * @param baselineCount values in the 60 days
 */
public record HrvBaseline(Double rolling, int rollingCount, Double mean, Double sd, int baselineCount) {
  public static final int ROLLING_DAYS = 7;
  public static final int BASELINE_DAYS = 60;
  /** Fewer values than this in the 60 days and there is no baseline yet ("still learning"). */
  public static final int MIN_BASELINE = 14;
  /** Plews 2014: three values a week keep the 7-day mean valid. */
  public static final int MIN_ROLLING = 3;
  public static final double RANGE_SD = 0.75;

  /** Where the 7-day mean stands. */
  public enum Status { LEARNING, NO_RECENT, BELOW, WITHIN, ABOVE }

  public static HrvBaseline of(List<WellnessDay> days, LocalDate today) {
    DailyValues ln = DailyValues.of(days, d -> d.hrvRmssd() == null || d.hrvRmssd() <= 0 ? null : Math.log(d.hrvRmssd()));
    DailyValues.Window recent = ln.window(today.minusDays(ROLLING_DAYS - 1), today);
    DailyValues.Window base = ln.window(today.minusDays(BASELINE_DAYS), today.minusDays(1));
    boolean learning = base.count() < MIN_BASELINE;
    return new HrvBaseline(recent.count() < MIN_ROLLING ? null : recent.mean(), recent.count(),
        learning ? null : base.mean(), learning ? null : base.sd(), base.count());
  }

  public Double low() {
    return mean == null ? null : mean - RANGE_SD * sd;
  }

  public Double high() {
    return mean == null ? null : mean + RANGE_SD * sd;
  }

  public Status status() {
    if (mean == null) {
      return Status.LEARNING;
    }
    if (rolling == null) {
      return Status.NO_RECENT;
    }
    if (rolling < low()) {
      return Status.BELOW;
    }
    return rolling > high() ? Status.ABOVE : Status.WITHIN;
  }
}
