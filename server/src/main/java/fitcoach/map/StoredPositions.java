package fitcoach.map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The positions of stored streams (activity_streams.data, gzip JSON; {@code "latlng": [[lat, lon] | null, ...]}), read as
 * tokens so every other channel is skipped without being built. A null or malformed sample is NaN. Blocking.
 */
record StoredPositions(double[] lat, double[] lon) {
  private static final JsonFactory JSON = new JsonFactory();
  static final StoredPositions NONE = new StoredPositions(new double[0], new double[0]);

  static StoredPositions read(byte[] gzippedJson) {
    try (JsonParser p = JSON.createParser(new GZIPInputStream(new ByteArrayInputStream(gzippedJson), 64 * 1024))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return NONE;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if ("latlng".equals(name)) {
          return positions(p);
        }
        p.skipChildren();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Stored streams are not readable", e);
    }
    return NONE;
  }

  private static StoredPositions positions(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      return NONE;
    }
    double[] lat = new double[1024];
    double[] lon = new double[1024];
    int n = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      double la = Double.NaN;
      double lo = Double.NaN;
      if (t == JsonToken.START_ARRAY) {
        double[] pair = new double[2];
        int k = 0;
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY && e != null) {
          boolean number = e == JsonToken.VALUE_NUMBER_INT || e == JsonToken.VALUE_NUMBER_FLOAT;
          if (k < 2) {
            pair[k] = number ? p.getDoubleValue() : Double.NaN;
          }
          k++;
          p.skipChildren();
        }
        if (k == 2) {
          la = pair[0];
          lo = pair[1];
        }
      } else {
        p.skipChildren();
      }
      if (n == lat.length) {
        lat = Arrays.copyOf(lat, n * 2);
        lon = Arrays.copyOf(lon, n * 2);
      }
      lat[n] = la;
      lon[n] = lo;
      n++;
    }
    return new StoredPositions(Arrays.copyOf(lat, n), Arrays.copyOf(lon, n));
  }
}
