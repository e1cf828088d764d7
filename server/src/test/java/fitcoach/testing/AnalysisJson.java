package fitcoach.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reading and writing the analysis JSON in tests: stream arrays and curve points. */
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
}
