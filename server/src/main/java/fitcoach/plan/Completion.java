package fitcoach.plan;

import java.util.UUID;

/**
 * The activity that did a planned workout and how it compares: {@code link} "auto" (same local date and sport family)
 * or "manual" (linked by the athlete); done against planned duration and load as ratios (null where either side is
 * missing or zero).
 */
public record Completion(UUID activityId, String link, Integer doneDurationS, Double doneLoad, Double durationRatio,
                         Double loadRatio) {
  public static final String AUTO = "auto";
  public static final String MANUAL = "manual";
}
