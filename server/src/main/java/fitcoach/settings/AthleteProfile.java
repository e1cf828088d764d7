package fitcoach.settings;

import java.time.Instant;

/** The athlete's physiology and preferences; every field but units and time zone may be unknown (null). */
public record AthleteProfile(
    String sex,
    Integer birthYear,
    Double weightKg,
    Double heightCm,
    Integer maxHr,
    Integer restingHr,
    Integer lthr,
    Integer ftpWatts,
    Integer thresholdPaceSPerKm,
    Double vo2max,
    String units,
    String timeZone,
    String goals,
    String preferences,
    Instant updatedAt) {

  public static AthleteProfile empty() {
    return new AthleteProfile(null, null, null, null, null, null, null, null, null, null, "metric", "UTC", null, null, null);
  }
}
