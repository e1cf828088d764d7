package fitcoach.testing;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A FitCoach data folder as the athlete has it: the environment of an app that runs its own embedded PostgreSQL there
 * (no DATABASE_URL), and a look inside from the test (the running server's pid and port from postmaster.pid, a login with
 * the password FitCoach keeps in the secrets file).
 */
public final class DataFolder {
  private final Path dir;

  public DataFolder(Path dir) {
    this.dir = dir;
  }

  public static DataFolder create() {
    return new DataFolder(TestApp.tempDir().resolve("data"));
  }

  public Path dir() {
    return dir;
  }

  public Path pg() {
    return dir.resolve("pg");
  }

  /** The environment of a FitCoach on this folder with its embedded database, as {@link TestApp#env} without DATABASE_URL. */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("FITCOACH_DATA_DIR", dir.toString());
    env.put("FITCOACH_HTTP_INSTANCES", "2");
    env.put("FITCOACH_BLOCKED_THREAD_WARN_MS", "200");
    return env;
  }

  /** Line 1 of postmaster.pid: the running server's process id. */
  public long postmasterPid() {
    return Long.parseLong(pidFile().get(0).strip());
  }

  /** Line 4 of postmaster.pid: its port. */
  public int port() {
    return Integer.parseInt(pidFile().get(3).strip());
  }

  public String password() {
    try {
      Properties p = new Properties();
      p.load(new StringReader(Files.readString(dir.resolve("secrets"))));
      return p.getProperty("EMBEDDED_DATABASE_PASSWORD");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public Connection connect(String password) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "5");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/postgres", props);
  }

  /** The first column of the first row, as text, read with the stored password. */
  public String value(String sql) {
    try (Connection c = connect(password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public long count(String sql) {
    return Long.parseLong(value(sql));
  }

  private List<String> pidFile() {
    try {
      return Files.readAllLines(pg().resolve("postmaster.pid"));
    } catch (Exception e) {
      throw new IllegalStateException("No running server on " + pg() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Regular files under {@code dir} (0 when it does not exist). The server may delete files while they are counted; a
   * walk that trips over one is simply walked again.
   */
  public static long regularFiles(Path dir) {
    for (int attempt = 0; ; attempt++) {
      if (!java.nio.file.Files.isDirectory(dir)) {
        return 0;
      }
      try (var files = java.nio.file.Files.walk(dir)) {
        return files.filter(java.nio.file.Files::isRegularFile).count();
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        if (attempt >= 50) {
          throw new IllegalStateException("Cannot count the files under " + dir, e);
        }
      }
    }
  }
}
