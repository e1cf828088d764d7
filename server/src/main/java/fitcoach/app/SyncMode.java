package fitcoach.app;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a job ({@code sync_jobs.mode}) goes through its source: the whole history, or only what is new since the last
 * run. An import is always a backfill of the files it was given. The value is the database and wire value.
 */
public enum SyncMode {
  BACKFILL("backfill"),
  INCREMENTAL("incremental"),
  /** Strava re-confirms every stored copy (the API Policy's 7-day cache limit); vanished ones go. */
  REFRESH("refresh");

  private final String value;

  SyncMode(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  /** The value as an SQL string literal. */
  public String sql() {
    return "'" + value + "'";
  }

  /** The mode a stored value names; the column's CHECK constraint allows no other. */
  public static SyncMode of(String value) {
    for (SyncMode m : values()) {
      if (m.value.equals(value)) {
        return m;
      }
    }
    throw new IllegalArgumentException("Unknown sync mode: " + value);
  }
}
