package fitcoach.settings;

import fitcoach.app.ApiException;
import fitcoach.app.TimeZones;
import fitcoach.app.JsonFields;
import io.vertx.core.json.JsonObject;
import java.time.Year;
import java.util.Set;

/**
 * PUT /api/settings/profile: the fields present are set (null clears one), absent fields keep their value,
 * so a client can save one setting without resending the rest. Ranges are realistic human values.
 */
public final class ProfileUpdate {
  private static final String[] FIELDS = {"sex", "birthYear", "weightKg", "heightCm", "maxHr", "restingHr", "lthr",
      "ftpWatts", "thresholdPaceSPerKm", "vo2max", "units", "timeZone", "goals", "preferences"};

  private ProfileUpdate() {
  }

  public static AthleteProfile apply(AthleteProfile current, JsonObject body) {
    JsonFields f = new JsonFields(body, FIELDS);
    int thisYear = Year.now().getValue();
    AthleteProfile p = new AthleteProfile(
        pick(f, "sex", current.sex(), () -> f.optionalEnum("sex", Set.of("male", "female", "other"))),
        pick(f, "birthYear", current.birthYear(), () -> f.optionalInt("birthYear", 1900, thisYear - 5)),
        pick(f, "weightKg", current.weightKg(), () -> f.optionalDouble("weightKg", 20, 350)),
        pick(f, "heightCm", current.heightCm(), () -> f.optionalDouble("heightCm", 80, 260)),
        pick(f, "maxHr", current.maxHr(), () -> f.optionalInt("maxHr", 100, 230)),
        pick(f, "restingHr", current.restingHr(), () -> f.optionalInt("restingHr", 25, 120)),
        pick(f, "lthr", current.lthr(), () -> f.optionalInt("lthr", 80, 220)),
        pick(f, "ftpWatts", current.ftpWatts(), () -> f.optionalInt("ftpWatts", 50, 600)),
        pick(f, "thresholdPaceSPerKm", current.thresholdPaceSPerKm(), () -> f.optionalInt("thresholdPaceSPerKm", 120, 900)),
        pick(f, "vo2max", current.vo2max(), () -> f.optionalDouble("vo2max", 20, 100)),
        required(f, "units", current.units(), () -> f.optionalEnum("units", Set.of("metric", "imperial"))),
        required(f, "timeZone", current.timeZone(), () -> zone(f.optionalString("timeZone", 64))),
        pick(f, "goals", current.goals(), () -> f.optionalString("goals", 1000)),
        pick(f, "preferences", current.preferences(), () -> f.optionalString("preferences", 1000)),
        current.updatedAt());
    if (p.maxHr() != null && p.restingHr() != null && p.restingHr() >= p.maxHr()) {
      throw ApiException.invalid("restingHr", "out_of_range", "Resting heart rate must be below maximum heart rate");
    }
    if (p.maxHr() != null && p.lthr() != null && p.lthr() >= p.maxHr()) {
      throw ApiException.invalid("lthr", "out_of_range", "Threshold heart rate must be below maximum heart rate");
    }
    if (p.restingHr() != null && p.lthr() != null && p.lthr() <= p.restingHr()) {
      throw ApiException.invalid("lthr", "out_of_range", "Threshold heart rate must be above resting heart rate");
    }
    return p;
  }

  private static String zone(String value) {
    return TimeZones.parse("timeZone", value);
  }

  private static <T> T pick(JsonFields f, String name, T current, java.util.function.Supplier<T> read) {
    return f.has(name) ? read.get() : current;
  }

  private static <T> T required(JsonFields f, String name, T current, java.util.function.Supplier<T> read) {
    if (!f.has(name)) {
      return current;
    }
    T value = read.get();
    if (value == null) {
      throw ApiException.invalid(name, "required", "'" + name + "' cannot be empty");
    }
    return value;
  }
}
