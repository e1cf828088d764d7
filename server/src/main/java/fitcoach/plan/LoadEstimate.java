package fitcoach.plan;

import fitcoach.load.ActivityLoad;
import java.util.OptionalDouble;

/**
 * The load a planned session will probably bring, on the chart's own scale (1 h at threshold = 100), when the athlete
 * gives none. In order:
 * <ol>
 *   <li>an RPE: session RPE mapped as the engine maps a rated session, RPE × minutes ÷ 6 (training science §2.4);</li>
 *   <li>a heart-rate zone: 100 × IF² per hour, with the zone's typical intensity factor (Z1 0.55 … Z5 1.0);</li>
 *   <li>neither: the athlete's own median load per hour for the sport family (the engine's HISTORY rate);</li>
 * </ol>
 * A session given only by distance is timed with the athlete's typical speed for the family. Without any of these
 * there is no estimate (null), rather than a number made up.
 */
public final class LoadEstimate {
  /** Typical intensity factors of heart-rate zones 1–5 (a zone's middle on a five-zone LTHR model). */
  static final double[] ZONE_IF = {0.55, 0.70, 0.82, 0.93, 1.00};

  private LoadEstimate() {
  }

  /** What the estimate stands on, for the athlete: "RPE 6", "zone 2", "your rides' median". */
  public record Estimate(double load, String basis) {
  }

  /**
   * @param ratePerHour the athlete's median load per hour for this sport family, if known
   * @param typicalSpeedMps the athlete's median moving speed for this sport family, if known
   */
  public static Estimate estimate(Integer durationS, Double distanceM, Intensity intensity, OptionalDouble ratePerHour,
                                  OptionalDouble typicalSpeedMps) {
    Double seconds = durationS != null ? Double.valueOf(durationS)
        : distanceM != null && typicalSpeedMps.isPresent() && typicalSpeedMps.getAsDouble() > 0
            ? distanceM / typicalSpeedMps.getAsDouble() : null;
    if (seconds == null) {
      return null;
    }
    double hours = seconds / 3600.0;
    if (intensity != null && Intensity.RPE.equals(intensity.type())) {
      return new Estimate(ActivityLoad.rpeLoad(intensity.value(), seconds / 60.0), "RPE " + intensity.value());
    }
    if (intensity != null && Intensity.HR_ZONE.equals(intensity.type())) {
      double factor = ZONE_IF[Math.max(1, Math.min(5, intensity.value())) - 1];
      return new Estimate(100 * factor * factor * hours, "heart-rate zone " + intensity.value());
    }
    if (ratePerHour.isPresent()) {
      return new Estimate(ratePerHour.getAsDouble() * hours, "your usual load per hour for this sport");
    }
    return null;
  }
}
