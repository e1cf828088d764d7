package fitcoach.testing.strava;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 1 Hz streams for an activity, consistent with its summary (B.10): {@code moving_time} samples, distance ending at
 * {@code distance}, heart rate averaging {@code average_heartrate} and peaking at {@code max_heartrate}, power around
 * {@code average_watts} (measured power only), altitude between {@code elev_low} and {@code elev_high}, latlng on the
 * same loop as the polyline. Streams an activity cannot have are absent.
 */
public final class Streams {
  /** Strava's stream types in the order the fake answers them. */
  static final List<String> TYPES = List.of("time", "distance", "latlng", "altitude", "velocity_smooth", "heartrate",
      "cadence", "watts", "moving");
  private final int size;
  private final Map<String, JsonArray> data = new LinkedHashMap<>();
  final double[] distance;
  final double[] altitude;
  final int[] heartrate;
  final int[] watts;
  final int[] cadence;
  final double[] velocity;

  private Streams(JsonObject a) {
    Random r = new Random(a.getLong("id") ^ 0x5DEECE66DL);
    size = Math.max(1, a.getInteger("moving_time", 1));
    double total = a.getDouble("distance", 0.0);
    velocity = total > 0 ? velocity(r, total) : null;
    distance = velocity == null ? null : cumulative(velocity, total);
    heartrate = a.getBoolean("has_heartrate", false) ? heartrate(r, a.getDouble("average_heartrate"), a.getDouble("max_heartrate")) : null;
    boolean measuredPower = a.getBoolean("device_watts", false) && a.getValue("average_watts") != null;
    watts = measuredPower ? watts(r, a.getDouble("average_watts"), a.getInteger("max_watts", 1000), !a.getBoolean("trainer", false)) : null;
    cadence = a.getValue("average_cadence") != null ? cadence(r, a.getDouble("average_cadence")) : null;
    String polyline = a.getJsonObject("map", new JsonObject()).getString("summary_polyline", "");
    boolean gps = polyline != null && !polyline.isEmpty() && distance != null && a.getJsonArray("start_latlng", new JsonArray()).size() == 2;
    altitude = gps && a.getValue("elev_low") != null ? altitude(a, distance, total) : null;

    JsonArray time = new JsonArray();
    JsonArray moving = new JsonArray();
    for (int i = 0; i < size; i++) {
      time.add(i);
      moving.add(true);
    }
    data.put("time", time);
    if (distance != null) {
      data.put("distance", doubles(distance));
    }
    if (gps) {
      JsonArray start = a.getJsonArray("start_latlng");
      Route route = routeOf(a, start);
      JsonArray latlng = new JsonArray();
      for (double d : distance) {
        double[] p = route.at(d / total);
        latlng.add(new JsonArray().add(p[0]).add(p[1]));
      }
      data.put("latlng", latlng);
    }
    if (altitude != null) {
      data.put("altitude", doubles(altitude));
    }
    if (velocity != null) {
      data.put("velocity_smooth", doubles(velocity));
    }
    if (heartrate != null) {
      data.put("heartrate", ints(heartrate));
    }
    if (cadence != null) {
      data.put("cadence", ints(cadence));
    }
    if (watts != null) {
      data.put("watts", ints(watts));
    }
    data.put("moving", moving);
  }

  public static Streams of(JsonObject activity) {
    return new Streams(activity);
  }

  public int size() {
    return size;
  }

  /** {@code key_by_type=true}: a StreamSet keyed by type. Strava adds {@code distance} even when not asked for. */
  public JsonObject streamSet(Collection<String> keys) {
    JsonObject set = new JsonObject();
    for (String type : TYPES) {
      if (data.containsKey(type) && (keys.contains(type) || type.equals("distance"))) {
        set.put(type, stream(type));
      }
    }
    return set;
  }

  /** The legacy array form ({@code key_by_type} not true), each stream naming its {@code type}. */
  public JsonArray legacy(Collection<String> keys) {
    JsonArray list = new JsonArray();
    streamSet(keys).forEach(e -> list.add(new JsonObject().put("type", e.getKey()).mergeIn((JsonObject) e.getValue())));
    return list;
  }

  private JsonObject stream(String type) {
    return new JsonObject().put("data", data.get(type)).put("series_type", "distance").put("original_size", size)
        .put("resolution", "high");
  }

  /** The same loop {@link ActivityFactory} drew the polyline from: seeded by id, starting at start_latlng. */
  private static Route routeOf(JsonObject a, JsonArray start) {
    return new Route(a.getLong("id"), start.getDouble(0), start.getDouble(1), a.getDouble("distance"));
  }

  private double[] velocity(Random r, double total) {
    double[] v = new double[size];
    double period = 240 + r.nextInt(600);
    double sum = 0;
    for (int i = 1; i < size; i++) {
      v[i] = Math.max(0.2, 1 + 0.12 * Math.sin(2 * Math.PI * i / period) + 0.05 * r.nextGaussian());
      sum += v[i];
    }
    double scale = sum == 0 ? 0 : total / sum;
    for (int i = 1; i < size; i++) {
      v[i] = Math.round(v[i] * scale * 1000) / 1000.0;
    }
    v[0] = size > 1 ? v[1] : total;
    return v;
  }

  private static double[] cumulative(double[] v, double total) {
    double[] d = new double[v.length];
    double sum = 0;
    for (int i = 1; i < v.length; i++) {
      sum += v[i];
      d[i] = ActivityFactory.round1(sum);
    }
    d[v.length - 1] = total;
    return d;
  }

  private int[] heartrate(Random r, double avg, double max) {
    double[] raw = new double[size];
    double mean = 0;
    for (int i = 0; i < size; i++) {
      raw[i] = -20 * Math.exp(-i / 300.0) + 6 * Math.sin(2 * Math.PI * i / 420) + 2 * r.nextGaussian();
      mean += raw[i] / size;
    }
    int[] hr = new int[size];
    int peak = 0;
    for (int i = 0; i < size; i++) {
      hr[i] = (int) Math.round(Math.max(60, Math.min(max - 1, avg + raw[i] - mean)));
      peak = hr[i] > hr[peak] ? i : peak;
    }
    hr[peak] = (int) Math.round(max);
    return hr;
  }

  private int[] watts(Random r, double avg, int max, boolean outdoor) {
    double[] raw = new double[size];
    double mean = 0;
    double phase = r.nextDouble() * 10;
    for (int i = 0; i < size; i++) {
      boolean coasting = outdoor && Math.sin(i / 37.0 + phase) > 0.93;
      raw[i] = coasting ? 0 : Math.max(0, 1 + 0.3 * Math.sin(2 * Math.PI * i / 600) + 0.2 * r.nextGaussian());
      mean += raw[i] / size;
    }
    int[] w = new int[size];
    int peak = 0;
    for (int i = 0; i < size; i++) {
      w[i] = (int) Math.round(Math.min(max - 1, raw[i] / mean * avg));
      peak = w[i] > w[peak] ? i : peak;
    }
    w[peak] = max;
    return w;
  }

  private int[] cadence(Random r, double avg) {
    int[] c = new int[size];
    for (int i = 0; i < size; i++) {
      c[i] = watts != null && watts[i] == 0 ? 0 : (int) Math.round(avg + 3 * r.nextGaussian());
    }
    return c;
  }

  private double[] altitude(JsonObject a, double[] dist, double total) {
    double low = a.getDouble("elev_low");
    double high = a.getDouble("elev_high");
    double gain = a.getDouble("total_elevation_gain", 0.0);
    long hills = high > low ? Math.max(1, Math.round(gain / (high - low))) : 1;
    double[] alt = new double[size];
    for (int i = 0; i < size; i++) {
      alt[i] = ActivityFactory.round1(low + (high - low) * (0.5 - 0.5 * Math.cos(2 * Math.PI * hills * dist[i] / total)));
    }
    return alt;
  }

  private static JsonArray doubles(double[] values) {
    JsonArray out = new JsonArray();
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  private static JsonArray ints(int[] values) {
    JsonArray out = new JsonArray();
    for (int v : values) {
      out.add(v);
    }
    return out;
  }
}
