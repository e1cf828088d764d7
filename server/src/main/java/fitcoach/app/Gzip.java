package fitcoach.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Gzip for stored streams (JSON), which compress roughly tenfold. */
public final class Gzip {
  private Gzip() {
  }

  public static byte[] text(String text) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
      gz.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String untext(byte[] data) {
    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Stored data is not readable gzip", e);
    }
  }
}
