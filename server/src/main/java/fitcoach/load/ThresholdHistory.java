package fitcoach.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * An athlete's thresholds over time: per kind, dated entries. The value in force on a day is the entry with the latest
 * {@code validFrom} on or before it; before the earliest entry the earliest applies, so a single entry covers all of
 * history. A kind without entries is unknown (estimated by {@link ProfileEstimator}).
 */
public final class ThresholdHistory {
  /** One dated value. */
  public record Entry(ThresholdKind kind, LocalDate validFrom, double value) {
  }

  private static final ThresholdHistory EMPTY = new ThresholdHistory(List.of());
  /** Per kind, entries sorted by validFrom ascending (one per date). */
  private final Map<ThresholdKind, List<Entry>> byKind = new EnumMap<>(ThresholdKind.class);
  /** The days on which some value changes (each kind's dates after its first), ascending. */
  private final TreeSet<LocalDate> changes = new TreeSet<>();

  private ThresholdHistory(Collection<Entry> entries) {
    for (Entry e : entries) {
      byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e);
    }
    for (List<Entry> list : byKind.values()) {
      list.sort(Comparator.comparing(Entry::validFrom));
      for (int i = 1; i < list.size(); i++) {
        if (list.get(i).validFrom().equals(list.get(i - 1).validFrom())) {
          throw new IllegalArgumentException("Two " + list.get(i).kind() + " entries from " + list.get(i).validFrom());
        }
        changes.add(list.get(i).validFrom());
      }
    }
  }

  public static ThresholdHistory of(Collection<Entry> entries) {
    return entries.isEmpty() ? EMPTY : new ThresholdHistory(entries);
  }

  public static ThresholdHistory empty() {
    return EMPTY;
  }

  /** The entries of one kind, oldest first. */
  public List<Entry> entries(ThresholdKind kind) {
    return List.copyOf(byKind.getOrDefault(kind, List.of()));
  }

  public boolean has(ThresholdKind kind) {
    return byKind.containsKey(kind);
  }

  /** The value in force on {@code date}; empty when the kind has no entries. */
  public OptionalDouble valueOn(ThresholdKind kind, LocalDate date) {
    List<Entry> list = byKind.get(kind);
    if (list == null) {
      return OptionalDouble.empty();
    }
    Entry inForce = list.get(0);
    for (Entry e : list) {
      if (e.validFrom().isAfter(date)) {
        break;
      }
      inForce = e;
    }
    return OptionalDouble.of(inForce.value());
  }

  /** {@link #valueOn} as a whole number, as the engine's profile facts take it; null when unknown. */
  public Integer wholeOn(ThresholdKind kind, LocalDate date) {
    OptionalDouble v = valueOn(kind, date);
    return v.isPresent() ? (int) Math.round(v.getAsDouble()) : null;
  }

  /**
   * The first day of the period {@code date} lies in: the latest day on or before it on which any value changes, or
   * {@link LocalDate#MIN} before the first change. All days of one period have the same thresholds.
   */
  public LocalDate periodStart(LocalDate date) {
    LocalDate start = changes.floor(date);
    return start == null ? LocalDate.MIN : start;
  }

  /** {@code base} (sex, age, observations) with the values entered for {@code date}. */
  public ProfileFacts factsOn(LocalDate date, ProfileFacts base) {
    return new ProfileFacts(base.sex(), base.ageYears(), wholeOn(ThresholdKind.MAX_HR, date),
        wholeOn(ThresholdKind.RESTING_HR, date), wholeOn(ThresholdKind.LTHR, date), wholeOn(ThresholdKind.FTP, date),
        base.observedMaxHrs(), base.observedBestPower20minW());
  }

  /**
   * The earliest day on which the two histories give a different value of some kind: {@link LocalDate#MIN} when the
   * value before every entry changed (all of history), empty when they agree on every day.
   */
  public static Optional<LocalDate> earliestDifference(ThresholdHistory a, ThresholdHistory b) {
    TreeSet<LocalDate> days = new TreeSet<>();
    days.add(LocalDate.MIN);
    for (ThresholdHistory h : List.of(a, b)) {
      h.byKind.values().forEach(list -> list.forEach(e -> days.add(e.validFrom())));
    }
    for (LocalDate day : days) {
      for (ThresholdKind kind : ThresholdKind.values()) {
        if (!a.valueOn(kind, day).equals(b.valueOn(kind, day))) {
          return Optional.of(day);
        }
      }
    }
    return Optional.empty();
  }
}
