package fitcoach.readiness;

import java.util.Locale;

/** Which way one signal leans today. */
public enum Direction {
  FOR_REST, NEUTRAL, FOR_TRAINING;

  /** As sent in JSON: for_rest, neutral, for_training. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
