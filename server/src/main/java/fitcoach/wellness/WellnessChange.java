package fitcoach.wellness;

import fitcoach.app.ApiException;
import fitcoach.app.JsonFields;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a write changes on one day: only the fields it names. A field mapped to null is cleared; a field not in the map
 * keeps its stored value. Built from a PUT body here (validated in one place) or from a CSV row by {@link WellnessCsv}.
 */
public record WellnessChange(Map<WellnessField, Object> values) {
  public WellnessChange {
    // EnumMap keeps the nulls that mean "clear" and the fields in a fixed order.
    values = Collections.unmodifiableMap(new EnumMap<>(values.isEmpty() ? new EnumMap<>(WellnessField.class) : values));
  }

  public boolean sets(WellnessField field) {
    return values.containsKey(field);
  }

  public Object value(WellnessField field) {
    return values.get(field);
  }

  /**
   * A PUT body: any of the fields, each a value in its range or null (clear it). Unknown fields, wrong types and values
   * out of range are a 422 naming the field; an empty object is a 422 too (it would change nothing).
   */
  public static WellnessChange fromJson(JsonObject body) {
    String[] names = new String[WellnessField.values().length];
    for (WellnessField f : WellnessField.values()) {
      names[f.ordinal()] = f.json();
    }
    JsonFields fields = new JsonFields(body, names);
    if (body.isEmpty()) {
      throw ApiException.invalid(null, "no_fields", "Send at least one of: " + String.join(", ", names));
    }
    EnumMap<WellnessField, Object> values = new EnumMap<>(WellnessField.class);
    for (WellnessField f : WellnessField.values()) {
      if (!fields.has(f.json())) {
        continue;
      }
      if (fields.isNull(f.json())) {
        values.put(f, null);
        continue;
      }
      values.put(f, switch (f.kind()) {
        case DECIMAL -> fields.optionalDouble(f.json(), f.min(), f.max());
        case SCALE -> fields.optionalInt(f.json(), (int) f.min(), (int) f.max());
        case FLAG -> fields.optionalBoolean(f.json(), false);
        case TEXT -> note(fields.optionalString(f.json(), WellnessField.MAX_NOTE));
      });
    }
    return new WellnessChange(values);
  }

  /** A blank note is no note. */
  static String note(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
