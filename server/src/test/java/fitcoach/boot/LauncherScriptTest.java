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

  @BeforeEach
  void lay() throws Exception {
    Files.copy(Path.of("src/main/dist/fitcoach"), dir.resolve("fitcoach"));
    Files.setPosixFilePermissions(dir.resolve("fitcoach"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("fitcoach.jar"), "not really a jar");
    javaHome = dir.resolve("jdk");
    Files.createDirectories(javaHome.resolve("bin"));
    Path java = javaHome.resolve("bin").resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\necho \"MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    cds = dir.resolve("cds");
  }

  @Test
  void firstServerRunRecordsTheArchiveAndLaterRunsUseIt() throws Exception {
    List<String> first = run(Map.of());
    assertThat(first).contains("-XX:+UseSerialGC", "-Xmx512m", "-jar", dir.resolve("fitcoach.jar").toString(),
        "MALLOC_ARENA_MAX=2");
    String recording = first.stream().filter(a -> a.startsWith("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow();
    Path archive = Path.of(recording.substring("-XX:ArchiveClassesAtExit=".length()));
    assertThat(archive.getParent()).isEqualTo(cds);
    assertThat(first.indexOf(recording)).isLessThan(first.indexOf("-jar"));

    Files.writeString(archive, "archive"); // what Java writes when that run ends
    List<String> second = run(Map.of("FITCOACH_HEAP", "1g", "JAVA_OPTS", "-Dx=y"));
    assertThat(second).contains("-XX:SharedArchiveFile=" + archive, "-XX:+VerifySharedSpaces", "-Xmx1g", "-Dx=y")
        .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));

    // A new jar gets a new archive, and the old one is removed when it is recorded.
    Files.writeString(dir.resolve("fitcoach.jar"), "a newer jar, longer than the first");
    List<String> upgraded = run(Map.of());
    assertThat(upgraded).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=") && !a.endsWith(archive.getFileName().toString()));
    assertThat(archive).doesNotExist();
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
    List<String> command = new java.util.ArrayList<>(List.of(dir.resolve("fitcoach").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("FITCOACH_HEAP");
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("FITCOACH_CDS_DIR", cds.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(out).isZero();
    return out.lines().toList();
  }
}
