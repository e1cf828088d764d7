package fitcoach.progress;

import static fitcoach.app.Figures.round;

import fitcoach.app.ApiException;
import java.util.Locale;

/** A curve of the range API: the stored column it reads, its unit, and whether lower is better as shown. */
enum Metric {
  POWER("power", "W"),
  HR("hr", "bpm"),
  /** The speed curve shown as s/km (runs, swims): the fastest speed is the fastest pace. */
  PACE("speed", "s/km"),
  SPEED("speed", "m/s");

  final String column;
  final String unit;

  Metric(String column, String unit) {
    this.column = column;
    this.unit = unit;
  }

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Metric parse(String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid("metric", "required", "'metric' is required: power, hr, pace or speed");
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "power" -> POWER;
      case "hr" -> HR;
      case "pace" -> PACE;
      case "speed" -> SPEED;
      default -> throw ApiException.invalid("metric", "invalid_value", "'metric' must be power, hr, pace or speed");
    };
  }

  /** A stored value as shown: pace is 1000 / speed (s/km); null for a speed of zero (no pace). */
  Double shown(double stored) {
    if (this == PACE) {
      return stored > 0 ? round(1000.0 / stored, 1) : null;
    }
    return round(stored, this == SPEED ? 3 : 1);
  }

}
