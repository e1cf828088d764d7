package fitcoach.backup;

import java.time.Instant;

/**
 * GET /api/backups: the settings, where the backups are, the newest one, when the next runs (null when nightly backups
 * are off) and the last failure since start (null once a backup succeeds).
 */
public record BackupStatusView(boolean enabled, String at, int keepDaily, int keepWeekly, String folder, Last last,
                               Instant next, String lastError, boolean running) {
  public record Last(String file, Instant createdAt, long bytes) {
  }
}
