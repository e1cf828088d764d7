package fitcoach.imports;

/**
 * Writes an activity's streams as the JSON the activity page reads ({@code {"time":[...],"heartrate":[...],...}}),
 * straight into a StringBuilder with fixed decimals per channel. A 1 Hz hour has tens of thousands of samples: boxing
 * each one into a JSON tree made imports garbage-collection bound.
 */
final class StreamJson {
  private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

  private StreamJson() {
  }

  /** The JSON text and the stream types it holds, or null when the activity has no samples. */
  static Encoded encode(Streams s) {
    if (s == null || s.timeS() == null || s.timeS().length == 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder(s.timeS().length * 40);
    java.util.List<String> types = new java.util.ArrayList<>();
    sb.append("{\"time\":[");
    for (int i = 0; i < s.timeS().length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(s.timeS()[i]);
    }
    sb.append(']');
    types.add("time");
    channel(sb, types, "heartrate", s.heartRate(), 1);
    channel(sb, types, "watts", s.powerW(), 1);
    channel(sb, types, "altitude", s.altitudeM(), 1);
    channel(sb, types, "velocity_smooth", s.speedMps(), 3);
    channel(sb, types, "cadence", s.cadence(), 1);
    channel(sb, types, "distance", s.distanceM(), 1);
    if (s.lat() != null && s.lon() != null && hasValue(s.lat())) {
      sb.append(",\"latlng\":[");
      for (int i = 0; i < s.lat().length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        if (Double.isNaN(s.lat()[i]) || Double.isNaN(s.lon()[i])) {
          sb.append("null");
        } else {
          sb.append('[');
          fixed(sb, s.lat()[i], 6);
          sb.append(',');
          fixed(sb, s.lon()[i], 6);
          sb.append(']');
        }
      }
      sb.append(']');
      types.add("latlng");
    }
    return new Encoded(sb.append('}').toString(), types, s.timeS().length);
  }

  record Encoded(String json, java.util.List<String> types, int points) {
    /**
     * The JSON gzipped for activity_streams. Deflate at its fastest level: on 1 Hz streams it is six times quicker
     * than the default level for output about an eighth larger, and at the default level gzip alone cost an import
     * as much CPU as decoding the FIT file. Readers only gunzip, so the level is invisible to them.
     */
    byte[] gzipped() {
      byte[] text = json.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length / 3 + 64);
      try (java.util.zip.GZIPOutputStream gz = new FastGzip(out)) {
        gz.write(text);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }

  private static final class FastGzip extends java.util.zip.GZIPOutputStream {
    FastGzip(java.io.OutputStream out) throws java.io.IOException {
      super(out, 64 * 1024);
      def.setLevel(java.util.zip.Deflater.BEST_SPEED);
    }
  }

  private static void channel(StringBuilder sb, java.util.List<String> types, String name, double[] values, int decimals) {
    if (values == null || !hasValue(values)) {
      return;
    }
    sb.append(",\"").append(name).append("\":[");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      if (Double.isNaN(values[i]) || Double.isInfinite(values[i])) {
        sb.append("null");
      } else {
        fixed(sb, values[i], decimals);
      }
    }
    sb.append(']');
    types.add(name);
  }

  /** {@code v} with at most {@code decimals} decimals, trailing zeros dropped (so whole numbers print as integers). */
  static void fixed(StringBuilder sb, double v, int decimals) {
    long scaled = Math.round(v * POW10[decimals]);
    if (scaled < 0) {
      sb.append('-');
      scaled = -scaled;
    }
    long whole = scaled / POW10[decimals];
    long frac = scaled % POW10[decimals];
    sb.append(whole);
    if (frac == 0) {
      return;
    }
    int digits = decimals;
    while (frac % 10 == 0) {
      frac /= 10;
      digits--;
    }
    sb.append('.');
    String f = Long.toString(frac);
    for (int i = f.length(); i < digits; i++) {
      sb.append('0');
    }
    sb.append(f);
  }

  private static boolean hasValue(double[] values) {
    for (double v : values) {
      if (!Double.isNaN(v)) {
        return true;
      }
    }
    return false;
  }
}
