package fitcoach.settings;

import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import fitcoach.app.JsonFields;
import fitcoach.load.ThresholdKind;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A dated threshold as POST /api/settings/thresholds sends it ({@code kind}, {@code validFrom}, {@code value}) or PUT
 * changes it (either of the last two). Values in the profile's realistic ranges, whole numbers except weight; dates in
 * the {@link DateWindow}. Bad input is a 422 naming the field.
 */
record ThresholdRequest(ThresholdKind kind, LocalDate validFrom, Double value) {
  private static final Set<String> KINDS = Arrays.stream(ThresholdKind.values()).map(ThresholdKind::code)
      .collect(Collectors.toUnmodifiableSet());

  static ThresholdRequest create(JsonObject body) {
    JsonFields f = new JsonFields(body, "kind", "validFrom", "value");
    String code = f.optionalEnum("kind", KINDS);
    if (code == null) {
      throw ApiException.invalid("kind", "required", "'kind' is required: one of " + String.join(", ", KINDS.stream().sorted().toList()));
    }
    ThresholdKind kind = ThresholdKind.parse(code).orElseThrow();
    LocalDate validFrom = date(f);
    Double value = value(f, kind);
    if (validFrom == null) {
      throw ApiException.invalid("validFrom", "required", "'validFrom' is required");
    }
    if (value == null) {
      throw ApiException.invalid("value", "required", "'value' is required");
    }
    return new ThresholdRequest(kind, validFrom, value);
  }

  /** A change to an entry of {@code kind}: the fields given replace the entry's, and at least one is given. */
  static ThresholdRequest change(JsonObject body, ThresholdEntry current) {
    JsonFields f = new JsonFields(body, "validFrom", "value");
    ThresholdKind kind = ThresholdKind.parse(current.kind()).orElseThrow();
    LocalDate validFrom = date(f);
    Double value = value(f, kind);
    if (f.isNull("validFrom")) {
      throw ApiException.invalid("validFrom", "required", "'validFrom' cannot be empty");
    }
    if (f.isNull("value")) {
      throw ApiException.invalid("value", "required", "'value' cannot be empty; delete the entry instead");
    }
    return new ThresholdRequest(kind, validFrom == null ? current.validFrom() : validFrom, value == null ? current.value() : value);
  }

  private static LocalDate date(JsonFields f) {
    String text = f.optionalString("validFrom", 10);
    if (text == null) {
      return null;
    }
    try {
      return DateWindow.require("validFrom", LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("validFrom", "invalid_value", "'validFrom' must be a date like 2026-03-01");
    }
  }

  private static Double value(JsonFields f, ThresholdKind kind) {
    if (kind.whole()) {
      Integer n = f.optionalInt("value", kind.min(), kind.max());
      return n == null ? null : n.doubleValue();
    }
    return f.optionalDouble("value", kind.min(), kind.max());
  }
}
