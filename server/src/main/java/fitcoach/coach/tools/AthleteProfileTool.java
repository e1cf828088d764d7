package fitcoach.coach.tools;

import static fitcoach.app.Figures.ordered;

import fitcoach.analytics.ActivityAnalysis;
import fitcoach.analytics.LoadService;
import fitcoach.app.Figures;
import fitcoach.load.DatedThresholds;
import fitcoach.load.ThresholdHistory;
import fitcoach.load.ThresholdKind;
import fitcoach.load.Thresholds;
import fitcoach.settings.AthleteProfile;
import fitcoach.settings.ProfileRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * athlete_profile: the athlete's profile, the thresholds in force today (entered, or estimated from what the coach may
 * read) with their dated history, the zones FitCoach uses on screen (the activity page's definitions, from
 * {@link ActivityAnalysis#zoneBounds}), and the athlete's goals and preferences as data.
 */
final class AthleteProfileTool implements CoachTool {
  static final String NAME = "athlete_profile";
  /** The most history entries per kind (the latest); older ones are counted. */
  static final int HISTORY_PER_KIND = 12;
  /** The zone names shown on screen (ui/src/lib/zones.ts). */
  static final List<String> POWER_ZONE_NAMES =
      List.of("Active recovery", "Endurance", "Tempo", "Threshold", "VO2max", "Anaerobic", "Neuromuscular");
  static final List<String> HR_ZONE_NAMES = List.of("Recovery", "Aerobic", "Tempo", "Threshold", "Above threshold");
  static final List<String> PACE_ZONE_NAMES =
      List.of("Recovery", "Aerobic", "Tempo", "Threshold", "Above threshold", "Anaerobic", "Sprint");

  private final ProfileRepository profiles;
  private final LoadService load;

  AthleteProfileTool(ProfileRepository profiles, LoadService load) {
    this.profiles = profiles;
    this.load = load;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Profile (sex, age, weight, height, units, time zone), thresholds in force today (entered or estimated) with "
        + "their dated history, HR/power/pace zone ranges, and the athlete's goals and preferences";
  }

  @Override
  public JsonObject inputSchema() {
    return new JsonObject().put("type", "object").put("additionalProperties", false).put("properties", new JsonObject());
  }

  @Override
  public String summary(JsonObject arguments) {
    return "profile, thresholds and zones";
  }

  @Override
  public Future<ToolOutput> run(ToolScope scope, JsonObject arguments) {
    return Future.all(profiles.findWithHistory(scope.userId()),
        load.datedForCoach(scope.userId(), scope.includeStravaApi())).map(all -> {
          ProfileRepository.WithHistory withHistory = all.resultAt(0);
          DatedThresholds dated = all.resultAt(1);
          DatedThresholds.InForce today = dated.inForce(scope.today());
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("today", scope.today());
          out.put("profile", profile(withHistory.profile(), today, scope));
          out.put("thresholds", thresholds(today));
          out.put("threshold_history", history(withHistory.history()));
          out.put("zones", zones(today));
          Map<String, Object> words = new LinkedHashMap<>();
          words.put("goals", withHistory.profile().goals());
          words.put("preferences", withHistory.profile().preferences());
          out.put("athlete_says", words);
          return new ToolOutput(out, "profile, thresholds and zones", List.of());
        });
  }

  private static Map<String, Object> profile(AthleteProfile p, DatedThresholds.InForce today, ToolScope scope) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sex", p.sex());
    m.put("age", p.birthYear() == null ? null : scope.today().getYear() - p.birthYear());
    m.put("weight_kg", today.weightKg());
    m.put("height_cm", p.heightCm());
    m.put("vo2max", p.vo2max());
    m.put("units", p.units());
    m.put("time_zone", p.timeZone());
    return m;
  }

  /** Today's values: what the athlete entered, else the engine's estimate (said so); pace and weight only as entered. */
  private static Map<String, Object> thresholds(DatedThresholds.InForce today) {
    Thresholds t = today.thresholds();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ftp_w", t.ftpKnown() ? value(t.ftpW(), t.ftpEstimated()) : null);
    m.put("lthr_bpm", positive(t.lthr()) ? value(t.lthr(), t.lthrEstimated()) : null);
    m.put("max_hr_bpm", positive(t.maxHr()) ? value(t.maxHr(), t.maxHrEstimated()) : null);
    m.put("resting_hr_bpm", positive(t.restingHr()) ? value(t.restingHr(), t.restingHrEstimated()) : null);
    m.put("threshold_pace", today.thresholdPaceSPerKm() == null ? null
        : ordered("value", ActivityUnits.perKm(today.thresholdPaceSPerKm()), "source", "entered"));
    m.put("weight_kg", today.weightKg() == null ? null : ordered("value", today.weightKg(), "source", "entered"));
    return m;
  }

  private static Map<String, Object> value(double v, boolean estimated) {
    return ordered("value", Figures.round(v, 0), "source", estimated ? "estimated" : "entered");
  }

  /** Per kind with entries: [valid_from, value] oldest first, the latest {@value #HISTORY_PER_KIND}. */
  private static Map<String, Object> history(ThresholdHistory history) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (ThresholdKind kind : ThresholdKind.values()) {
      List<ThresholdHistory.Entry> entries = history.entries(kind);
      if (entries.isEmpty()) {
        continue;
      }
      int skip = Math.max(0, entries.size() - HISTORY_PER_KIND);
      List<List<Object>> rows = new ArrayList<>();
      for (ThresholdHistory.Entry e : entries.subList(skip, entries.size())) {
        Object v = kind == ThresholdKind.THRESHOLD_PACE ? ActivityUnits.perKm(e.value())
            : Figures.round(e.value(), kind.whole() ? 0 : 1);
        rows.add(Arrays.asList(e.validFrom(), v));
      }
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("unit", kind == ThresholdKind.THRESHOLD_PACE ? "min/km" : kind.unit());
      if (skip > 0) {
        k.put("older_entries", skip);
      }
      k.put("entries", rows);
      m.put(kind.code(), k);
    }
    return m;
  }

  /** The on-screen zones for today's thresholds: each zone's name and range. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> zones(DatedThresholds.InForce today) {
    Map<String, Object> bounds = ActivityAnalysis.zoneBounds(today, "run");
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> heart = (Map<String, Object>) bounds.get("heartRate");
    if (heart != null) {
      out.put("heart_rate_bpm", ranges((String) heart.get("basis"), (List<Double>) heart.get("bounds"), HR_ZONE_NAMES));
    }
    Map<String, Object> power = (Map<String, Object>) bounds.get("power");
    if (power != null) {
      out.put("power_w", ranges((String) power.get("basis"), (List<Double>) power.get("bounds"), POWER_ZONE_NAMES));
    }
    Map<String, Object> pace = (Map<String, Object>) bounds.get("pace");
    if (pace != null) {
      out.put("run_pace", paceRanges((List<Double>) pace.get("bounds")));
    }
    return out;
  }

  /** Zone i runs from its lower bound to the next zone's (exclusive); the top zone has no upper end. */
  private static Map<String, Object> ranges(String basis, List<Double> lower, List<String> names) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < lower.size(); i++) {
      rows.add(Arrays.asList(i + 1, names.get(i), lower.get(i), i + 1 < lower.size() ? lower.get(i + 1) : null));
    }
    return ordered("basis", basis, "columns", List.of("zone", "name", "from", "below"), "rows", rows);
  }

  /** Pace zones (min/km): each zone's slowest pace (none for Z1) to its fastest, the next zone's slowest (none for the top). */
  private static Map<String, Object> paceRanges(List<Double> slowest) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < slowest.size(); i++) {
      rows.add(Arrays.asList(i + 1, PACE_ZONE_NAMES.get(i), ActivityUnits.perKm(slowest.get(i)),
          i + 1 < slowest.size() ? ActivityUnits.perKm(slowest.get(i + 1)) : null));
    }
    return ordered("basis", "thresholdPace", "columns", List.of("zone", "name", "slowest", "fastest"), "rows", rows);
  }

  private static boolean positive(double v) {
    return Double.isFinite(v) && v > 0;
  }
}
