package fitcoach.mcp;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arguments for any tool from its input schema alone: every required property filled with a plausible value (dates
 * named *from a month back, examples their first, anyOf its first alternative, other dates today, {@code id} the given activity, enums their first value), so a test can
 * call every tool a registry lists without knowing them in advance.
 */
final class SchemaSamples {
  private SchemaSamples() {
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> arguments(Map<String, Object> schema, String activityId, LocalDate today) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
    List<String> required = (List<String>) schema.getOrDefault("required", List.of());
    for (String name : required) {
      out.put(name, value(name, (Map<String, Object>) properties.getOrDefault(name, Map.of()), activityId, today));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object value(String name, Map<String, Object> schema, String activityId, LocalDate today) {
    if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
      return values.get(0);
    }
    if (schema.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
      return examples.get(0);
    }
    if (schema.get("anyOf") instanceof List<?> alternatives && !alternatives.isEmpty()) {
      return value(name, (Map<String, Object>) alternatives.get(0), activityId, today);
    }
    Object type = schema.get("type");
    if ("integer".equals(type) || "number".equals(type)) {
      return schema.get("minimum") instanceof Number min ? min : 1;
    }
    if ("boolean".equals(type)) {
      return false;
    }
    if ("array".equals(type)) {
      Object items = schema.get("items");
      return items instanceof Map<?, ?> item ? List.of(value(name, (Map<String, Object>) item, activityId, today)) : List.of();
    }
    if ("object".equals(type)) {
      return arguments(schema, activityId, today);
    }
    if (name.equals("id") || name.endsWith("_id")) {
      return activityId;
    }
    if (name.endsWith("from")) {
      return today.minusDays(30).toString();
    }
    return today.toString();
  }
}
