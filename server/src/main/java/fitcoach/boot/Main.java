package fitcoach.boot;

import fitcoach.app.AppConfig;
import fitcoach.app.ConfigException;
import fitcoach.app.DotEnv;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;

/** Reads the configuration, starts FitCoach, and stops it cleanly on SIGTERM / Ctrl-C. */
public final class Main {
  private Main() {
  }

  /**
   * The shutdown hook is registered before anything starts: a SIGTERM that arrives while the embedded database is still
   * starting must not leave that PostgreSQL running. The hook waits for start-up to finish, then closes what it started.
   * Returns null when the stop request came during start-up.
   */
  static FitCoachApp startClosingOnShutdown(AppConfig config) {
    AtomicReference<FitCoachApp> started = new AtomicReference<>();
    CountDownLatch startupOver = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      try {
        startupOver.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      FitCoachApp app = started.get();
      if (app != null) {
        app.close();
      }
    }, "fitcoach-shutdown"));
    try {
      FitCoachApp app = FitCoachApp.start(config);
      started.set(app);
      return app;
    } catch (RuntimeException | Error e) {
      if (!stopping.get()) {
        throw e;
      }
      // Start-up cleaned up after itself; the failure is only the stop request arriving, not something to report.
      LoggerFactory.getLogger(Main.class).info("FitCoach stopped during start-up");
      return null;
    } finally {
      startupOver.countDown();
    }
  }

  public static void main(String[] args) {
    try {
      AppConfig config = AppConfig.fromEnv(DotEnv.merge(Path.of(".env"), System.getenv()));
      if (args.length > 0 && "demo".equals(args[0])) {
        System.exit(DemoCommand.run(config, java.util.Arrays.copyOfRange(args, 1, args.length)));
      }
      if (args.length > 0 && "backup".equals(args[0])) {
        System.exit(BackupCommand.run(config, java.util.Arrays.copyOfRange(args, 1, args.length)));
      }
      if (args.length > 0) {
        System.err.println("Unknown command '" + args[0] + "'. Usage: java -jar fitcoach.jar [demo [--remove] [--years N] | backup]");
        System.exit(2);
      }
      startClosingOnShutdown(config);
    } catch (ConfigException e) {
      System.err.println("FitCoach cannot start: " + e.getMessage());
      System.exit(2);
    }
  }
}
