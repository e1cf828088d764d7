package fitcoach.load;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The performance management chart: CTL, ATL and form per calendar day, with ramp, Foster monotony/strain and the
 * EWMA ACWR alongside. One pass over the days with fixed 7-day windows, so the cost is linear in the number of days.
 */
public final class Pmc {

  /** 3 × τ_CTL: after this many days a zero-seeded CTL has reached 95 % of its true value (§3.4). */
  public static final long WARM_UP_DAYS = 126;
  private static final int WEEK = 7;
  private static final double ACWR_ACUTE_DAYS = 7;
  private static final double ACWR_CHRONIC_DAYS = 28;

  private Pmc() {}

  /**
   * Daily series from the day before the first load date (or from the seed date) through {@code to}, stepping
   * every calendar day with zero load on empty days; skipping them is the classic PMC bug (§9.6).
   *
   * <p>Loads are summed per local date by the caller; non-finite values count as 0. Without a seed the series
   * starts at 0. With a seed, the seed date is the first day shown: its CTL/ATL are the seed's, its own load is
   * shown and enters monotony and ACWR but not CTL/ATL, and its form (which would need the unknown day before)
   * is the seed's CTL − ATL. Loads before the first day or after {@code to} are ignored. The monotony, strain and
   * ACWR windows count days before the first day as rest. Empty map and no seed, or a start after {@code to}:
   * empty list.
   */
  public static List<PmcDay> compute(SortedMap<LocalDate, Double> dailyLoads, LocalDate to, PmcOptions options) {
    Objects.requireNonNull(dailyLoads, "dailyLoads");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(options, "options");
    PmcSeed seed = options.seed().orElse(null);
    if (seed == null && dailyLoads.isEmpty()) {
      return List.of();
    }
    LocalDate start = seed != null ? seed.date() : dailyLoads.firstKey().minusDays(1);
    if (start.isAfter(to)) {
      return List.of();
    }

    double kCtl = options.gain().k(options.ctlDays());
    double kAtl = options.gain().k(options.atlDays());
    double lambdaAcute = Ewma.lambda(ACWR_ACUTE_DAYS);
    double lambdaChronic = Ewma.lambda(ACWR_CHRONIC_DAYS);
    double startCtl = seed != null ? seed.ctl() : 0.0;
    double ctl = startCtl;
    double atl = seed != null ? seed.atl() : 0.0;
    double acute = 0;
    double chronic = 0;
    double[] week = new double[WEEK];

    List<PmcDay> days = new ArrayList<>((int) ChronoUnit.DAYS.between(start, to) + 1);
    int i = 0;
    for (LocalDate d = start; !d.isAfter(to); d = d.plusDays(1), i++) {
      double load = loadOn(dailyLoads, d);
      double form = ctl - atl;
      boolean seedDay = seed != null && i == 0;
      if (!seedDay) {
        ctl = Ewma.step(ctl, load, kCtl);
        atl = Ewma.step(atl, load, kAtl);
      }
      double ramp = ctl - (i >= WEEK ? days.get(i - WEEK).ctl() : startCtl);

      week[i % WEEK] = load;
      double monotony = Monotony.of(week);
      double strain = sum(week) * monotony;

      acute = Ewma.step(acute, load, lambdaAcute);
      chronic = Ewma.step(chronic, load, lambdaChronic);
      double acwr = chronic == 0 ? Double.NaN : acute / chronic;

      days.add(new PmcDay(d, load, ctl, atl, form, ctl - atl, ramp, zone(form), monotony, strain, acwr));
    }
    return days;
  }

  /** True while fewer than 126 days (3 × 42) have passed since the first activity: CTL still reads low. */
  public static boolean warmingUp(LocalDate firstActivityDate, LocalDate today) {
    return ChronoUnit.DAYS.between(firstActivityDate, today) < WARM_UP_DAYS;
  }

  /** Friel's absolute zone of a form value; see {@link FormZone} for the boundary convention. */
  public static FormZone zone(double form) {
    return FormZone.of(form);
  }

  private static double loadOn(SortedMap<LocalDate, Double> dailyLoads, LocalDate d) {
    Double load = dailyLoads.get(d);
    return load == null || !Double.isFinite(load) ? 0.0 : load;
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
