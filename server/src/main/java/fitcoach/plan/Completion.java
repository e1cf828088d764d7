package fitcoach.plan;

import java.util.UUID;

/**
 * The activity that did a planned workout and how it compares: {@code link} "auto" (same local date and sport family)
 * or "manual" (linked by the athlete); done against planned duration and load as ratios (null where either side is
 * missing or zero). {@code link} "none" is the athlete saying no activity did it: no activity, no figures.
 */
public record Completion(UUID activityId, String link, Integer doneDurationS, Double doneLoad, Double durationRatio,
                         Double loadRatio) {
  public static final String AUTO = "auto";
  public static final String MANUAL = "manual";
  public static final String NONE = "none";
  /** The athlete's word that no activity did the workout. */
  public static final Completion NOT_DONE = new Completion(null, NONE, null, null, null, null);

  /** Whether an activity did the workout. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean done() {
    return activityId != null;
  }
}
