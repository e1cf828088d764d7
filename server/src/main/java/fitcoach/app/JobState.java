package fitcoach.app;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where a background job ({@code sync_jobs} row: a Strava sync or an import) stands. The value is what the database
 * column holds and what JSON answers carry; the set of unfinished states is decided here once.
 */
public enum JobState {
  QUEUED("queued"),
  RUNNING("running"),
  WAITING("waiting"),
  DONE("done"),
  FAILED("failed"),
  CANCELLED("cancelled");

  /**
   * The unfinished states as an SQL list, {@code ('queued', 'running', 'waiting')}: literal rather than a parameter,
   * because it must match the predicate of the one-active-job-per-user index for the planner and ON CONFLICT to use it.
   */
  public static final String UNFINISHED_SQL = Arrays.stream(values()).filter(s -> !s.finished()).map(JobState::sql)
      .collect(Collectors.joining(", ", "(", ")"));

  private final String value;

  JobState(String value) {
    this.value = value;
  }

  /** The database and wire value. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The value as an SQL string literal, for statements that name a state. */
  public String sql() {
    return "'" + value + "'";
  }

  /** Done, failed or cancelled: the job will not run again. */
  public boolean finished() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }

  /** The state a stored value names; the column's CHECK constraint allows no other. */
  public static JobState of(String value) {
    for (JobState s : values()) {
      if (s.value.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown job state: " + value);
  }
}
