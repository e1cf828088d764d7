package fitcoach.progress;

import static fitcoach.app.Figures.ordered;
import static fitcoach.app.Figures.round;

import fitcoach.analysis.BestEfforts;
import fitcoach.analysis.CriticalPower;
import fitcoach.analysis.MeanMax;
import fitcoach.analysis.ZoneTimes;
import fitcoach.load.Thresholds;
import io.vertx.core.Future;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The range reads over stored analyses: season curves (a maximum over stored rows), best efforts, the CP model with its
 * weekly history, weekly zone times (histograms against the thresholds in force on each activity's date), and an
 * activity's season best. Answers are bounded by the fixed durations, distances and at most 260 weeks, whatever the
 * range.
 */
final class ProgressService {
  static final int TOP_EFFORTS = 5;
  /** The CP fit's window, and that of each week of its history. */
  static final int MODEL_DAYS = 90;
  /** Season best: the year up to an activity's date. */
  static final int SEASON_DAYS = 365;
  static final List<String> POWER_ZONE_NAMES =
      List.of("Active recovery", "Endurance", "Tempo", "Threshold", "VO2max", "Anaerobic", "Neuromuscular");
  static final List<String> HR_ZONE_NAMES = List.of("Z1", "Z2", "Z3", "Z4", "Z5");
  /** Families whose speed curve is read as pace (as the activity analysis shows it). */
  static final List<String> PACE_FAMILIES = List.of("run", "swim");

  /** The 0-based indexes of MeanMax.DURATIONS_S the CP fit reads (3 to 20 min). */
  private static final int MODEL_FIRST = firstIndexAtLeast(CriticalPower.MIN_DURATION_S);
  private static final int MODEL_LAST = lastIndexAtMost(CriticalPower.MAX_DURATION_S);

  private final CurveRepository repository;
  private final ThresholdsInForce thresholds;
  private final RangeMemo memo;

  ProgressService(CurveRepository repository, ThresholdsInForce thresholds, RangeMemo memo) {
    this.repository = repository;
    this.thresholds = thresholds;
    this.memo = memo;
  }

  private static String key(String what, CurveRepository.Range r, Object... more) {
    StringBuilder b = new StringBuilder(what).append('|').append(r.from()).append('|').append(r.to()).append('|')
        .append(r.family());
    for (Object m : more) {
      b.append('|').append(m);
    }
    return b.toString();
  }

  /** The curve over the range: per duration, the best value and the activity holding it; and how many counted. */
  Future<Map<String, Object>> curve(CurveRepository.Range range, Metric metric) {
    return memo.get(range.userId(), key("curve", range, metric), () -> repository.curve(range, metric.column).map(curve -> {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("from", range.from());
      out.put("to", range.to());
      out.put("activities", curve.activities());
      out.put("points", points(curve.points(), metric));
      return out;
    }));
  }

  private static List<Map<String, Object>> points(List<CurveRepository.Best> bests, Metric metric) {
    List<Map<String, Object>> out = new ArrayList<>(bests.size());
    for (CurveRepository.Best b : bests) {
      Double value = metric.shown(b.value());
      if (value == null) {
        continue;
      }
      out.add(ordered("durationS", MeanMax.DURATIONS_S.get(b.index()), "value", value, "activityId", b.activityId(),
          "activityName", b.name(), "date", b.date(), "startS", (int) b.startS()));
    }
    return out;
  }

  Future<Map<String, Object>> bestEfforts(CurveRepository.Range range) {
    return memo.get(range.userId(), key("efforts", range), () -> repository.efforts(range, TOP_EFFORTS).map(rows -> {
      List<Map<String, Object>> distances = new ArrayList<>();
      for (int i = 0; i < BestEfforts.RUN_DISTANCES_M.size(); i++) {
        List<Map<String, Object>> top = new ArrayList<>();
        for (CurveRepository.Best b : rows) {
          if (b.index() == i) {
            top.add(ordered("activityId", b.activityId(), "activityName", b.name(), "date", b.date(),
                "timeS", round(b.value(), 1), "startS", round(b.startS(), 1)));
          }
        }
        double d = BestEfforts.RUN_DISTANCES_M.get(i);
        distances.add(ordered("distanceM", d, "label", label(d), "best", top.isEmpty() ? null : top.get(0), "top", top));
      }
      return ordered("sport", range.family(), "from", range.from(), "to", range.to(), "distances", distances);
    }));
  }

  private static String label(double metres) {
    if (metres == 1609.344) {
      return "1 mile";
    }
    if (metres == 21_097.5) {
      return "Half marathon";
    }
    if (metres == 42_195) {
      return "Marathon";
    }
    return metres < 1000 ? String.format(Locale.ROOT, "%.0f m", metres)
        : String.format(Locale.ROOT, "%.0f km", metres / 1000);
  }

  /**
   * CP/W′ (rides, from the power curve) or CS/D′ (runs, from the speed curve) over the range, and the same fit over
   * the {@value #MODEL_DAYS} days ending each of the last {@code weeks} Sundays up to {@code to}.
   */
  Future<Map<String, Object>> model(CurveRepository.Range range, int weeks) {
    boolean ride = "ride".equals(range.family());
    LocalDate lastSunday = range.to().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    LocalDate firstSunday = lastSunday.minusWeeks(weeks - 1L);
    LocalDate readFrom = min(range.from(), firstSunday.minusDays(MODEL_DAYS - 1L));
    if (readFrom.isBefore(fitcoach.app.DateWindow.EARLIEST_STORED)) {
      readFrom = fitcoach.app.DateWindow.EARLIEST_STORED;
    }
    CurveRepository.Range read = new CurveRepository.Range(range.userId(), readFrom, range.to(), range.family());
    return memo.get(range.userId(), key("model", range, weeks), () -> repository.modelPoints(read,
        ride ? "power" : "speed", MODEL_FIRST, MODEL_LAST).map(rows -> {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("sport", range.family());
      out.put("from", range.from());
      out.put("to", range.to());
      Fit fit = fit(rows, range.from(), range.to(), ride);
      out.put("model", fit.model);
      out.put("reason", fit.reason);
      List<Map<String, Object>> history = new ArrayList<>(weeks);
      for (LocalDate sunday = firstSunday; !sunday.isAfter(lastSunday); sunday = sunday.plusWeeks(1)) {
        Fit f = fit(rows, sunday.minusDays(MODEL_DAYS - 1L), sunday, ride);
        Map<String, Object> week = new LinkedHashMap<>();
        week.put("weekEnd", sunday);
        for (String k : List.of("cp", "wPrime", "eftp", "thresholdPace", "r2")) {
          week.put(k, f.model == null ? null : f.model.get(k));
        }
        week.put("reason", f.reason);
        history.add(week);
      }
      out.put("history", history);
      return out;
    }));
  }

  private record Fit(Map<String, Object> model, String reason) {
  }

  /** The fit over rows dated from..to (rows come sorted by date): the best per duration, then the engine's model. */
  private static Fit fit(List<CurveRepository.ModelRow> rows, LocalDate from, LocalDate to, boolean ride) {
    int n = MODEL_LAST - MODEL_FIRST + 1;
    double[] best = new double[n];
    Arrays.fill(best, Double.NaN);
    CurveRepository.ModelRow[] holder = new CurveRepository.ModelRow[n];
    for (CurveRepository.ModelRow r : rows) {
      if (r.date().isBefore(from) || r.date().isAfter(to) || r.values() == null) {
        continue;
      }
      for (int i = 0; i < n && i < r.values().length; i++) {
        Float v = r.values()[i];
        if (v != null && (Double.isNaN(best[i]) || v > best[i])) {
          best[i] = v;
          holder[i] = r;
        }
      }
    }
    List<CriticalPower.Effort> efforts = new ArrayList<>();
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (holder[i] != null) {
        int d = MeanMax.DURATIONS_S.get(MODEL_FIRST + i);
        efforts.add(new CriticalPower.Effort(d, best[i]));
        points.add(ordered("durationS", d, "value", round(best[i], ride ? 1 : 3),
            "activityId", holder[i].activityId(), "date", holder[i].date()));
      }
    }
    if (ride) {
      var e = CriticalPower.power(efforts);
      return e.model().map(m -> new Fit(ordered("cp", round(m.cpWatts(), 1), "wPrime", round(m.wPrimeJoules(), 0),
          "eftp", round(m.eftpWatts(), 1), "thresholdPace", null, "r2", round(m.rSquared(), 4),
          "points", points), null)).orElseGet(() -> new Fit(null, e.reason().orElseThrow()));
    }
    var e = CriticalPower.speed(efforts);
    return e.model().map(m -> new Fit(ordered("cp", round(m.csMetresPerSecond(), 3),
        "wPrime", round(m.dPrimeMetres(), 1), "eftp", null,
        "thresholdPace", round(1000.0 / m.csMetresPerSecond(), 1), "r2", round(m.rSquared(), 4),
        "points", points), null)).orElseGet(() -> new Fit(null, e.reason().orElseThrow()));
  }

  /**
   * Weekly time in zones for the {@code weeks} weeks (Monday to Sunday) up to the one holding {@code today}, as JSON.
   * Memoised per version of the rows and per thresholds applied: a new threshold shows at once.
   */
  Future<byte[]> zones(UUID userId, LocalDate today, int weeks, String family) {
    LocalDate lastMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate firstMonday = lastMonday.minusWeeks(weeks - 1L);
    CurveRepository.Range range = new CurveRepository.Range(userId, firstMonday, lastMonday.plusDays(6), family);
    Future<List<CurveRepository.Histograms>> histograms = memo.get(userId, key("histograms", range),
        () -> repository.histograms(range));
    return Future.all(histograms, thresholds.of(userId)).compose(all -> {
      List<CurveRepository.Histograms> rows = all.resultAt(0);
      Function<LocalDate, Thresholds> inForce = all.resultAt(1);
      // The thresholds each row is cut by, in order: the same list gives the same answer.
      List<Thresholds> applied = new ArrayList<>();
      for (CurveRepository.Histograms h : rows) {
        Thresholds t = inForce.apply(h.date());
        if (applied.isEmpty() || !applied.get(applied.size() - 1).equals(t)) {
          applied.add(t);
        }
      }
      return memo.get(userId, key("zones", range, applied), () -> {
        List<Map<String, Object>> out = new ArrayList<>(weeks);
        for (LocalDate monday = firstMonday; !monday.isAfter(lastMonday); monday = monday.plusWeeks(1)) {
          out.add(week(monday, rows, inForce));
        }
        return Future.succeededFuture(fitcoach.app.Json.encode(ordered("weeks", out, "names",
            ordered("power", POWER_ZONE_NAMES, "heartRate", HR_ZONE_NAMES))).getBytes());
      });
    });
  }

  /** One week's zone seconds: each activity's histograms cut by the thresholds in force on its date. */
  static Map<String, Object> week(LocalDate monday, List<CurveRepository.Histograms> rows,
                                  Function<LocalDate, Thresholds> inForce) {
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("weekStart", monday);
    w.putAll(zoneTimes(monday, monday.plusDays(6), rows, inForce));
    return w;
  }

  /** The zone seconds ("power", "heartRate") of the rows dated {@code from}..{@code to}, as {@link #week} gives them. */
  static Map<String, Object> zoneTimes(LocalDate from, LocalDate to, List<CurveRepository.Histograms> rows,
                                       Function<LocalDate, Thresholds> inForce) {
    int[] power = null;
    int[] heart = null;
    String basis = null;
    for (CurveRepository.Histograms h : rows) {
      if (h.date().isBefore(from) || h.date().isAfter(to)) {
        continue;
      }
      Thresholds t = inForce.apply(h.date());
      if (h.power() != null && t.ftpKnown()) {
        double[] bounds = ZoneTimes.bounds(t.ftpW(), ZoneTimes.COGGAN_POWER_PERCENT_FTP);
        power = CurveRow.zoneSeconds(h.power(), bounds, power == null ? new int[bounds.length] : power);
      }
      if (h.hr() != null) {
        double[] bounds = null;
        if (positive(t.lthr())) {
          bounds = ZoneTimes.bounds(t.lthr(), ZoneTimes.COGGAN_HR_PERCENT_LTHR);
          basis = "lthr";
        } else if (positive(t.maxHr())) {
          bounds = ZoneTimes.bounds(t.maxHr(), ZoneTimes.HR_PERCENT_MAX);
          basis = "maxHr";
        }
        if (bounds != null) {
          heart = CurveRow.zoneSeconds(h.hr(), bounds, heart == null ? new int[bounds.length] : heart);
        }
      }
    }
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("power", power == null ? null : split(power, null));
    w.put("heartRate", heart == null ? null : split(heart, basis));
    return w;
  }

  /** Zone seconds with the share below (Z1–Z3), at (Z4) and above (Z5 and up) threshold. */
  private static Map<String, Object> split(int[] seconds, String basis) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", Arrays.stream(seconds).boxed().toList());
    if (basis != null) {
      m.put("basis", basis);
    }
    int below = 0;
    int above = 0;
    for (int i = 0; i < seconds.length; i++) {
      if (i < 3) {
        below += seconds[i];
      } else if (i > 3) {
        above += seconds[i];
      }
    }
    m.put("below", below);
    m.put("at", seconds[3]);
    m.put("above", above);
    return m;
  }

  /**
   * The season best of an activity's family over the {@value #SEASON_DAYS} days up to its date, as curves ("power",
   * "heartRate", and "pace" or "speed"); empty when the activity is not this athlete's, null when it has no date. For a
   * ride it also carries "criticalPower": the CP model of the {@value #MODEL_DAYS} days up to its date ({cpW, wPrimeJ,
   * from, to}, null without an estimate), for its W′ balance.
   */
  Future<Optional<Map<String, Object>>> seasonBest(UUID userId, UUID activityId) {
    return memo.get(userId, "season|" + activityId, () -> repository.activity(userId, activityId).compose(found -> {
      if (found.isEmpty() || found.get().date() == null) {
        return Future.succeededFuture(Optional.<Map<String, Object>>empty());
      }
      LocalDate to = found.get().date();
      String family = found.get().sportFamily();
      CurveRepository.Range range = new CurveRepository.Range(userId, to.minusDays(SEASON_DAYS - 1L), to, family);
      Metric speed = PACE_FAMILIES.contains(family) ? Metric.PACE : Metric.SPEED;
      Future<Map<String, Object>> model = "ride".equals(family)
          ? model(new CurveRepository.Range(userId, to.minusDays(MODEL_DAYS - 1L), to, family), 0)
          : Future.succeededFuture(null);
      return Future.all(repository.curve(range, "power"), repository.curve(range, "hr"), repository.curve(range, "speed"),
              model)
          .map(all -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("from", range.from());
            out.put("to", range.to());
            out.put("power", points(all.<CurveRepository.Curve>resultAt(0).points(), Metric.POWER));
            out.put("heartRate", points(all.<CurveRepository.Curve>resultAt(1).points(), Metric.HR));
            out.put(speed == Metric.PACE ? "pace" : "speed", points(all.<CurveRepository.Curve>resultAt(2).points(), speed));
            Map<String, Object> fitted = all.resultAt(3);
            @SuppressWarnings("unchecked")
            Map<String, Object> cp = fitted == null ? null : (Map<String, Object>) fitted.get("model");
            out.put("criticalPower", cp == null ? null
                : ordered("cpW", cp.get("cp"), "wPrimeJ", cp.get("wPrime"), "from", fitted.get("from"), "to", fitted.get("to")));
            return Optional.of(out);
          });
    }));
  }

  private static boolean positive(double v) {
    return Double.isFinite(v) && v > 0;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static int firstIndexAtLeast(int seconds) {
    for (int i = 0; i < MeanMax.DURATIONS_S.size(); i++) {
      if (MeanMax.DURATIONS_S.get(i) >= seconds) {
        return i;
      }
    }
    throw new IllegalStateException("no duration of at least " + seconds + " s");
  }

  private static int lastIndexAtMost(int seconds) {
    for (int i = MeanMax.DURATIONS_S.size() - 1; i >= 0; i--) {
      if (MeanMax.DURATIONS_S.get(i) <= seconds) {
        return i;
      }
    }
    throw new IllegalStateException("no duration of at most " + seconds + " s");
  }

}
