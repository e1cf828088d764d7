package fitcoach.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script beside the jar (src/main/dist/fitcoach), run with a stand-in `java` that prints what it was
 * given: the heap cap, the class-data-sharing archive recorded by the first server run and used by the next, and the
 * arguments passed through.
 */
class LauncherScriptTest {
  @TempDir
  Path dir;
  private Path cds;
  private Path javaHome;
  private Path data;

  @BeforeEach
  void lay() throws Exception {
    Files.copy(Path.of("src/main/dist/fitcoach"), dir.resolve("fitcoach"));
    Files.setPosixFilePermissions(dir.resolve("fitcoach"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("fitcoach.jar"), "not really a jar");
    javaHome = dir.resolve("jdk");
    Files.createDirectories(javaHome.resolve("bin"));
    Path java = javaHome.resolve("bin").resolve("java");
    // Prints its arguments and, like Java at the end of a run, writes the archive it was asked to record; STAND_IN_EXIT
    // is its exit status, and STAND_IN_WAIT makes it wait for a stop signal first (then it ends as Java does, 143).
    Files.writeString(java, """
        #!/bin/sh
        printf '%s\\n' "$@"
        echo "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
        record() {
          for a in "$@"; do
            case "$a" in -XX:ArchiveClassesAtExit=*) echo "archived classes" > "${a#-XX:ArchiveClassesAtExit=}" ;; esac
          done
        }
        if [ -n "${STAND_IN_WAIT:-}" ]; then
          trap 'record "$@"; exit 143' TERM
          touch "$STAND_IN_WAIT"
          while :; do sleep 0.05; done
        fi
        record "$@"
        exit "${STAND_IN_EXIT:-0}"
        """);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    cds = dir.resolve("cds");
    data = dir.resolve("data");
    Files.createDirectories(data.resolve("pg"));
    Files.writeString(data.resolve("pg").resolve("PG_VERSION"), "17\n");
  }

  @Test
  void theFirstStartOfANewDataFolderOnlyLeavesAMarkAndTheNextRecords() throws Exception {
    Map<String, String> fresh = Map.of("FITCOACH_DATA_DIR", dir.resolve("new-data").toString());
    assertThat(run(fresh)).contains("-jar").noneMatch(a -> a.contains("Archive"));
    assertThat(run(fresh)).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
    try (var left = Files.list(cds)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).singleElement()
          .satisfies(name -> assertThat(name).matches("fitcoach-\\d+\\.jsa"));
    }
  }

  @Test
  void firstServerRunRecordsTheArchiveAndLaterRunsUseIt() throws Exception {
    List<String> first = run(Map.of());
    assertThat(first).contains("-XX:+UseSerialGC", "-Xmx512m", "-jar", dir.resolve("fitcoach.jar").toString(),
        "MALLOC_ARENA_MAX=2");
    String recording = first.stream().filter(a -> a.startsWith("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow();
    Path temporary = Path.of(recording.substring("-XX:ArchiveClassesAtExit=".length()));
    assertThat(temporary.getParent()).isEqualTo(cds);
    assertThat(first.indexOf(recording)).isLessThan(first.indexOf("-jar"));

    // Java wrote the archive under a temporary name as that run ended; the launcher gave it its name after Java exited.
    Path archive = temporary.resolveSibling(temporary.getFileName().toString().replaceFirst("\\.\\d+$", ""));
    assertThat(temporary.getFileName().toString()).matches("fitcoach-\\d+\\.jsa\\.\\d+");
    assertThat(archive).hasContent("archived classes");
    assertThat(temporary).doesNotExist();
    List<String> second = run(Map.of("FITCOACH_HEAP", "1g", "JAVA_OPTS", "-Dx=y"));
    assertThat(second).contains("-XX:SharedArchiveFile=" + archive, "-Xmx1g", "-Dx=y")
        .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));

    // A new jar gets a new archive, and the old one is removed when it is recorded.
    Files.writeString(dir.resolve("fitcoach.jar"), "a newer jar, longer than the first");
    List<String> upgraded = run(Map.of());
    assertThat(upgraded).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=") && !a.endsWith(archive.getFileName().toString()));
    assertThat(archive).doesNotExist();
  }

  @Test
  void aRecordingRunThatFailsOrIsKilledKeepsNoArchive() throws Exception {
    for (String exit : List.of("2", "137")) {
      List<String> failed = run(Map.of("STAND_IN_EXIT", exit), Integer.parseInt(exit));
      assertThat(failed).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
      try (var left = Files.list(cds)) {
        assertThat(left).as("after exit " + exit).isEmpty();
      }
    }
  }

  @Test
  void aStopSignalReachesJavaAndTheRecordedArchiveIsKept() throws Exception {
    Path waiting = dir.resolve("java-is-waiting");
    Process launcher = builder(Map.of("STAND_IN_WAIT", waiting.toString())).start();
    for (int i = 0; i < 200 && !Files.exists(waiting); i++) {
      Thread.sleep(25);
    }
    assertThat(waiting).exists();
    launcher.destroy(); // SIGTERM to the launcher, as a service manager or `docker stop` sends it
    assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(launcher.exitValue()).isEqualTo(143);
    try (var left = Files.list(cds)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).singleElement()
          .satisfies(name -> assertThat(name).matches("fitcoach-\\d+\\.jsa"));
    }
  }

  @Test
  void commandsPassThroughWithoutRecordingAndCdsCanBeTurnedOff() throws Exception {
    List<String> backup = run(Map.of(), "backup");
    assertThat(backup.get(backup.indexOf("-jar") + 2)).isEqualTo("backup");
    assertThat(backup).noneMatch(a -> a.contains("Archive"));

    List<String> off = run(Map.of("FITCOACH_CDS", "off"));
    assertThat(off).contains("-jar").noneMatch(a -> a.contains("Archive"));
    // Java 17 crashes mapping archived classes under Flight Recorder: a profiling run goes without the archive.
    List<String> profiled = run(Map.of("JAVA_OPTS", "-XX:StartFlightRecording=filename=x.jfr"));
    assertThat(profiled).contains("-XX:StartFlightRecording=filename=x.jfr").noneMatch(a -> a.contains("Archive"));
    assertThat(cds).doesNotExist();
  }

  private List<String> run(Map<String, String> env, String... args) throws Exception {
    return run(env, 0, args);
  }

  private List<String> run(Map<String, String> env, int exit, String... args) throws Exception {
    Process process = builder(env, args).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(out).isEqualTo(exit);
    return out.lines().toList();
  }

  private ProcessBuilder builder(Map<String, String> env, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(dir.resolve("fitcoach").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("FITCOACH_HEAP");
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("FITCOACH_CDS_DIR", cds.toString());
    // A data folder with a database, as after the first start (see the test of that first start).
    builder.environment().remove("DATABASE_URL");
    builder.environment().put("FITCOACH_DATA_DIR", data.toString());
    builder.environment().putAll(env);
    return builder;
  }
}
