package fitcoach.settings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fitcoach.load.ThresholdHistory;
import fitcoach.load.ThresholdKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One stored dated threshold (a threshold_history row), as the API shows it. */
public record ThresholdEntry(UUID id, String kind, LocalDate validFrom, double value, String source, Instant createdAt) {

  @JsonIgnore
  public ThresholdHistory.Entry dated() {
    return new ThresholdHistory.Entry(ThresholdKind.parse(kind).orElseThrow(), validFrom, value);
  }
}
