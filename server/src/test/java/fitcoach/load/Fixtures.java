package fitcoach.load;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

/** Test data builders for the load package. */
final class Fixtures {

  /** Day 0 of every PMC vector; its loads start on day 1. */
  static final LocalDate DAY_0 = LocalDate.of(2024, 1, 1);

  private Fixtures() {}

  /** HR thresholds with no FTP, all entered (not estimated). */
  static Thresholds hr(Sex sex, double maxHr, double restingHr, double lthr) {
    return new Thresholds(sex, maxHr, false, restingHr, false, lthr, false, null, false);
  }

  /** Thresholds for load-method tests: HR 190/60/170 entered, FTP as given (null = unknown). */
  static Thresholds withFtp(Double ftpW) {
    return new Thresholds(Sex.MALE, 190, false, 60, false, 170, false, ftpW, false);
  }

  /** Loads on consecutive days starting at {@code DAY_0 + 1}, zero loads included as entries. */
  static SortedMap<LocalDate, Double> fromDay1(double... loads) {
    SortedMap<LocalDate, Double> map = new TreeMap<>();
    for (int i = 0; i < loads.length; i++) {
      map.put(DAY_0.plusDays(i + 1), loads[i]);
    }
    return map;
  }

  static double[] repeat(double value, int n) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, value);
    return out;
  }

  static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] out = new double[n];
    int at = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** §9.2's NP stream: 600 × 150 W, 5 × (60 × 400 W, 60 × 100 W), 600 × 150 W. */
  static double[] intervalStream() {
    double[] interval = concat(repeat(400, 60), repeat(100, 60));
    return concat(repeat(150, 600), interval, interval, interval, interval, interval, repeat(150, 600));
  }
}
