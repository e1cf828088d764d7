package fitcoach.boot;

import fitcoach.app.ApiException;
import fitcoach.app.AppConfig;
import fitcoach.app.DataDirLock;
import fitcoach.app.DatabaseUrl;
import fitcoach.app.Db;
import fitcoach.app.EmbeddedDatabase;
import fitcoach.app.Feature;
import fitcoach.app.Json;
import fitcoach.app.Migrations;
import fitcoach.app.PortCheck;
import fitcoach.app.SecretsFile;
import fitcoach.demo.DemoService;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts FitCoach: secrets, the database (embedded unless DATABASE_URL), migrations, then Vert.x, the features built by
 * {@link Wiring}, the HTTP verticles and the features' workers; and stops it in the reverse order. The blocking steps
 * (embedded PostgreSQL, Flyway over JDBC) run before Vert.x exists, so no event loop waits on them.
 */
public final class FitCoachApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FitCoachApp.class);
  private final Vertx vertx;
  private final DataDirLock lock;
  private final EmbeddedDatabase embedded;
  private final int port;
  private final AppConfig config;
  private final Pool pool;
  private final DemoService demo;
  private final fitcoach.activities.ActivityStore store;
  private final HttpVerticle.Api api;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private FitCoachApp(Vertx vertx, DataDirLock lock, EmbeddedDatabase embedded, int port, AppConfig config, Pool pool,
                      DemoService demo, fitcoach.activities.ActivityStore store, HttpVerticle.Api api) {
    this.store = store;
    this.api = api;
    this.vertx = vertx;
    this.lock = lock;
    this.embedded = embedded;
    this.port = port;
    this.config = config;
    this.pool = pool;
    this.demo = demo;
  }

  /** Starts everything and returns once the server accepts connections. Blocking: call from main or a test thread. */
  public static FitCoachApp start(AppConfig initial) {
    return start(initial, java.time.Clock.systemUTC());
  }

  /**
   * Like {@link #start(AppConfig)} on another calendar: {@code clock} says what time it is for the data's age (when Strava
   * copies were last confirmed, when they are due again, when they expire), so tests can move days ahead. Timeouts,
   * rate-limit windows and sessions keep real time.
   */
  public static FitCoachApp start(AppConfig initial, java.time.Clock clock) {
    fitcoach.app.StartupPhases phases = new fitcoach.app.StartupPhases();
    DataDirLock lock = claimDataDir(initial);
    AppConfig config;
    try {
      config = SecretsFile.fillIn(initial);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    phases.mark("lock and secrets");
    // Vert.x boots and the features are built (mostly class loading) while the database starts and migrates. The pool
    // connects lazily, asking for the database's address only when a connection is opened, which nothing does before
    // the features' recovery below; nothing is deployed until both sides are done.
    AtomicReference<EmbeddedDatabase> started = new AtomicReference<>();
    Supplier<DatabaseUrl> databaseUrl = config.database().isPresent() ? config.database()::orElseThrow : () -> {
      EmbeddedDatabase db = started.get();
      if (db == null) {
        throw new IllegalStateException("the embedded database has not started yet");
      }
      return db.url();
    };
    boolean recording = jdk.jfr.FlightRecorder.isInitialized();
    if (!recording) {
      leaveNettyRecorderEventsOff();
    }
    CompletableFuture<Vertx> booting = CompletableFuture.supplyAsync(() -> {
      if (recording) {
        preloadFlightRecorderEvents();
      }
      return fitcoach.metrics.Metrics.vertx(config, new VertxOptions()
        .setBlockedThreadCheckInterval(Math.min(1000, config.blockedThreadWarnMs()))
        .setMaxEventLoopExecuteTime(config.blockedThreadWarnMs())
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        // With the warning comes the stack of whatever held the event loop.
        .setWarningExceptionTime(config.blockedThreadWarnMs())
        .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS));
    });
    CompletableFuture<Built> building = booting.thenApply(vertx -> {
      Json.warmUp();
      Pool pool = Db.pool(vertx, databaseUrl);
      Wiring wiring = Wiring.build(vertx, pool, config, clock, databaseUrl,
          () -> Optional.ofNullable(started.get()).map(EmbeddedDatabase::status));
      phases.markParallel("Vert.x and wiring", System.nanoTime());
      return new Built(vertx, pool, wiring);
    });
    EmbeddedDatabase embedded = null;
    try {
      embedded = config.database().isEmpty() ? EmbeddedDatabase.start(config.dataDir()) : null;
      started.set(embedded);
      phases.mark("database");
      Migrations.migrate(databaseUrl.get());
      phases.mark("migrations");
      Built built = join(building);
      Vertx vertx = built.vertx();
      Wiring wiring = built.wiring();
      HttpVerticle.Api api = wiring.api();
      phases.mark("waiting for wiring");
      // Each feature recovers its own tables, so they can all do it at once.
      await(Future.all(api.features().stream().map(Feature::start).toList()));
      phases.mark("recovery");
      // PORT=0 asks for any free port. Vert.x shares a port it picks among instances when it is given as negative,
      // so every instance listens on the same one; picking it here first would leave a moment for another process.
      java.util.concurrent.atomic.AtomicInteger bound = new java.util.concurrent.atomic.AtomicInteger();
      int wanted = config.port() == 0 ? -1 : config.port();
      await(vertx.deployVerticle(() -> new HttpVerticle(api, config.host(), wanted, bound::set),
          new DeploymentOptions().setInstances(config.httpInstances())));
      int port = bound.get();
      phases.mark("HTTP server");
      await(Future.all(api.features().stream().flatMap(feature -> feature.workers().stream())
          .map(worker -> vertx.deployVerticle(worker)).toList()));
      phases.mark("workers");
      long jvmMs = ProcessHandle.current().info().startInstant()
          .map(t -> System.currentTimeMillis() - t.toEpochMilli() - phases.elapsedMillis()).orElse(-1L);
      LOG.info("FitCoach is listening on http://{}:{} ({} HTTP verticles, started in {} ms after {} ms of JVM start; {})",
          config.host(), port, config.httpInstances(), phases.elapsedMillis(), jvmMs, phases);
      return new FitCoachApp(vertx, lock, embedded, port, config, built.pool(), wiring.demo(), wiring.store(), api);
    } catch (RuntimeException | Error e) {
      // Errors too: a library whose class initialiser adds a shutdown hook fails that way when a SIGTERM came mid-start.
      booting.thenAccept(Vertx::close);
      if (embedded != null) {
        embedded.close();
      }
      lock.close();
      throw e;
    }
  }

  /** What is built beside the database's start: Vert.x, the pool (not yet connected) and the features. */
  private record Built(Vertx vertx, Pool pool, Wiring wiring) {
  }

  /** The built features, or what stopped them being built (unwrapped, as if it had happened on this thread). */
  private static Built join(CompletableFuture<Built> building) {
    try {
      return building.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * One FitCoach per data folder, and a port that can be bound, both checked before anything is created: a second
   * process stops at once naming the first, and a taken port stops start-up before any database starts or migrates.
   * The lock comes first when the folder exists (its message is the more useful one when the same command runs twice);
   * a folder that does not exist yet is created only once the port is known to be free.
   */
  private static DataDirLock claimDataDir(AppConfig config) {
    if (!java.nio.file.Files.isDirectory(config.dataDir())) {
      PortCheck.ensureFree(config.host(), config.port());
      return DataDirLock.acquire(config.dataDir());
    }
    DataDirLock lock = DataDirLock.acquire(config.dataDir());
    try {
      PortCheck.ensureFree(config.host(), config.port());
      return lock;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Netty's buffer allocator registers a Flight Recorder event on its first large allocation, and the coach's relay
   * registers its own on the first token; the first registration sets up Flight Recorder, a hundred milliseconds or more
   * of CPU. Without a recording running at start, Netty's allocation events are left off (unless
   * {@code -Dio.netty.jfr.enabled} says otherwise) and the coach's event waits for a recording (see
   * {@code TokenRelayRecording}); with one, both are registered here rather than on an event loop mid-request.
   * Called before any Netty class loads: Netty reads the property once.
   */
  private static void leaveNettyRecorderEventsOff() {
    if (System.getProperty("io.netty.jfr.enabled") == null) {
      System.setProperty("io.netty.jfr.enabled", "false");
    }
  }

  private static void preloadFlightRecorderEvents() {
    for (String event : new String[] {"io.netty.buffer.AllocateChunkEvent", "fitcoach.coach.TokenRelayEvent"}) {
      try {
        Class.forName(event, true, FitCoachApp.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        LOG.debug("JFR event {} not preloaded: {}", event, e.toString());
      }
    }
  }

  /** The activity store this app writes through (tests create activities with it, as every source does). */
  public fitcoach.activities.ActivityStore activityStore() {
    return store;
  }

  /** Loads or removes the demo athlete for the instance's single account; returns what happened, in words. */
  public String demo(boolean remove, int years) {
    var users = await(pool.query("SELECT id FROM users").execute());
    if (users.size() == 0) {
      return "Error: no account yet. Start FitCoach, create your account, stop it, then run the demo command again.";
    }
    java.util.UUID userId = users.iterator().next().getUUID("id");
    try {
      if (remove) {
        return "Removed " + await(demo.remove(userId)) + " demo activities.";
      }
      DemoService.Result r = await(demo.create(userId, years, 6));
      return "Loaded " + r.activities() + " demo activities (" + years + " years) in " + r.millis() + " ms.";
    } catch (ApiException e) {
      return "Error: " + e.getMessage();
    }
  }

  public int port() {
    return port;
  }

  /** The routes the HTTP server serves, as built for it (tests enumerate them). */
  public java.util.List<io.vertx.ext.web.Route> routes() {
    return HttpVerticle.router(vertx, api).getRoutes();
  }

  /** The features as wired, in the order their routes are matched. */
  java.util.List<Feature> features() {
    return api.features();
  }

  public Vertx vertx() {
    return vertx;
  }

  public AppConfig config() {
    return config;
  }

  /** Stops the server, then the embedded database, so nothing is cut off mid-write. */
  @Override
  public void close() {
    // Both the demo command's try-with-resources and the shutdown hook may get here.
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      await(vertx.close());
    } catch (RuntimeException e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
    }
    if (embedded != null) {
      embedded.close();
    }
    lock.close();
    LOG.info("FitCoach stopped");
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
