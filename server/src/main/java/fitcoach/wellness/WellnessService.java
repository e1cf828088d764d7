package fitcoach.wellness;

import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import fitcoach.app.OffLoop;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The athlete's daily wellness entries: read a range, change one day (partial: only the fields sent), delete a day,
 * import a CSV. Validation happens before any write, so a refused request stores nothing. Also what the coach's
 * {@code wellness} tool reads.
 */
public final class WellnessService {
  /** The longest range one read returns: three years of days (with a leap day), so a response stays bounded. */
  public static final int MAX_RANGE_DAYS = 1096;
  static final String MANUAL = "manual";
  static final String CSV = "csv";
  static final String FIT = "fit";

  private final WellnessRepository repository;

  public WellnessService(WellnessRepository repository) {
    this.repository = repository;
  }

  /** Entries from {@code from} to {@code to} (both included, at most {@link #MAX_RANGE_DAYS} days), by date. */
  public Future<List<WellnessEntry>> list(UUID userId, LocalDate from, LocalDate to) {
    requireRange(from, to);
    return repository.list(userId, from, to);
  }

  /**
   * The range's entries and each day's baselines, read from far enough back that the first day's windows are full.
   * The baselines are CPU work over up to three years of days: a worker computes them.
   */
  public Future<WellnessDays> range(UUID userId, LocalDate from, LocalDate to) {
    requireRange(from, to);
    return repository.list(userId, from.minusDays(fitcoach.readiness.Trend.LOOK_BACK_DAYS), to)
        .compose(all -> OffLoop.run(() -> new WellnessDays(from, to,
            all.stream().filter(e -> !e.date().isBefore(from)).toList(),
            fitcoach.readiness.Trend.of(all.stream().map(WellnessService::day).toList(), from, to))));
  }

  /**
   * A FIT file's wellness days (see {@link FitWellness}), merged into the stored ones without clearing anything;
   * values outside the API's ranges are left out. How many days it held, or -1 when it is not a wellness file.
   */
  public Future<Integer> storeFit(UUID userId, byte[] bytes, java.time.ZoneId zone) {
    return OffLoop.run(() -> FitWellness.isWellnessFile(bytes) ? FitWellness.read(bytes, zone) : null)
        .compose(days -> {
          if (days == null) {
            return Future.succeededFuture(-1);
          }
          Map<LocalDate, WellnessChange> changes = new java.util.TreeMap<>();
          for (FitWellness.Day d : days) {
            Map<WellnessField, Object> values = new java.util.EnumMap<>(WellnessField.class);
            putInRange(values, WellnessField.HRV_RMSSD, d.hrvRmssd());
            putInRange(values, WellnessField.RESTING_HR, d.restingHr());
            putInRange(values, WellnessField.SLEEP_HOURS, d.sleepHours());
            putInRange(values, WellnessField.WEIGHT_KG, d.weightKg());
            if (!values.isEmpty() && DateWindow.contains(d.date())) {
              changes.put(d.date(), new WellnessChange(values));
            }
          }
          return repository.mergeAll(userId, changes, FIT).map(n -> changes.size());
        });
  }

  private static void putInRange(Map<WellnessField, Object> values, WellnessField field, Double value) {
    if (value != null && value >= field.min() && value <= field.max()) {
      values.put(field, value);
    }
  }

  /** The same entries as the readiness card reads them (scores, HRV, resting HR, sleep and the flags). */
  public Future<List<fitcoach.readiness.WellnessDay>> days(UUID userId, LocalDate from, LocalDate to) {
    return list(userId, from, to).map(entries -> entries.stream().map(WellnessService::day).toList());
  }

  public static fitcoach.readiness.WellnessDay day(WellnessEntry e) {
    return new fitcoach.readiness.WellnessDay(e.date(), e.sleepHours(), e.sleepQuality(), e.soreness(), e.stress(),
        e.motivation(), e.hrvRmssd(), e.restingHr() == null ? null : (int) Math.round(e.restingHr()), e.weightKg(),
        Boolean.TRUE.equals(e.illness()), Boolean.TRUE.equals(e.injury()));
  }

  /** Both ends in {@link DateWindow}, in order, and at most {@link #MAX_RANGE_DAYS} days apart (both included). */
  public static void requireRange(LocalDate from, LocalDate to) {
    DateWindow.requireRange("from", from, "to", to);
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
      throw ApiException.invalid("to", "range_too_long", "From 'from' to 'to' may span at most " + MAX_RANGE_DAYS
          + " days (3 years); ask for the rest in another request");
    }
  }

  /** Applies a PUT body to one day; the day as it now stands, or empty when nothing is left in it (then deleted). */
  public Future<Optional<WellnessEntry>> put(UUID userId, LocalDate date, JsonObject body) {
    WellnessChange change = WellnessChange.fromJson(body);
    return repository.merge(userId, date, change, MANUAL);
  }

  /** False when there was no entry on that day. */
  public Future<Boolean> delete(UUID userId, LocalDate date) {
    return repository.delete(userId, date);
  }

  /**
   * Imports a CSV (see {@link WellnessCsv}): decoded and read on a worker, then every good row merged in one transaction. A file
   * that cannot be read at all (no date column, too many rows) is refused whole and stores nothing.
   */
  public Future<WellnessImport> importCsv(UUID userId, byte[] body) {
    return OffLoop.run(() -> WellnessCsv.parse(utf8(body))).compose(parsed -> repository.mergeAll(userId, parsed.days(), CSV)
        .map(days -> new WellnessImport(parsed.rows(), days, parsed.skipped(), parsed.columns(), parsed.unknownColumns(),
            parsed.ignoredColumns(), parsed.errors(), parsed.errorCount())));
  }

  /** The body as text; bytes that are not UTF-8 are a 400 (a CSV saved in another encoding would read as garbage). */
  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("malformed_csv", "The CSV is not UTF-8 text; save it as UTF-8 and send it again");
    }
  }
}
