package fitcoach.imports;

import fitcoach.app.DateWindow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Entry point of activity-file import: reads one uploaded FIT, GPX or TCX file (optionally gzipped) and returns the
 * activities in it. Blocking I/O; callers run it on a worker thread.
 */
public final class ActivityFileParser {
  /** The largest file (after gunzip) we read; a 24 h ride at 1 Hz is a few MB of FIT. */
  static final int MAX_BYTES = 256 * 1024 * 1024;

  private ActivityFileParser() {}

  /**
   * Parses one file: the name decides the format, ".gz" is gunzipped, and FIT is also recognised by its header. A FIT
   * file with several sessions (multisport) is one {@link ParsedActivity} with a leg per session. Reads {@code in} to the end
   * and closes it.
   *
   * @throws ImportException with a message an athlete can read when nothing usable is in the file
   */
  public static List<ParsedActivity> parse(String fileName, InputStream in) throws ImportException {
    return parseFile(fileName, in).activities();
  }

  /**
   * As {@link #parse}, also returning warnings about partial imports (truncated or corrupt files). Activities with a
   * position get the time zone there (see {@link LocalStart}); the first lookup in a region loads its map (seconds).
   */
  public static ParsedFile parseFile(String fileName, InputStream in) throws ImportException {
    ParsedFile parsed = parseFormat(fileName, in);
    for (ParsedActivity a : parsed.activities()) {
      requireInWindow(a);
    }
    return new ParsedFile(parsed.format(), parsed.activities().stream().map(LocalStart::fromPosition).toList(), parsed.warnings());
  }

  /**
   * A start outside the {@link DateWindow} is a device clock gone wrong (a year-9999 GPX would sit on top of the list
   * for ever, a year-0 one would stretch the chart over two thousand years): the whole file is refused, alone.
   */
  static void requireInWindow(ParsedActivity a) throws ImportException {
    if (!DateWindow.contains(a.startUtc())) {
      throw new ImportException("The activity in this file starts on " + LocalDate.ofInstant(a.startUtc(), ZoneOffset.UTC)
          + ", outside the dates FitCoach accepts (" + DateWindow.describe() + "); check the clock of the device that recorded it");
    }
  }

  private static ParsedFile parseFormat(String fileName, InputStream in) throws ImportException {
    String name = fileName == null ? "" : fileName.trim().toLowerCase(Locale.ROOT);
    byte[] bytes = readAll(in);
    if (bytes.length == 0) {
      throw new ImportException("Empty file");
    }
    if (isGzip(bytes)) {
      bytes = gunzip(bytes);
      if (bytes.length == 0) {
        throw new ImportException("Empty file (the compressed file holds nothing)");
      }
    }
    // A ".gz" that is not compressed is read as it is: browsers sometimes unpack downloads and keep the name.
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (FitParser.hasFitHeader(bytes)) {
      return FitParser.parse(bytes);
    }
    String xmlRoot = XmlInput.rootElement(bytes);
    if ("gpx".equals(xmlRoot)) {
      return GpxParser.parse(bytes);
    }
    if ("TrainingCenterDatabase".equals(xmlRoot)) {
      return TcxParser.parse(bytes);
    }
    if (name.endsWith(".fit")) {
      throw new ImportException("Not an activity file: it is named .fit but does not contain FIT data");
    }
    if (name.endsWith(".gpx") || name.endsWith(".tcx")) {
      String format = name.substring(name.length() - 3).toUpperCase(Locale.ROOT);
      throw new ImportException(xmlRoot == null
          ? "Not an activity file: it is named ." + format.toLowerCase(Locale.ROOT) + " but is not XML"
          : "Not an activity file: it is named ." + format.toLowerCase(Locale.ROOT) + " but holds <" + xmlRoot
              + ">, not " + format);
    }
    throw new ImportException("Not an activity file: FitCoach reads FIT, GPX and TCX files (also gzipped)");
  }

  private static byte[] readAll(InputStream in) throws ImportException {
    try (InputStream input = in) {
      return readCapped(input);
    } catch (IOException e) {
      throw new ImportException("The file could not be read: " + e.getMessage());
    }
  }

  private static byte[] readCapped(InputStream in) throws IOException, ImportException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > MAX_BYTES || total < 0) {
        throw new ImportException("The file is too large to import (over " + MAX_BYTES / (1024 * 1024) + " MB)");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  private static byte[] gunzip(byte[] bytes) throws ImportException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return readCapped(in);
    } catch (ZipException | java.io.EOFException e) {
      throw new ImportException("The compressed file is damaged and cannot be unpacked");
    } catch (IOException e) {
      throw new ImportException("The compressed file could not be unpacked: " + e.getMessage());
    }
  }
}
