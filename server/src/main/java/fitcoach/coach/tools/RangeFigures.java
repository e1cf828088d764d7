package fitcoach.coach.tools;

import fitcoach.app.Figures;
import java.util.Locale;

/** How the range tools write numbers for the model: the units the tool contract fixes (km, h:mm:ss, m:ss/km, …). */
final class RangeFigures {
  private RangeFigures() {
  }

  static Double one(double v) {
    return Figures.round(v, 1);
  }

  static Double km(double metres) {
    return Figures.round(metres / 1000.0, 2);
  }

  /** "h:mm:ss" (hours unbounded: "312:05:00"). */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
  }

  /** A curve duration as people say it: "5s", "1m", "20m", "1h", "1h30m". */
  static String label(int seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds % 60 == 0 ? seconds / 60 + "m" : seconds / 60 + "m" + seconds % 60 + "s";
    }
    int m = seconds % 3600 / 60;
    return seconds / 3600 + "h" + (m == 0 ? "" : m + "m");
  }

  /** Seconds per {@code metres} at {@code speed} m/s as "m:ss" plus the unit, or null for no speed. */
  static String pace(double metresPerSecond, double metres, String unit) {
    if (!(metresPerSecond > 0) || !Double.isFinite(metresPerSecond)) {
      return null;
    }
    long s = Math.round(metres / metresPerSecond);
    return s / 60 + ":" + String.format(Locale.ROOT, "%02d", s % 60) + unit;
  }

  /** A speed in the sport's own unit: run "m:ss/km", swim "m:ss/100m", everything else km/h. */
  static Object speed(String family, double metresPerSecond) {
    if ("run".equals(family) || "walk".equals(family)) {
      return pace(metresPerSecond, 1000, "/km");
    }
    if ("swim".equals(family)) {
      return pace(metresPerSecond, 100, "/100m");
    }
    return Figures.round(metresPerSecond * 3.6, 1);
  }

  /** (b − a) and its share of a in %, [abs, pct]; pct null when a is 0. */
  static Object[] difference(double a, double b, int decimals) {
    return new Object[] {Figures.round(b - a, decimals), a == 0 ? null : Figures.round((b - a) / Math.abs(a) * 100, 1)};
  }

  /** "+12.3" / "-4.0": a signed form value. */
  static String signed(double v) {
    return String.format(Locale.ROOT, "%+.1f", v);
  }
}
