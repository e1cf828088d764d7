package fitcoach.wellness;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One day's wellness entry as stored and served (JSON field names are the API's). Absent values are null;
 * {@code source} says who wrote it last (manual, csv, fit, restore, or demo for the demo athlete's generated days).
 */
public record WellnessEntry(LocalDate date, Double sleepHours, Integer sleepQuality, Integer soreness, Integer stress,
                            Integer motivation, Double hrvRmssd, Double restingHr, Double weightKg, String note,
                            Boolean illness, Boolean injury, String source, Instant updatedAt) {

  /** The stored value of {@code field}. */
  public Object value(WellnessField field) {
    return switch (field) {
      case SLEEP_HOURS -> sleepHours;
      case SLEEP_QUALITY -> sleepQuality;
      case SORENESS -> soreness;
      case STRESS -> stress;
      case MOTIVATION -> motivation;
      case HRV_RMSSD -> hrvRmssd;
      case RESTING_HR -> restingHr;
      case WEIGHT_KG -> weightKg;
      case NOTE -> note;
      case ILLNESS -> illness;
      case INJURY -> injury;
    };
  }

  /** True when no value is set: such an entry is not kept. */
  public boolean empty() {
    for (WellnessField f : WellnessField.values()) {
      if (value(f) != null) {
        return false;
      }
    }
    return true;
  }
}
