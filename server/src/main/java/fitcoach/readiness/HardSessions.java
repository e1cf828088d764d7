package fitcoach.readiness;

import fitcoach.load.PmcDay;
import fitcoach.load.PmcSeries;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Days since the last hard session: a day whose load (the engine's daily load, {@link PmcDay#load}) is above the
 * athlete's 75th percentile of daily load. The percentile is over training days (load above 0) in the
 * {@value #WINDOW_DAYS} days up to and including today, by linear interpolation between closest ranks (Excel
 * PERCENTILE.INC, numpy's default); rest days are left out so that "hard" means the top quarter of what the athlete
 * actually does, not of a calendar padded with zeros.
 *
 * @param threshold the 75th percentile, null with fewer than {@value #MIN_TRAINING_DAYS} training days
 * @param daysSince days from the last day above it to today (0 = today), null when none in the window or no threshold
 */
public record HardSessions(Double threshold, Integer daysSince, int trainingDays) {
  public static final int WINDOW_DAYS = 90;
  public static final int MIN_TRAINING_DAYS = 8;
  public static final double PERCENTILE = 0.75;

  public static HardSessions of(PmcSeries series) {
    List<PmcDay> days = new ArrayList<>();
    for (PmcDay day : series.days()) {
      long ago = ChronoUnit.DAYS.between(day.date(), series.today());
      if (ago >= 0 && ago < WINDOW_DAYS) {
        days.add(day);
      }
    }
    List<Double> loads = new ArrayList<>();
    days.forEach(d -> {
      if (d.load() > 0) {
        loads.add(d.load());
      }
    });
    if (loads.size() < MIN_TRAINING_DAYS) {
      return new HardSessions(null, null, loads.size());
    }
    double threshold = percentile(loads, PERCENTILE);
    Integer since = null;
    for (int i = days.size() - 1; i >= 0 && since == null; i--) {
      if (days.get(i).load() > threshold) {
        since = (int) ChronoUnit.DAYS.between(days.get(i).date(), series.today());
      }
    }
    return new HardSessions(threshold, since, loads.size());
  }

  /** Linear interpolation between closest ranks: rank p·(n − 1) over the sorted values. */
  static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double rank = p * (sorted.size() - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, sorted.size() - 1);
    return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
  }
}
