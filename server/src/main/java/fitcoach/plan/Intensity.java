package fitcoach.plan;

/**
 * How hard a planned session is meant to be: {@code type} "rpe" with a value 1–10 (the CR-10 scale the athlete rates
 * done sessions on), or "hr_zone" with a value 1–5 (the athlete's heart-rate zones).
 */
public record Intensity(String type, int value) {
  public static final String RPE = "rpe";
  public static final String HR_ZONE = "hr_zone";
}
