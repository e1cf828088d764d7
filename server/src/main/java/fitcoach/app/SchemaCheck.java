package fitcoach.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Whether the database already has exactly the migrations this build ships, so a restart can skip Flyway, whose set-up
 * and validation were a second of every start. "Exactly" is what Flyway's own validation checks: the same versions,
 * scripts and checksums, none failed. Anything else (a first start, an upgrade, a changed or missing script, a failed
 * migration) goes to Flyway, which then migrates or refuses as it always has.
 */
final class SchemaCheck {
  static final String LOCATION = "db/migration";
  private static final Pattern NAME = Pattern.compile("V(\\d+)__.+\\.sql");

  private SchemaCheck() {
  }

  /** A script this build ships: its version as Flyway writes it, its file name and Flyway's checksum of it. */
  record Script(String version, String name, int checksum) {
  }

  /** The schema's version when the database has exactly the shipped migrations; empty when Flyway must look. */
  static java.util.Optional<String> current(DatabaseUrl url) {
    try {
      TreeMap<String, Script> shipped = shipped();
      return shipped.isEmpty() || !applied(url, shipped) ? java.util.Optional.empty()
          : java.util.Optional.of(shipped.lastKey());
    } catch (IOException | SQLException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static boolean applied(DatabaseUrl url, Map<String, Script> shipped) throws SQLException {
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement s = c.createStatement()) {
      try (ResultSet exists = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
        if (!exists.next() || !exists.getBoolean(1)) {
          return false;
        }
      }
      Map<String, Script> applied = new TreeMap<>();
      try (ResultSet rows = s.executeQuery("SELECT version, script, checksum, success FROM flyway_schema_history")) {
        while (rows.next()) {
          if (!rows.getBoolean("success") || rows.getString("version") == null) {
            return false;
          }
          applied.put(rows.getString("version"),
              new Script(rows.getString("version"), rows.getString("script"), rows.getInt("checksum")));
        }
      }
      return applied.equals(shipped);
    }
  }

  /** The migrations on the class path, by version. */
  static TreeMap<String, Script> shipped() throws IOException {
    TreeMap<String, Script> scripts = new TreeMap<>();
    for (String name : names()) {
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        continue;
      }
      // Flyway writes the version as it reads it from the name, leading zeros and all ("020").
      URL resource = SchemaCheck.class.getClassLoader().getResource(LOCATION + "/" + name);
      if (resource == null) {
        continue;
      }
      try (InputStream in = resource.openStream()) {
        scripts.put(m.group(1), new Script(m.group(1), name, checksum(in)));
      }
    }
    return scripts;
  }

  /**
   * Flyway's checksum: CRC-32 over the script's lines in UTF-8, without line breaks and without a byte-order mark
   * (a test compares it with what Flyway stores, so a change in Flyway shows up there rather than as slow starts).
   */
  static int checksum(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096)) {
      String line = reader.readLine();
      if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      while (line != null) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
        line = reader.readLine();
      }
    }
    return (int) crc.getValue();
  }

  private static java.util.List<String> names() throws IOException {
    URL folder = SchemaCheck.class.getClassLoader().getResource(LOCATION);
    if (folder == null) {
      return java.util.List.of();
    }
    if ("file".equals(folder.getProtocol())) {
      try (Stream<Path> files = Files.list(Path.of(java.net.URI.create(folder.toString())))) {
        return files.map(p -> p.getFileName().toString()).toList();
      }
    }
    if ("jar".equals(folder.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) folder.openConnection();
      connection.setUseCaches(true);
      JarFile jar = connection.getJarFile();
      java.util.List<String> names = new java.util.ArrayList<>();
      String prefix = LOCATION + "/";
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        String entry = entries.nextElement().getName();
        if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0 && entry.length() > prefix.length()) {
          names.add(entry.substring(prefix.length()));
        }
      }
      return names;
    }
    return java.util.List.of();
  }
}
