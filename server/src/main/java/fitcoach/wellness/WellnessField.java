package fitcoach.wellness;

import java.util.Locale;

/**
 * The values of a wellness entry, in one place: their JSON name, column, kind and accepted range. Requests, the CSV
 * import and the SQL are all built from this list, so a range is defined once (the migration's checks mirror it).
 */
public enum WellnessField {
  SLEEP_HOURS("sleepHours", "sleep_hours", Kind.DECIMAL, 0, 24, "hours"),
  SLEEP_QUALITY("sleepQuality", "sleep_quality", Kind.SCALE, 1, 5, "1 (poor) to 5 (very good)"),
  SORENESS("soreness", "soreness", Kind.SCALE, 1, 5, "1 (none) to 5 (very sore)"),
  STRESS("stress", "stress", Kind.SCALE, 1, 5, "1 (calm) to 5 (very stressed)"),
  MOTIVATION("motivation", "motivation", Kind.SCALE, 1, 5, "1 (none) to 5 (eager to train)"),
  HRV_RMSSD("hrvRmssd", "hrv_rmssd", Kind.DECIMAL, 5, 300, "ms"),
  RESTING_HR("restingHr", "resting_hr", Kind.DECIMAL, 25, 120, "bpm"),
  WEIGHT_KG("weightKg", "weight_kg", Kind.DECIMAL, 20, 350, "kg"),
  NOTE("note", "note", Kind.TEXT, 1, WellnessField.MAX_NOTE, "characters"),
  ILLNESS("illness", "illness", Kind.FLAG, 0, 1, "true or false"),
  INJURY("injury", "injury", Kind.FLAG, 0, 1, "true or false");

  /** A note is a line or a short paragraph, not a diary. */
  public static final int MAX_NOTE = 2000;

  /** How a value is written: a number with decimals, a whole number on a 1–5 scale, text, or true/false. */
  public enum Kind { DECIMAL, SCALE, TEXT, FLAG }

  private final String json;
  private final String column;
  private final Kind kind;
  private final double min;
  private final double max;
  private final String unit;

  WellnessField(String json, String column, Kind kind, double min, double max, String unit) {
    this.json = json;
    this.column = column;
    this.kind = kind;
    this.min = min;
    this.max = max;
    this.unit = unit;
  }

  public String json() {
    return json;
  }

  public String column() {
    return column;
  }

  public Kind kind() {
    return kind;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** What the range means, for error messages: "between 5 and 300 ms". */
  public String range() {
    return switch (kind) {
      case FLAG -> "true or false";
      case TEXT -> "1 to " + (int) max + " characters";
      case SCALE -> "a whole number from " + unit;
      default -> "between " + trim(min) + " and " + trim(max) + " " + unit;
    };
  }

  /** Whether a decimal value lies in the range. */
  boolean accepts(double value) {
    return !Double.isNaN(value) && value >= min && value <= max;
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
  }
}
