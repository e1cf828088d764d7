package fitcoach.coach.tools;

import fitcoach.app.Figures;
import java.util.Locale;

/**
 * How the activity tools write figures for the model: durations as h:mm:ss, distance in km (2 dp), and pace in each
 * sport's own unit (runs and walks min/km, swims per 100 m, rows per 500 m, everything else km/h).
 */
final class ActivityUnits {
  private ActivityUnits() {
  }

  static String duration(Integer seconds) {
    if (seconds == null) {
      return null;
    }
    long s = Math.max(0, seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
  }

  static Double km(Double metres) {
    return metres == null ? null : Figures.round(metres / 1000, 2);
  }

  static Double whole(Double v) {
    return v == null ? null : Figures.round(v, 0);
  }

  static Double oneDecimal(Double v) {
    return v == null ? null : Figures.round(v, 1);
  }

  /** Pace (or speed, for the sports read that way) from metres over seconds; null without both. */
  static String pace(String family, Double metres, Integer seconds) {
    if (metres == null || seconds == null || metres <= 0 || seconds <= 0) {
      return null;
    }
    return pace(family, metres / seconds);
  }

  /** Pace (or speed) from metres per second, in the family's own unit. */
  static String pace(String family, Double mps) {
    if (mps == null || !(mps > 0) || !Double.isFinite(mps)) {
      return null;
    }
    switch (family == null ? "" : family) {
      case "run", "walk":
        return perDistance(1000 / mps, "/km");
      case "swim":
        return perDistance(100 / mps, "/100m");
      case "row":
        return perDistance(500 / mps, "/500m");
      default:
        return String.format(Locale.ROOT, "%.1f km/h", mps * 3.6);
    }
  }

  /** A pace in seconds per km as m:ss/km. */
  static String perKm(Double secondsPerKm) {
    return secondsPerKm == null ? null : perDistance(secondsPerKm, "/km");
  }

  private static String perDistance(double seconds, String unit) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d%s", s / 60, s % 60, unit);
  }

  /** At most {@code max} characters, cut at a word where one is near, with an ellipsis when cut. */
  static String snippet(String text, int max) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    if (t.length() <= max) {
      return t;
    }
    String cut = t.substring(0, max - 1);
    int space = cut.lastIndexOf(' ');
    if (space > max * 2 / 3) {
      cut = cut.substring(0, space);
    }
    return cut.stripTrailing() + "…";
  }
}
