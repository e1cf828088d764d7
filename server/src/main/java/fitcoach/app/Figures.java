package fitcoach.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the API's figures are written, in one place: rounded for display (the engine keeps full precision) and in a
 * fixed field order.
 */
public final class Figures {
  private Figures() {
  }

  /** {@code v} rounded half up to {@code decimals}; null for NaN or an infinity, which JSON cannot carry. */
  public static Double round(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return null;
    }
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  /** A JSON object with its fields in the order given: name, value, name, value, … */
  public static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
