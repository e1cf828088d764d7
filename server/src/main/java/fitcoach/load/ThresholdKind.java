package fitcoach.load;

import java.util.Optional;

/** The thresholds kept as a dated history, with their stored code (threshold_history.kind). */
public enum ThresholdKind {
  FTP("ftp", "W", true, 50, 600),
  LTHR("lthr", "bpm", true, 80, 220),
  MAX_HR("max_hr", "bpm", true, 100, 230),
  RESTING_HR("resting_hr", "bpm", true, 25, 120),
  /** Seconds per km: lower is faster, so a better threshold pace is a lower number. */
  THRESHOLD_PACE("threshold_pace", "s/km", true, 120, 900),
  WEIGHT("weight", "kg", false, 20, 350);

  private final String code;
  private final String unit;
  private final boolean whole;
  private final int min;
  private final int max;

  /** {@code min}..{@code max}: realistic human values, the profile's ranges (and the database's CHECK in V009). */
  ThresholdKind(String code, String unit, boolean whole, int min, int max) {
    this.code = code;
    this.unit = unit;
    this.whole = whole;
    this.min = min;
    this.max = max;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  public boolean inRange(double value) {
    return value >= min && value <= max;
  }

  public String code() {
    return code;
  }

  public String unit() {
    return unit;
  }

  /** Kept as a whole number (W, bpm, s/km), as the profile always did; weight has decimals. */
  public boolean whole() {
    return whole;
  }

  /** Whether {@code candidate} is a better (higher; for pace, faster) threshold than {@code current}. */
  public boolean better(double candidate, double current) {
    return this == THRESHOLD_PACE ? candidate < current : candidate > current;
  }

  public static Optional<ThresholdKind> parse(String code) {
    for (ThresholdKind k : values()) {
      if (k.code.equals(code)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
