package fitcoach.boot;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.AppProcess;
import fitcoach.testing.DataFolder;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code java -jar fitcoach.jar backup} as the athlete runs it: a JVM of its own on the server's data folder. */
class BackupCommandProcessTest {
  private static final Map<String, String> ENV = Map.of("PORT", "0", "HOST", "127.0.0.1", "FITCOACH_BACKUPS", "off");

  private static List<String> names(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  @DisplayName("The backup command is refused while the server runs, backs up once it is stopped, and a SIGKILL mid-write leaves no false backup")
  void backupCommand() throws Exception {
    Path work = TestApp.tempDir();
    DataFolder folder = new DataFolder(work.resolve("data"));
    Path backups = folder.dir().resolve("backups");
    try (AppProcess server = AppProcess.start(work, "server.log", ENV)) {
      TestClient client = new TestClient(server.awaitListening(Duration.ofSeconds(120)));
      assertThat(client.post("/api/auth/setup", new JsonObject().put("email", "athlete@example.com")
          .put("password", "correct horse battery")).status()).isEqualTo(201);
      var demo = client.post("/api/demo", new JsonObject().put("years", 1).put("sessionsPerWeek", 4));
      assertThat(demo.status()).as(demo.toString()).isEqualTo(201);

      AppProcess refused = AppProcess.start(work, "refused.log", ENV, "backup");
      assertThat(refused.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
      assertThat(refused.output()).contains("FitCoach cannot back up: another FitCoach (process " + server.pid() + ")")
          .contains("Settings");
      assertThat(names(backups)).isEmpty();
      assertThat(client.get("/api/health").status()).isEqualTo(200);
      server.stop();
    }

    AppProcess first = AppProcess.start(work, "backup1.log", ENV, "backup");
    assertThat(first.awaitExit(Duration.ofSeconds(180))).as(first.output()).isZero();
    List<String> said = first.output().lines().filter(l -> l.startsWith("Backup written: ")).toList();
    assertThat(said).singleElement().satisfies(line -> assertThat(line).matches(
        "Backup written: " + java.util.regex.Pattern.quote(backups.toRealPath().toString()) + "/fitcoach-\\d{4}-\\d{2}-\\d{2}T\\d{4}\\.zip \\(\\d+ bytes\\)"));
    List<String> afterFirst = names(backups);
    assertThat(afterFirst).singleElement().satisfies(n -> assertThat(said.get(0)).contains(n));
    Path written = backups.resolve(afterFirst.get(0));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backups))).isEqualTo("rwx------");
    try (ZipFile zip = new ZipFile(written.toFile())) {
      assertThat(zip.getEntry("manifest.json")).isNotNull();
      assertThat(zip.stream().filter(e -> e.getName().startsWith("streams/")).count()).isPositive();
    }

    // Killed while writing: the .part is there, no new final name is.
    try (AppProcess killed = AppProcess.start(work, "killed.log", ENV, "backup")) {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
      boolean sawPart = false;
      while (!sawPart && killed.process().isAlive() && Instant.now().isBefore(deadline)) {
        sawPart = names(backups).stream().anyMatch(n -> n.endsWith(".zip.part"));
        Thread.sleep(2);
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(sawPart, "the backup finished before a .part was seen");
      killed.kill();
    }
    for (String name : names(backups)) {
      if (name.endsWith(".zip")) {
        try (ZipFile zip = new ZipFile(backups.resolve(name).toFile())) {
          assertThat(zip.getEntry("manifest.json")).as("every file named like a backup is a whole one: " + name).isNotNull();
        }
      } else {
        assertThat(name).startsWith(".fitcoach-").endsWith(".zip.part");
      }
    }

    AppProcess next = AppProcess.start(work, "backup3.log", ENV, "backup");
    assertThat(next.awaitExit(Duration.ofSeconds(180))).as(next.output()).isZero();
    assertThat(names(backups)).as("the leftover .part is gone").noneMatch(n -> n.endsWith(".part")).isNotEmpty();
    assertThat(folder.pg().resolve("postmaster.pid")).doesNotExist();
  }

  @Test
  @DisplayName("The backup command on a folder with no account says so and exits 1; an unknown option exits 2 with the usage")
  void noAccountAndBadOption() throws Exception {
    Path work = TestApp.tempDir();
    AppProcess bad = AppProcess.start(work, "bad.log", ENV, "backup", "--now");
    assertThat(bad.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
    assertThat(bad.output()).contains("Unknown option --now. Usage: backup");

    AppProcess empty = AppProcess.start(work, "empty.log", ENV, "backup");
    assertThat(empty.awaitExit(Duration.ofSeconds(180))).as(empty.output()).isEqualTo(1);
    assertThat(empty.output()).contains("no account yet");
    assertThat(names(work.resolve("data/backups")).stream().filter(n -> n.endsWith(".zip"))).isEmpty();
  }
}
