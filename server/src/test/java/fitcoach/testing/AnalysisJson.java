package fitcoach.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reading and writing the analysis JSON in tests: stream arrays, whole 1 Hz streams and curve points. */
public final class AnalysisJson {
  private AnalysisJson() {
  }

  /** Samples as a JSON array, as stored streams hold them. */
  public static JsonArray array(double[] values) {
    JsonArray a = new JsonArray();
    for (double v : values) {
      a.add(v);
    }
    return a;
  }

  /** The curve's point at {@code durationS}; fails the test when there is none. */
  public static JsonObject point(JsonArray curve, int durationS) {
    return curve.stream().map(JsonObject.class::cast).filter(p -> p.getInteger("durationS") == durationS).findFirst()
        .orElseThrow(() -> new AssertionError("no " + durationS + " s point in " + curve));
  }

  /**
   * Gzipped 1 Hz streams as stored: time, then watts and heart rate when given, a constant speed unless it is NaN, and
   * distance when given.
   */
  public static byte[] streams(double[] watts, double[] hr, double speed, double[] distance) {
    int n = watts != null ? watts.length : hr != null ? hr.length : distance.length;
    JsonObject json = new JsonObject();
    JsonArray time = new JsonArray();
    for (int i = 0; i < n; i++) {
      time.add(i);
    }
    json.put("time", time);
    if (watts != null) {
      json.put("watts", array(watts));
    }
    if (hr != null) {
      json.put("heartrate", array(hr));
    }
    if (!Double.isNaN(speed)) {
      double[] constant = new double[n];
      java.util.Arrays.fill(constant, speed);
      json.put("velocity_smooth", array(constant));
    }
    if (distance != null) {
      json.put("distance", array(distance));
    }
    return fitcoach.app.Gzip.text(json.encode());
  }

  /** The stream types of {@link #streams}, in the same order. */
  public static java.util.List<String> types(boolean watts, boolean hr, boolean speed, boolean distance) {
    java.util.List<String> t = new java.util.ArrayList<>(java.util.List.of("time"));
    if (watts) {
      t.add("watts");
    }
    if (hr) {
      t.add("heartrate");
    }
    if (speed) {
      t.add("velocity_smooth");
    }
    if (distance) {
      t.add("distance");
    }
    return t;
  }
}
