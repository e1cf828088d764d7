package fitcoach.progress;

import fitcoach.app.SecretsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;

/**
 * For bench/progress.sh: runs one SQL statement on the embedded database of a running FitCoach data folder
 * ({@code BenchSql <dataDir> <sql>}) and prints the first column of each row (or the update count), so the bench can
 * make every stored analysis look old and time the reprocessing.
 */
public final class BenchSql {
  private BenchSql() {
  }

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    // postmaster.pid: line 4 is the port the cluster listens on.
    List<String> pid = Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"));
    String url = "jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres";
    String password = SecretsFile.embeddedDatabasePassword(dataDir).value();
    try (var c = DriverManager.getConnection(url, "postgres", password); var s = c.createStatement()) {
      if (s.execute(args[1])) {
        try (var rs = s.getResultSet()) {
          while (rs.next()) {
            System.out.println(rs.getString(1));
          }
        }
      } else {
        System.out.println(s.getUpdateCount());
      }
    }
  }
}
