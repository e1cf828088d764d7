package fitcoach.backup;

import fitcoach.app.ApiException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly schedule: every {@code tick} it compares the clock with the next run (so a suspended machine or a clock
 * moved by a test is noticed, which one long timer would not), runs the backup when due, and plans the next. At start,
 * when no backup is less than a day old, a catch-up run is planned {@code catchUpDelay} later, after start-up.
 */
final class BackupVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(BackupVerticle.class);
  private final BackupService service;
  private final Duration tick;
  private final Duration catchUpDelay;
  private boolean inFlight;

  BackupVerticle(BackupService service, Duration tick, Duration catchUpDelay) {
    this.service = service;
    this.tick = tick;
    this.catchUpDelay = catchUpDelay;
  }

  @Override
  public Future<?> start() {
    return service.latest().onSuccess(newest -> {
      Instant now = service.clock().instant();
      Instant nightly = BackupSchedule.next(now, service.zone(), service.settings().at());
      Optional<Instant> last = newest.map(b -> b.createdAt(service.zone()));
      Instant catchUp = now.plus(catchUpDelay);
      if (BackupSchedule.missed(last, now) && catchUp.isBefore(nightly)) {
        LOG.info("No backup in the last 24 hours: one will be made at {}", catchUp);
        service.scheduled(catchUp);
      } else {
        service.scheduled(nightly);
      }
      vertx.setPeriodic(tick.toMillis(), id -> check());
    });
  }

  private void check() {
    Instant due = service.next().orElse(Instant.MAX);
    Instant now = service.clock().instant();
    if (inFlight || now.isBefore(due)) {
      return;
    }
    inFlight = true;
    service.runNow().onComplete(done -> {
      if (done.failed() && done.cause() instanceof ApiException) {
        LOG.info("The scheduled backup was skipped: another backup was running");
      }
      // Planned from the time it finished, so a backup that ran past midnight is not repeated at once.
      service.scheduled(BackupSchedule.next(service.clock().instant(), service.zone(), service.settings().at()));
      inFlight = false;
    });
  }

  @Override
  public Future<?> stop() {
    service.scheduled(null);
    return Future.succeededFuture();
  }
}
