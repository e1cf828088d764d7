package fitcoach.boot;

import fitcoach.app.AppConfig;
import fitcoach.app.ConfigException;
import fitcoach.backup.BackupFile;
import fitcoach.backup.BackupModule;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar fitcoach.jar backup}: one backup now into {@code $FITCOACH_DATA_DIR/backups}, the same as the nightly
 * one (retention included), then exits. Run it while the server is stopped: it starts the same database the server
 * uses, and the data-folder lock refuses it while a server runs there.
 */
final class BackupCommand {
  private BackupCommand() {
  }

  static int run(AppConfig config, String[] args) {
    if (args.length > 0) {
      System.err.println("Unknown option " + args[0] + ". Usage: backup");
      return 2;
    }
    FitCoachApp started;
    try {
      started = Main.startClosingOnShutdown(config.withPort(0).withHost("127.0.0.1"));
    } catch (ConfigException e) {
      System.err.println("FitCoach cannot back up: " + e.getMessage()
          + " (while it runs, Settings → Backups or POST /api/backups makes one)");
      return 2;
    }
    if (started == null) {
      return 130;
    }
    try (FitCoachApp app = started) {
      BackupModule backups = app.features().stream().filter(BackupModule.class::isInstance).map(BackupModule.class::cast)
          .findFirst().orElseThrow();
      List<BackupFile> written = backups.service().runNow().toCompletionStage().toCompletableFuture().get(6, TimeUnit.HOURS);
      if (written.isEmpty()) {
        System.out.println("Error: no account yet, nothing to back up. Start FitCoach and create your account first.");
        return 1;
      }
      for (BackupFile file : written) {
        Path path = file.in(backups.service().folder()).toAbsolutePath();
        System.out.println("Backup written: " + path + " (" + file.bytes() + " bytes)");
      }
      return 0;
    } catch (Exception e) {
      Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
      System.out.println("Error: the backup failed: " + cause.getMessage());
      return 1;
    }
  }
}
