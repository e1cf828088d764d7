package fitcoach.demo;

import fitcoach.wellness.WellnessEntry;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The demo athlete's morning check-ins, derived from the demo's own sessions so the decision card and the Wellness
 * screen have something true to the history to show: rMSSD log-normal around a personal mean, lower for two days after
 * the hardest sessions and during an illness (flagged) once or twice a year; resting HR rising as HRV dips; sleep
 * 6–8.5 h; soreness, stress and motivation loosely following the load. About one morning in ten is skipped, never today.
 * Pure: same sessions, dates and seed, same days.
 */
final class DemoWellness {
  static final double HRV_MEAN_MS = 60;
  /** Day-to-day spread of ln(rMSSD) around its mean (about 8 %, a typical morning-reading variation). */
  static final double LN_HRV_SD = 0.08;
  /** ln(rMSSD) the morning after one of the hardest sessions (about −14 %), and the morning after that. */
  static final double AFTER_HARD = -0.15;
  static final double TWO_DAYS_AFTER_HARD = -0.07;
  /** ln(rMSSD) while ill (about −22 %), and its resting HR on top of what the HRV dip brings. */
  static final double ILL = -0.25;
  static final double ILL_HR = 3;
  static final double RESTING_HR = 50;
  /** Resting HR per unit of ln(rMSSD) below the mean: −0.15 (a hard session) → about +2 bpm. */
  static final double HR_PER_LN_DIP = 14;
  /** Sessions whose daily load is in the top tenth count as the hardest. */
  static final double HARD_QUANTILE = 0.9;
  static final double SKIP_CHANCE = 0.1;
  /** No illness in the last weeks, so today's card shows a settled baseline rather than an illness. */
  static final int QUIET_DAYS = 35;

  private DemoWellness() {
  }

  /** One entry per kept morning from {@code first} to {@code today}, by date. */
  static List<WellnessEntry> generate(List<DemoActivity> sessions, LocalDate first, LocalDate today, long seed) {
    Random r = new Random(seed);
    int n = (int) (today.toEpochDay() - first.toEpochDay()) + 1;
    if (n <= 0) {
      return List.of();
    }
    double[] load = dailyLoads(sessions, first, n);
    double hard = hardThreshold(load);
    boolean[] ill = illnessDays(r, n);
    List<WellnessEntry> out = new ArrayList<>(n);
    double atl = 0;
    double ctl = 0;
    double noise = 0;
    for (int i = 0; i < n; i++) {
      LocalDate day = first.plusDays(i);
      double yesterday = i > 0 ? load[i - 1] : 0;
      // Autocorrelated noise: mornings resemble their neighbours, as measured HRV does.
      noise = 0.5 * noise + r.nextGaussian() * LN_HRV_SD * Math.sqrt(1 - 0.25);
      double offset = noise;
      if (yesterday >= hard) {
        offset += AFTER_HARD;
      } else if (i > 1 && load[i - 2] >= hard) {
        offset += TWO_DAYS_AFTER_HARD;
      }
      // Fatigue: the 7-day load above the 42-day load, as a fraction of it (the load engine's ATL and CTL in spirit).
      double fatigue = ctl < 1 ? 0 : Math.max(-0.5, Math.min(1, (atl - ctl) / ctl));
      offset -= 0.04 * Math.max(0, fatigue);
      if (ill[i]) {
        offset += ILL;
      }
      double rmssd = clamp(HRV_MEAN_MS * Math.exp(offset), 5, 300);
      // The systematic dips (hard sessions, fatigue, illness) lift resting HR fully, the day-to-day noise a little.
      double restingHr = RESTING_HR - HR_PER_LN_DIP * (offset - noise) - 6 * noise + (ill[i] ? ILL_HR : 0)
          + r.nextGaussian() * 0.8;
      boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      double sleep = clamp(7.2 + (weekend ? 0.4 : 0) + (ill[i] ? 0.5 : 0) + r.nextGaussian() * 0.45, 6, 8.5);
      int quality = scale(3.6 + (sleep - 7.2) * 1.2 - (ill[i] ? 1 : 0) + r.nextGaussian() * 0.6);
      int soreness = scale(1.6 + 2.2 * Math.min(1.2, yesterday / hard) + (ill[i] ? 1 : 0) + r.nextGaussian() * 0.5);
      int stress = scale(2.2 + (weekend ? -0.5 : 0.2) + (ill[i] ? 1 : 0) + r.nextGaussian() * 0.8);
      int motivation = scale(4.0 - 1.5 * Math.max(0, fatigue) - (ill[i] ? 2 : 0) + r.nextGaussian() * 0.6);
      double weight = 72 + 0.8 * Math.sin(2 * Math.PI * day.getDayOfYear() / 365.25) + r.nextGaussian() * 0.3;
      boolean skipped = r.nextDouble() < SKIP_CHANCE;
      if (!skipped || i == n - 1) {
        boolean firstIllDay = ill[i] && (i == 0 || !ill[i - 1]);
        out.add(new WellnessEntry(day, round(sleep, 4), quality, soreness, stress, motivation, round(rmssd, 10),
            (double) Math.round(restingHr), round(weight, 10), firstIllDay ? "Sore throat, feeling run down" : null,
            ill[i] ? Boolean.TRUE : null, null, null, null));
      }
      atl += (load[i] - atl) / 7;
      ctl += (load[i] - ctl) / 42;
    }
    return out;
  }

  /**
   * Each day's load in TSS-like points, from the session's planned intensity and duration (IF² × hours × 100): the
   * demo's own history, without waiting for the load engine.
   */
  static double[] dailyLoads(List<DemoActivity> sessions, LocalDate first, int n) {
    double[] load = new double[n];
    for (DemoActivity a : sessions) {
      long i = a.startLocal().toLocalDate().toEpochDay() - first.toEpochDay();
      if (i >= 0 && i < n) {
        load[(int) i] += a.intensity() * a.intensity() * a.movingTimeS() / 3600.0 * 100;
      }
    }
    return load;
  }

  /** The daily load at {@link #HARD_QUANTILE} of the days that had any; above every day when none had. */
  static double hardThreshold(double[] load) {
    double[] trained = Arrays.stream(load).filter(v -> v > 0).sorted().toArray();
    if (trained.length == 0) {
      return Double.MAX_VALUE;
    }
    return trained[(int) Math.min(trained.length - 1, Math.floor(trained.length * HARD_QUANTILE))];
  }

  /** Once or twice a year a 4–6 day illness, one per half year at most, none in the last {@link #QUIET_DAYS}. */
  static boolean[] illnessDays(Random r, int n) {
    boolean[] ill = new boolean[n];
    for (int year = 0; year * 365 < n; year++) {
      int count = r.nextInt(3) == 0 ? 2 : 1;
      for (int k = 0; k < count; k++) {
        int half = count == 2 ? k : r.nextInt(2);
        int start = year * 365 + half * 182 + 10 + r.nextInt(160);
        int length = 4 + r.nextInt(3);
        for (int d = start; d < start + length && d < n - QUIET_DAYS; d++) {
          ill[d] = true;
        }
      }
    }
    return ill;
  }

  private static int scale(double v) {
    return (int) Math.max(1, Math.min(5, Math.round(v)));
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** {@code v} to the nearest 1/{@code perUnit} (4: quarter hours, 10: one decimal). */
  private static double round(double v, int perUnit) {
    return Math.round(v * perUnit) / (double) perUnit;
  }
}
