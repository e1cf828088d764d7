package fitcoach.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Typed, validated access to a request body. Unknown keys, wrong types and out-of-range values become 422 errors
 * naming the field, so a typo in a client never silently does nothing.
 */
public final class JsonFields {
  private final JsonObject body;

  public JsonFields(JsonObject body, String... allowed) {
    this.body = body;
    Set<String> known = Set.of(allowed);
    for (String key : body.fieldNames()) {
      if (!known.contains(key)) {
        throw ApiException.invalid(key, "unknown_field", "Unknown field '" + key + "'");
      }
    }
  }

  /**
   * Refuses, with a 422 naming the field, any string or key of a request body that is not text PostgreSQL can store:
   * one holding a NUL, or half of a UTF-16 surrogate pair (an escaped {@code \\ud800} without its partner). Every
   * body read through {@link Json#body} passes here, so no handler has to remember it.
   */
  public static void requireText(Object value, String path) {
    if (value instanceof String s) {
      if (!isText(s)) {
        throw ApiException.invalid(path, "invalid_text", "'" + path + "' holds a NUL or an unpaired surrogate, which is not text");
      }
    } else if (value instanceof JsonObject o) {
      for (Map.Entry<String, Object> e : o) {
        String name = path == null ? e.getKey() : path + "." + e.getKey();
        if (!isText(e.getKey())) {
          throw ApiException.invalid(path == null ? "" : path, "invalid_text", "A field name holds a NUL or an unpaired surrogate");
        }
        requireText(e.getValue(), name);
      }
    } else if (value instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        requireText(a.getValue(i), (path == null ? "" : path) + "[" + i + "]");
      }
    }
  }

  /** No NUL and no unpaired surrogate. */
  static boolean isText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  public boolean has(String name) {
    return body.containsKey(name);
  }

  public boolean isNull(String name) {
    return body.containsKey(name) && body.getValue(name) == null;
  }

  public String requiredString(String name, int maxLength) {
    String value = optionalString(name, maxLength);
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(name, "required", "'" + name + "' is required");
    }
    return value;
  }

  /** A string, or null when absent or null. */
  public String optionalString(String name, int maxLength) {
    String s = typed(name, String.class, "a string");
    if (s == null) {
      return null;
    }
    if (s.length() > maxLength) {
      throw ApiException.invalid(name, "too_long", "'" + name + "' must be at most " + maxLength + " characters");
    }
    requireText(s, name);
    return s;
  }

  /** true or false; {@code absent} when absent or null. */
  public boolean optionalBoolean(String name, boolean absent) {
    Boolean b = typed(name, Boolean.class, "true or false");
    return b == null ? absent : b;
  }

  /** A whole number in [min, max], or null when absent or null. */
  public Integer optionalInt(String name, int min, int max) {
    BigDecimal n = number(name);
    if (n == null) {
      return null;
    }
    if (n.stripTrailingZeros().scale() > 0) {
      throw ApiException.invalid(name, "invalid_type", "'" + name + "' must be a whole number");
    }
    requireRange(name, n, min, max);
    return n.intValueExact();
  }

  /** A number in [min, max], or null when absent or null. */
  public Double optionalDouble(String name, double min, double max) {
    BigDecimal n = number(name);
    if (n == null) {
      return null;
    }
    requireRange(name, n, min, max);
    return n.doubleValue();
  }

  public String optionalEnum(String name, Set<String> allowed) {
    String value = optionalString(name, 100);
    if (value != null && !allowed.contains(value)) {
      throw ApiException.invalid(name, "invalid_value",
          "'" + name + "' must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }

  /** The value as {@code type}, null when absent or null, else a 400 saying what it must be. */
  private <T> T typed(String name, Class<T> type, String mustBe) {
    Object value = body.getValue(name);
    if (value == null) {
      return null;
    }
    if (!type.isInstance(value)) {
      throw ApiException.invalid(name, "invalid_type", "'" + name + "' must be " + mustBe);
    }
    return type.cast(value);
  }

  private BigDecimal number(String name) {
    Number number = typed(name, Number.class, "a number");
    if (number == null) {
      return null;
    }
    double d = number.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw ApiException.invalid(name, "invalid_type", "'" + name + "' must be a finite number");
    }
    return new BigDecimal(number.toString());
  }

  private static void requireRange(String name, BigDecimal n, double min, double max) {
    if (n.doubleValue() < min || n.doubleValue() > max) {
      throw ApiException.invalid(name, "out_of_range", "'" + name + "' must be between " + trim(min) + " and " + trim(max));
    }
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
