package fitcoach.imports;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where one queued file ({@code import_files.state}) stands; the value is the database and wire value. */
public enum ImportFileState {
  PENDING("pending"),
  /** Claimed by a parser; after a restart, claims go back to pending. */
  PROCESSING("processing"),
  DONE("done"),
  FAILED("failed");

  private final String value;

  ImportFileState(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  /** The value as an SQL string literal, for statements that name a state. */
  String sql() {
    return "'" + value + "'";
  }

  public boolean finished() {
    return this == DONE || this == FAILED;
  }

  /** The state a stored value names; the column's CHECK constraint allows no other. */
  public static ImportFileState of(String value) {
    for (ImportFileState s : values()) {
      if (s.value.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown import file state: " + value);
  }
}
