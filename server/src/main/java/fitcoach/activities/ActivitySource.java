package fitcoach.activities;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a copy of a workout came from, as stored in {@code activities.source}, and which copy leads when several
 * sources hold the same workout: the athlete's own device file first, then their Strava export, then the Strava API,
 * then a manual entry. The order of the constants is that priority (best first).
 */
public enum ActivitySource {
  FILE("file", "device file", true),
  STRAVA_EXPORT("strava_export", "Strava export", true),
  STRAVA_API("strava", "Strava API", false),
  MANUAL("manual", "manual entry", true),
  DEMO("demo", "demo data", true);

  private final String value;
  private final String label;
  private final boolean ownedByAthlete;

  ActivitySource(String value, String label, boolean ownedByAthlete) {
    this.value = value;
    this.label = label;
    this.ownedByAthlete = ownedByAthlete;
  }

  /** The value stored in the database and shown by the API. */
  public String value() {
    return value;
  }

  /** How the athlete (and the coach's prompt) names it. */
  public String label() {
    return label;
  }

  /** Lower is better: the copy with the lowest priority number leads its group. */
  public int priority() {
    return ordinal();
  }

  public static ActivitySource of(String value) {
    return find(value).orElseThrow(() -> new IllegalArgumentException("Unknown activity source: " + value));
  }

  public static Optional<ActivitySource> find(String value) {
    return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
  }

  /**
   * The sources an LLM may read. Strava's API Policy keeps Strava API data out of AI context windows unless the
   * athlete turns it on knowingly; everything else is the athlete's own data.
   */
  public static List<String> readableByCoach(boolean allowStravaApi) {
    return Arrays.stream(values()).filter(s -> s.ownedByAthlete || allowStravaApi).map(ActivitySource::value).toList();
  }
}
