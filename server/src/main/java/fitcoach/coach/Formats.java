package fitcoach.coach;

import com.fasterxml.jackson.core.JsonProcessingException;
import fitcoach.app.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How numbers and athlete text are written into prompts: fixed locale, fixed precision, text JSON-escaped. */
final class Formats {
  private Formats() {
  }

  static String number(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "–";
    }
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
        .replaceFirst("^-0$", "0");
  }

  static String signed(double value, int decimals) {
    String n = number(value, decimals);
    return value > 0 && !n.equals("0") ? "+" + n : n;
  }

  static double round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }

  static String duration(long seconds) {
    long h = seconds / 3600;
    long m = (seconds % 3600 + 30) / 60;
    if (m == 60) {
      h++;
      m = 0;
    }
    return h > 0 ? String.format(Locale.ROOT, "%dh%02dm", h, m) : m + "m";
  }

  /** Pace per km from seconds per km, as m:ss/km. */
  static String pace(double secondsPerKm) {
    long s = Math.round(secondsPerKm);
    return String.format(Locale.ROOT, "%d:%02d/km", s / 60, s % 60);
  }

  /** Pace per 100 m (swimming) from seconds per 100 m, as m:ss/100m. */
  static String pace100(double secondsPer100m) {
    long s = Math.round(secondsPer100m);
    return String.format(Locale.ROOT, "%d:%02d/100m", s / 60, s % 60);
  }

  enum SpeedUnit { PER_KM, PER_100M, KMH }

  /** How athletes of a sport family read speed: runners and walkers as pace per km, swimmers per 100 m, others km/h. */
  static SpeedUnit speedUnit(String sportFamily) {
    if (sportFamily == null) {
      return SpeedUnit.KMH;
    }
    return switch (sportFamily) {
      case "run", "walk" -> SpeedUnit.PER_KM;
      case "swim" -> SpeedUnit.PER_100M;
      default -> SpeedUnit.KMH;
    };
  }

  /** JSON with {@code <}, {@code >} and {@code &} escaped, so athlete text cannot close or open a tagged block. */
  static String json(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
