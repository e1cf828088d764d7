package fitcoach.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's data folder, {@code $FITCOACH_DATA_DIR/pg}: created by initdb with a password, kept to password
 * (SCRAM) logins only, upgraded in place when an older FitCoach made it with trust logins, and freed of a server an
 * earlier FitCoach left running when it was killed. Blocking; runs before the server starts.
 */
final class PostgresCluster {
  static final String SUPERUSER = "postgres";
  /** The only logins: the superuser's password over loopback TCP (and a local socket, were one ever enabled). */
  static final String HBA = """
      # Written by FitCoach, which restores it on every start: password (SCRAM-SHA-256) logins only, over loopback.
      # TYPE  DATABASE  USER  ADDRESS       METHOD
      local   all       all                 scram-sha-256
      host    all       all   127.0.0.1/32  scram-sha-256
      """;
  private static final Logger LOG = LoggerFactory.getLogger(PostgresCluster.class);
  private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private final PostgresBinaries binaries;
  private final Path dir;

  PostgresCluster(PostgresBinaries binaries, Path dir) {
    this.binaries = binaries;
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /**
   * Makes the folder ready for a server to start on it: initialised (first start), no server left from an earlier run,
   * password logins only with the stored password. Returns whether the password was set just now.
   */
  boolean prepare(SecretsFile.DatabasePassword password) throws IOException {
    if (!initialised()) {
      init(password.value());
      return true;
    }
    PrivateFiles.directory(dir);
    stopLeftover();
    boolean hbaIsOurs = HBA.equals(Files.exists(hba()) ? Files.readString(hba()) : "");
    if (password.generated() || !hbaIsOurs) {
      // The password first: were FitCoach killed in between, the old logins still work and this runs again.
      setPassword(password.value());
      writeHba(dir);
      LOG.info("Embedded PostgreSQL in {} now takes password (SCRAM-SHA-256) logins only{}", dir,
          hbaIsOurs ? "" : "; its earlier login rules were replaced");
      return true;
    }
    return false;
  }

  private boolean initialised() {
    return Files.exists(dir.resolve("PG_VERSION")) && Files.exists(dir.resolve("global").resolve("pg_control"));
  }

  /** initdb into a sibling folder, moved into place once complete: a start killed mid-initdb leaves no half-made pg/. */
  private void init(String password) throws IOException {
    long t0 = System.nanoTime();
    Path parent = dir.toAbsolutePath().getParent();
    Path building = parent.resolve(dir.getFileName() + ".init");
    deleteTree(building);
    Path passwordFile = PrivateFiles.newFile(parent.resolve(dir.getFileName() + ".password"));
    try {
      Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
      binaries.run("initdb", List.of("-D", building.toString(), "-U", SUPERUSER, "-E", "UTF-8",
          "--auth=scram-sha-256", "--pwfile=" + passwordFile, "--no-instructions"), null, INITDB_TIMEOUT);
    } finally {
      Files.deleteIfExists(passwordFile);
    }
    writeHba(building);
    if (Files.exists(dir)) {
      if (isEmpty(dir)) {
        Files.delete(dir);
      } else {
        // Never delete what might be someone's: a folder without a complete cluster is set aside, named in the log.
        Path aside = parent.resolve(dir.getFileName() + ".incomplete-" + System.currentTimeMillis());
        Files.move(dir, aside);
        LOG.warn("{} held no complete PostgreSQL data folder; moved it to {} and initialised a new one", dir, aside);
      }
    }
    Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
    SecretsFile.syncDirectory(parent);
    LOG.info("Initialised the embedded PostgreSQL data folder {} ({} ms)", dir, (System.nanoTime() - t0) / 1_000_000);
  }

  /** Sets the superuser's password in single-user mode: no server, no network, no login needed. */
  void setPassword(String password) {
    binaries.run("postgres", List.of("--single", "-D", dir.toString(), "-c", "exit_on_error=on",
            "-c", "password_encryption=scram-sha-256", "-c", "scram_iterations=" + ScramSecret.ITERATIONS, SUPERUSER),
        "ALTER ROLE " + SUPERUSER + " WITH PASSWORD '" + password.replace("'", "''") + "';\n", INITDB_TIMEOUT);
  }

  private Path hba() {
    return dir.resolve("pg_hba.conf");
  }

  private static void writeHba(Path cluster) throws IOException {
    Path tmp = cluster.resolve("pg_hba.conf.tmp");
    Files.deleteIfExists(tmp);
    PrivateFiles.newFile(tmp);
    Files.writeString(tmp, HBA, StandardCharsets.UTF_8);
    try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(tmp, cluster.resolve("pg_hba.conf"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * A FitCoach killed with SIGKILL leaves its server running, holding the folder. If postmaster.pid names a live
   * PostgreSQL, it is stopped cleanly (the data folder lock proves no other FitCoach uses it). A pid file whose process
   * is something else (the number was reused, say after a container restart) is removed, or PostgreSQL would refuse to
   * start. A pid file of a dead process is left to PostgreSQL, which recovers from it itself.
   */
  void stopLeftover() throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    Optional<Long> pid = pidIn(pidFile);
    if (pid.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return;
    }
    Optional<String> command = process.get().info().command();
    if (command.isEmpty()) {
      // Not ours to inspect (another user's process): PostgreSQL itself treats such a pid as stale.
      return;
    }
    if (!isPostgres(command.get()) || !servesThisFolder(pidFile)) {
      LOG.info("Removed a stale {} naming process {}, which is not this folder's PostgreSQL ({})", pidFile, pid.get(), command.get());
      Files.deleteIfExists(pidFile);
      return;
    }
    LOG.warn("Found the embedded PostgreSQL (pid {}) still running on {} after an earlier FitCoach ended without stopping it;"
        + " stopping it cleanly before starting", pid.get(), dir);
    try {
      binaries.run("pg_ctl", List.of("stop", "-D", dir.toString(), "-m", "fast", "-w", "-t", Long.toString(STOP_TIMEOUT.toSeconds())),
          null, STOP_TIMEOUT.plusSeconds(10));
      // pg_ctl returns once the pid file is gone, which the server removes just before it exits; wait for the exit
      // itself so its shared memory and port are free before the new server starts.
      ProcessExit.awaitEnd(pid.get(), Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the earlier PostgreSQL", e);
    } catch (IllegalStateException e) {
      if (!ProcessExit.hasEnded(pid.get())) {
        throw new ConfigException("A PostgreSQL server (pid " + pid.get() + ") is running on " + dir
            + " and could not be stopped: " + e.getMessage() + "; stop it (kill " + pid.get() + ") and start FitCoach again");
      }
    }
  }

  private static boolean isPostgres(String command) {
    String name = Path.of(command).getFileName().toString();
    return name.equals("postgres") || name.equals("postgres.exe");
  }

  /** The pid file's second line is the data folder its server was started on. */
  private boolean servesThisFolder(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.size() < 2) {
      return false;
    }
    try {
      return Path.of(lines.get(1).strip()).toRealPath().equals(dir.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  static Optional<Long> pidIn(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(lines.get(0).strip()));
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
