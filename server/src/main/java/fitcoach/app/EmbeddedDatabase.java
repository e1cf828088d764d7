package fitcoach.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 17 server FitCoach runs itself when no DATABASE_URL is given; its data lives in {@code $FITCOACH_DATA_DIR/pg}
 * and it is the athlete's only copy. It runs with production durability (see {@link Postmaster#SETTINGS}), takes only
 * password logins on 127.0.0.1, and is restarted with backoff if it dies while FitCoach runs.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  /** Crash recovery replays the WAL before the server accepts connections; a large one takes a while. */
  private static final Duration READY_WAIT = Duration.ofMinutes(10);
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);
  private static final long FIRST_RETRY_MS = 200;
  private static final long MAX_RETRY_MS = 30_000;
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress().getAddress().length == 4
      ? InetAddress.getLoopbackAddress() : ipv4Loopback();
  private final PostgresBinaries binaries;
  private final Path pgDir;
  private final String password;
  private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fitcoach-postgres-supervisor");
    t.setDaemon(true);
    return t;
  });
  /** Held while the server is started or stopped, so a restart and {@link #close()} never overlap. */
  private final Object lifecycle = new Object();
  private volatile Postmaster postmaster;
  private volatile boolean closing;
  private volatile Status status = new Status(State.RUNNING, 0, null, null, null, 0, null);

  /** Whether the server runs, and what happened to it since FitCoach started (for /api/health). */
  public enum State { RUNNING, RESTARTING }

  /**
   * {@code lastStop}: how the server last ended unexpectedly (e.g. "killed by signal 9") and when; {@code lastRestartAt}:
   * when it came back (both null while it never stopped); while restarting, the attempts that failed so far and why the
   * last one did.
   */
  public record Status(State state, int restarts, Instant lastStopAt, String lastStop, Instant lastRestartAt,
                       int failedAttempts, String lastError) {
  }

  private EmbeddedDatabase(PostgresBinaries binaries, Path pgDir, String password) {
    this.binaries = binaries;
    this.pgDir = pgDir;
    this.password = password;
  }

  /**
   * Starts (and on first use initialises) the embedded server. Blocking: call it before Vert.x starts or on a worker.
   * The caller holds the data folder's {@link DataDirLock}, so a server found running on it was left by an earlier run.
   */
  public static EmbeddedDatabase start(Path dataDir) {
    Path pgDir = dataDir.resolve("pg");
    long t0 = System.nanoTime();
    try {
      PostgresBinaries binaries = PostgresBinaries.unpack(dataDir);
      SecretsFile.DatabasePassword password = SecretsFile.embeddedDatabasePassword(dataDir);
      PostgresCluster cluster = new PostgresCluster(binaries, pgDir);
      boolean passwordSet = cluster.prepare(password);
      EmbeddedDatabase db = new EmbeddedDatabase(binaries, pgDir, password.value());
      db.postmaster = db.launch(freePort());
      try {
        if (!db.loginWorks()) {
          if (passwordSet) {
            throw new IllegalStateException("it does not accept the password FitCoach has just set");
          }
          // The secrets file was replaced or restored from elsewhere: the folder is ours, so the stored password is made its.
          LOG.warn("Embedded PostgreSQL refused the password in the secrets file; setting it again");
          db.postmaster.stop(binaries, pgDir, STOP_WAIT);
          cluster.setPassword(password.value());
          db.postmaster = db.launch(db.postmaster.port());
          if (!db.loginWorks()) {
            throw new IllegalStateException("it does not accept the password FitCoach has just set");
          }
        }
      } catch (RuntimeException e) {
        db.postmaster.stop(binaries, pgDir, STOP_WAIT);
        throw e;
      }
      db.supervise(db.postmaster);
      LOG.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {} ({} ms)",
          db.postmaster.port(), pgDir, (System.nanoTime() - t0) / 1_000_000);
      return db;
    } catch (IOException | IllegalStateException e) {
      throw new ConfigException("Cannot start the embedded PostgreSQL in " + pgDir + ": " + e.getMessage()
          + " (or set DATABASE_URL to use your own PostgreSQL server)");
    }
  }

  /** Where the server listens now: its port may change when it is restarted, so the pool asks for every new connection. */
  public DatabaseUrl url() {
    return new DatabaseUrl("127.0.0.1", postmaster.port(), "postgres", PostgresCluster.SUPERUSER, password, Map.of());
  }

  public Status status() {
    return status;
  }

  /** Tries a port once more if another program took the one picked in the meantime. */
  private Postmaster launch(int port) {
    try {
      return Postmaster.start(binaries, pgDir, port, READY_WAIT);
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).contains("could not bind")) {
        return Postmaster.start(binaries, pgDir, freePort(), READY_WAIT);
      }
      throw e;
    }
  }

  /** Logs in once with the stored password: whether the server knows it (28P01 is PostgreSQL's "wrong password"). */
  private boolean loginWorks() {
    DatabaseUrl url = url();
    try (var connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      ScramSecret.keepLight(connection, password);
      return true;
    } catch (SQLException e) {
      if ("28P01".equals(e.getSQLState())) {
        return false;
      }
      throw new IllegalStateException("cannot log in to it: " + e.getMessage(), e);
    }
  }

  private void supervise(Postmaster running) {
    running.onExit().thenRun(() -> stopped(running));
  }

  private void stopped(Postmaster gone) {
    if (closing || gone != postmaster || shuttingDown()) {
      return;
    }
    String how = Postmaster.describeExit(gone.exitCode());
    Instant now = Instant.now();
    status = new Status(State.RESTARTING, status.restarts(), now, how, status.lastRestartAt(), 0, null);
    LOG.warn("Embedded PostgreSQL (pid {}) stopped unexpectedly ({}); restarting it. Its last words: {}", gone.pid(), how,
        gone.recentOutput(5));
    schedule(1, FIRST_RETRY_MS, gone.port());
  }

  private void schedule(int attempt, long delayMs, int port) {
    try {
      supervisor.schedule(() -> restart(attempt, delayMs, port), delayMs, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Closing.
    }
  }

  private void restart(int attempt, long delayMs, int port) {
    synchronized (lifecycle) {
      if (closing || shuttingDown()) {
        return;
      }
      try {
        // The same port when it is still free, so connections the pool opens keep their address.
        Postmaster next = launch(isFree(port) ? port : freePort());
        postmaster = next;
        Status before = status;
        status = new Status(State.RUNNING, before.restarts() + 1, before.lastStopAt(), before.lastStop(), Instant.now(), 0, null);
        LOG.info("Embedded PostgreSQL restarted on 127.0.0.1:{} (pid {}), {} ms after it stopped ({}); restart {} since FitCoach started",
            next.port(), next.pid(), Duration.between(before.lastStopAt(), Instant.now()).toMillis(), before.lastStop(),
            status.restarts());
        supervise(next);
      } catch (RuntimeException e) {
        long next = Math.min(MAX_RETRY_MS, delayMs * 2);
        Status before = status;
        status = new Status(State.RESTARTING, before.restarts(), before.lastStopAt(), before.lastStop(), before.lastRestartAt(),
            attempt, e.getMessage());
        LOG.warn("Restarting the embedded PostgreSQL failed (attempt {}): {}; trying again in {} ms", attempt, e.getMessage(), next);
        schedule(attempt + 1, next, port);
      }
    }
  }

  /** Stops the server cleanly (the caller has closed the pool first) and ends supervision. */
  @Override
  public void close() {
    closing = true;
    supervisor.shutdownNow();
    synchronized (lifecycle) {
      Postmaster running = postmaster;
      if (running != null) {
        running.stop(binaries, pgDir, STOP_WAIT);
      }
    }
    LOG.info("Embedded PostgreSQL stopped");
  }

  /** During JVM shutdown (SIGTERM, Ctrl-C) the server may stop before FitCoach closes it: that is no crash to repair. */
  private static boolean shuttingDown() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  private static InetAddress ipv4Loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(LOOPBACK, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
