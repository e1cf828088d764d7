package fitcoach.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a Strava bulk export: its activities.csv (names, descriptions, perceived exertion) and the activity files it
 * points to. Guards against zip bombs (entry count, total and per-entry unpacked size, compression ratio) and path
 * traversal: entries are read by the names activities.csv gives, never extracted by their own names.
 */
final class StravaExport {
  static final int MAX_ENTRIES = 100_000;
  static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 20L * 1024 * 1024 * 1024;
  private static final int MAX_RATIO = 200;

  /** One row of activities.csv, with the extracted file (relative to the data folder) when it has one. */
  record Entry(String stravaId, String name, String description, Integer rpe, String gear, String extractedFile, String fileName,
               java.time.Instant start, String sportType, Integer elapsedS, Integer movingS, Double distanceM) {
  }

  // English exports: "Oct 7, 2020, 2:43:11 PM", in UTC as importers read it; localized exports fall back to their files.
  private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
      .ofPattern("MMM d, yyyy, h:mm:ss a", Locale.ENGLISH);

  private StravaExport() {
  }

  static boolean looksLikeExport(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".zip");
  }

  /** Extracts the referenced activity files into {@code targetDir} (relative paths returned against {@code dataDir}). */
  static List<Entry> unpack(Path zip, Path dataDir, Path targetDir) throws ImportException {
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      if (zf.size() > MAX_ENTRIES) {
        throw new ImportException("The archive has more than " + MAX_ENTRIES + " entries: not a Strava export");
      }
      Map<String, ZipEntry> byName = new HashMap<>();
      long total = 0;
      for (Enumeration<? extends ZipEntry> e = zf.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        String name = entry.getName().replace('\\', '/');
        if (name.startsWith("/") || name.contains("../") || name.contains(":")) {
          throw new ImportException("The archive contains an unsafe path (" + name + "): refusing it");
        }
        total += Math.max(0, entry.getSize());
        if (total > MAX_TOTAL_BYTES) {
          throw new ImportException("The archive unpacks to more than 20 GB: refusing it");
        }
        byName.put(name, entry);
      }
      ZipEntry csv = byName.get("activities.csv");
      if (csv == null) {
        throw new ImportException("This zip has no activities.csv: it is not a Strava export");
      }
      List<List<String>> rows = Csv.parse(new String(read(zf, csv), StandardCharsets.UTF_8));
      if (rows.isEmpty()) {
        return List.of();
      }
      List<String> header = rows.get(0);
      int id = index(header, "Activity ID", 0);
      int name = index(header, "Activity Name", 2);
      int description = index(header, "Activity Description", 4);
      int file = index(header, "Filename", 12);
      int rpe = index(header, "Perceived Exertion", -1);
      int gear = index(header, "Activity Gear", 11);
      int date = index(header, "Activity Date", 1);
      int type = index(header, "Activity Type", 3);
      int elapsed = index(header, "Elapsed Time", 5);
      int moving = index(header, "Moving Time", -1);
      int distanceSi = nth(header, "Distance", 2);
      Files.createDirectories(targetDir);
      List<Entry> entries = new ArrayList<>();
      for (List<String> row : rows.subList(1, rows.size())) {
        String ref = cell(row, file);
        String extracted = null;
        String fileName = null;
        if (ref != null && byName.containsKey(ref)) {
          fileName = Path.of(ref).getFileName().toString();
          Path target = targetDir.resolve(entries.size() + "-" + ImportVerticle.safe(fileName));
          try (java.io.OutputStream out = Files.newOutputStream(target)) {
            copy(zf, byName.get(ref), out);
          } catch (ImportException | IOException e) {
            Files.deleteIfExists(target);
            throw e;
          }
          extracted = dataDir.relativize(target).toString();
        }
        entries.add(new Entry(cell(row, id), cell(row, name), cell(row, description), rpe(cell(row, rpe)), cell(row, gear),
            extracted, fileName,
            date(cell(row, date)), sport(cell(row, type)), whole(cell(row, elapsed)), whole(cell(row, moving)),
            number(cell(row, distanceSi))));
      }
      return entries;
    } catch (java.util.zip.ZipException e) {
      throw new ImportException("The zip file is damaged: " + e.getMessage());
    } catch (IOException e) {
      throw new ImportException("The zip file could not be read: " + e.getMessage());
    }
  }

  private static byte[] read(ZipFile zf, ZipEntry entry) throws IOException, ImportException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    copy(zf, entry, out);
    return out.toByteArray();
  }

  /** Copies one entry, refusing anything that inflates beyond the limits (declared sizes can lie). */
  private static void copy(ZipFile zf, ZipEntry entry, java.io.OutputStream out) throws IOException, ImportException {
    try (InputStream in = zf.getInputStream(entry)) {
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > MAX_ENTRY_BYTES || (entry.getCompressedSize() > 0 && total > entry.getCompressedSize() * MAX_RATIO
            && total > 10 * 1024 * 1024)) {
          throw new ImportException("An entry of the archive inflates suspiciously (" + entry.getName() + "): refusing it");
        }
        out.write(buf, 0, n);
      }
    }
  }

  /** Column names repeat (display units first, SI second): the position of the n-th one, or -1. */
  private static int nth(List<String> header, String column, int n) {
    int seen = 0;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equals(column) && ++seen == n) {
        return i;
      }
    }
    return -1;
  }

  /** The row's start, or null (the row is skipped) when it is not a date or lies outside the {@link fitcoach.app.DateWindow}. */
  private static java.time.Instant date(String value) {
    try {
      java.time.Instant start = value == null ? null : java.time.LocalDateTime.parse(value, DATE).toInstant(java.time.ZoneOffset.UTC);
      return fitcoach.app.DateWindow.contains(start) ? start : null;
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** "Virtual Ride", "E-Bike Ride", "Weight Training" → Strava's sport type names. */
  private static String sport(String label) {
    if (label == null) {
      return "Workout";
    }
    String compact = label.replace(" ", "").replace("-", "");
    String known = fitcoach.activities.Sports.canonical(compact);
    return known != null ? known : "Workout";
  }

  private static Integer whole(String value) {
    Double d = number(value);
    return d == null ? null : (int) Math.round(d);
  }

  private static Double number(String value) {
    try {
      return value == null ? null : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int index(List<String> header, String column, int fallback) {
    int i = header.indexOf(column);
    return i >= 0 ? i : fallback;
  }

  private static String cell(List<String> row, int index) {
    if (index < 0 || index >= row.size()) {
      return null;
    }
    String v = row.get(index).trim();
    return v.isEmpty() ? null : v;
  }

  private static Integer rpe(String value) {
    if (value == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(value.replace(',', '.'));
      return d >= 1 && d <= 10 ? (int) Math.round(d) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
