package fitcoach.analytics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The channels the analysis reads from an activity's stored streams (activity_streams.data: gzip JSON keyed by stream
 * type, as written by the importers and by a Strava streams fetch): time, watts, heartrate, velocity_smooth, distance.
 * Read as a stream of tokens, skipping everything else (latlng, altitude, cadence, moving), so a long activity never
 * becomes a JSON tree. A null element is a sample without that channel (NaN). Blocking: run it on a worker thread.
 */
record StoredStreams(double[] timeS, double[] powerW, double[] heartRate, double[] speedMps, double[] distanceM) {
  private static final JsonFactory JSON = new JsonFactory();

  static StoredStreams read(byte[] gzippedJson) {
    double[] time = null;
    double[] watts = null;
    double[] hr = null;
    double[] speed = null;
    double[] distance = null;
    try (JsonParser p = JSON.createParser(new GZIPInputStream(new ByteArrayInputStream(gzippedJson), 64 * 1024))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new StoredStreams(null, null, null, null, null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "time" -> time = numbers(p);
          case "watts" -> watts = numbers(p);
          case "heartrate" -> hr = numbers(p);
          case "velocity_smooth" -> speed = numbers(p);
          case "distance" -> distance = numbers(p);
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Stored streams are not readable", e);
    }
    return new StoredStreams(time, fit(watts, time), fit(hr, time), fit(speed, time), fit(distance, time));
  }

  /** An array of numbers (null and non-numbers are NaN); null when the value is not an array. */
  private static double[] numbers(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    double[] out = new double[1024];
    int n = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      double v = Double.NaN;
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        v = p.getDoubleValue();
      } else {
        p.skipChildren();
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = v;
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * A channel aligned with time: cut or padded (NaN) to the time stream's length, since the grid wants equal lengths and
   * a stored channel of another length (a truncated Strava stream) should not cost the whole analysis.
   */
  private static double[] fit(double[] values, double[] time) {
    if (values == null || time == null || values.length == time.length) {
      return values;
    }
    double[] out = Arrays.copyOf(values, time.length);
    Arrays.fill(out, Math.min(values.length, time.length), time.length, Double.NaN);
    return out;
  }
}
