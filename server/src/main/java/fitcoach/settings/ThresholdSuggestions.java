package fitcoach.settings;

import fitcoach.load.ThresholdKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Offers the athlete a better threshold the data implies (an HR above the entered max HR, an eFTP above FTP), with the
 * evidence. An offer is stored only when it beats the value in force on its date (FTP by at least 2 %, max HR by at
 * least 1 bpm) and any pending offer of its kind; it never changes a threshold: the athlete accepts or dismisses it.
 */
public final class ThresholdSuggestions {
  /** An eFTP must beat the FTP in force by this share: day-to-day noise in a model fit is not a new FTP. */
  public static final double FTP_MARGIN = 0.02;
  /** A max HR must beat the entered one by at least this many bpm. */
  public static final double MAX_HR_MARGIN_BPM = 1;
  private static final int MAX_EVIDENCE = 500;

  private final SuggestionRepository repository;
  private final ThresholdRepository thresholds;

  public ThresholdSuggestions(Pool pool, ThresholdRepository thresholds) {
    this.repository = new SuggestionRepository(pool);
    this.thresholds = thresholds;
  }

  SuggestionRepository repository() {
    return repository;
  }

  /**
   * Stores a pending suggestion when {@code value} beats the value in force on {@code validFrom} and any pending one;
   * completes with whether it did. Values of whole-number kinds are rounded; values outside the kind's realistic range
   * (a strap artefact, a failed fit) are never offered. {@code activityId}, when given, must be the athlete's.
   */
  public Future<Boolean> offer(UUID userId, ThresholdKind kind, double value, LocalDate validFrom, UUID activityId,
                               String evidence) {
    double offered = kind.whole() ? Math.round(value) : Math.round(value * 10) / 10.0;
    if (!Double.isFinite(value) || !kind.inRange(offered) || validFrom == null || !fitcoach.app.DateWindow.contains(validFrom)) {
      return Future.succeededFuture(false);
    }
    return thresholds.history(userId).compose(history -> {
      OptionalDouble current = history.valueOn(kind, validFrom);
      if (current.isPresent() && !clearlyBetter(kind, offered, current.getAsDouble())) {
        return Future.succeededFuture(false);
      }
      String text = evidence == null ? "" : evidence.length() > MAX_EVIDENCE ? evidence.substring(0, MAX_EVIDENCE) : evidence;
      return repository.offer(userId, kind, offered, validFrom, activityId, text);
    });
  }

  /** The max HR trigger: an activity's max HR above the entered max HR of its day (the caller checked it is above). */
  public Future<Boolean> offerMaxHr(UUID userId, UUID activityId, double maxHr, LocalDate date) {
    return repository.activityName(userId, activityId).compose(name -> offer(userId, ThresholdKind.MAX_HR, maxHr, date,
        activityId, "Max HR " + Math.round(maxHr) + " bpm on " + date + name.map(n -> " in " + n).orElse("")));
  }

  static boolean clearlyBetter(ThresholdKind kind, double candidate, double current) {
    return switch (kind) {
      case FTP -> candidate >= current * (1 + FTP_MARGIN);
      case MAX_HR -> candidate >= current + MAX_HR_MARGIN_BPM;
      default -> kind.better(candidate, current);
    };
  }

  /** The pending suggestions still better than the value in force on their date (an entry made since may cover one). */
  Future<List<SuggestionView>> pending(UUID userId) {
    return Future.all(repository.pending(userId), thresholds.history(userId)).map(all -> {
      List<SuggestionRepository.Stored> stored = all.resultAt(0);
      fitcoach.load.ThresholdHistory history = all.resultAt(1);
      return stored.stream().map(s -> {
        OptionalDouble current = history.valueOn(s.kind(), s.validFrom());
        return new SuggestionView(s.id(), s.kind().code(), s.value(), current.isPresent() ? current.getAsDouble() : null,
            s.validFrom(), s.activityId(), s.activityName(), s.evidence(), s.createdAt());
      }).filter(v -> v.current() == null || kindOf(v).better(v.value(), v.current())).toList();
    });
  }

  private static ThresholdKind kindOf(SuggestionView v) {
    return ThresholdKind.parse(v.kind()).orElseThrow();
  }

  /** A pending suggestion as GET /api/settings/thresholds/suggestions shows it. */
  public record SuggestionView(UUID id, String kind, double value, Double current, LocalDate validFrom, UUID activityId,
                               String activityName, String evidence, java.time.Instant createdAt) {
  }
}
