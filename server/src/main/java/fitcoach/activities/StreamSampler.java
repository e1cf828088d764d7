package fitcoach.activities;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Serves an activity's stored streams (gzip JSON, {@code {"time":[...],"heartrate":[...],"latlng":[[..],..],...}})
 * with at most {@link #MAX_POINTS} points: evenly spaced samples, first and last kept, the same indexes in every
 * channel so they stay aligned. A 1 Hz day is 86,400 points and a 1M-point GPX was 40 MB of JSON; a chart needs a few
 * thousand. The stored streams are read as a stream of tokens, never as a tree, so memory stays small whatever the
 * file held. Blocking (gunzip, parsing): run it on a worker thread.
 */
public final class StreamSampler {
  /** The most points served per channel, and the default of {@code ?maxPoints=}. */
  public static final int MAX_POINTS = 10_000;
  /** The fewest points a client may ask for. */
  public static final int MIN_POINTS = 10;
  private static final JsonFactory JSON = new JsonFactory();

  private StreamSampler() {
  }

  /** The streams object as JSON text, how many points it holds, and how many are stored. */
  public record Sampled(String json, int points, int storedPoints) {
  }

  public static Sampled sample(byte[] gzippedJson, int maxPoints) {
    try {
      int stored = longestChannel(gzippedJson);
      if (stored <= maxPoints) {
        try (InputStream in = gunzip(gzippedJson)) {
          return new Sampled(new String(in.readAllBytes(), StandardCharsets.UTF_8), stored, stored);
        }
      }
      return new Sampled(select(gzippedJson, stored, maxPoints), maxPoints, stored);
    } catch (IOException e) {
      throw new UncheckedIOException("Stored streams are not readable", e);
    }
  }

  /** The i-th of {@code m} evenly spaced indexes into {@code n} points: 0 first, n - 1 last, strictly increasing for m ≤ n. */
  static long index(long i, long n, long m) {
    return m <= 1 ? 0 : i * (n - 1) / (m - 1);
  }

  private static int longestChannel(byte[] gzippedJson) throws IOException {
    int longest = 0;
    try (JsonParser p = JSON.createParser(gunzip(gzippedJson))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return 0;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        if (p.nextToken() == JsonToken.START_ARRAY) {
          int n = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
            n++;
          }
          longest = Math.max(longest, n);
        } else {
          p.skipChildren();
        }
      }
    }
    return longest;
  }

  private static String select(byte[] gzippedJson, int stored, int maxPoints) throws IOException {
    StringWriter out = new StringWriter(maxPoints * 64);
    try (JsonParser p = JSON.createParser(gunzip(gzippedJson)); JsonGenerator g = JSON.createGenerator(out)) {
      p.nextToken();
      g.writeStartObject();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        g.writeFieldName(p.currentName());
        if (p.nextToken() != JsonToken.START_ARRAY) {
          g.copyCurrentStructure(p);
          continue;
        }
        g.writeStartArray();
        long i = 0;
        int k = 0;
        long next = index(0, stored, maxPoints);
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (i == next) {
            g.copyCurrentStructure(p);
            k++;
            next = k < maxPoints ? index(k, stored, maxPoints) : -1;
          } else {
            p.skipChildren();
          }
          i++;
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    return out.toString();
  }

  private static InputStream gunzip(byte[] gzipped) throws IOException {
    return new GZIPInputStream(new ByteArrayInputStream(gzipped), 64 * 1024);
  }
}
