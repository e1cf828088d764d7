package fitcoach.backup;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.app.ApiException;
import fitcoach.app.AppConfig.BackupSettings;
import fitcoach.app.Db;
import fitcoach.export.ExportService;
import fitcoach.testing.ApiTest;
import fitcoach.testing.MovableClock;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The scheduler on the real app's Vert.x and database, with a clock the test moves: the nightly run happens when the
 * clock says so (no real hours waited), a catch-up comes a little after start, and two backups never run at once.
 */
class BackupSchedulerTest extends ApiTest {
  private static final LocalTime AT = LocalTime.of(3, 30);
  private final MovableClock clock = new MovableClock();
  private Pool pool;
  private Path dataDir;
  private BackupService service;
  private String deployment;

  /** One pool for the class: its first connections load classes, which a test must not count as a blocked loop. */
  @BeforeAll
  void openPool() {
    pool = Db.pool(app.vertx(), TestDatabase.url());
    await(pool.query("SELECT 1").execute());
  }

  @AfterAll
  void closePool() {
    await(pool.close());
  }

  @BeforeEach
  void newService() {
    clock.reset();
    dataDir = TestApp.tempDir();
    service = new BackupService(app.vertx(), pool, new ExportService(app.vertx(), pool, dataDir), dataDir,
        new BackupSettings(true, AT, 7, 4), clock, ZoneOffset.UTC);
  }

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      await(app.vertx().undeploy(deployment));
      deployment = null;
    }
  }

  private void deploy(Duration catchUpDelay) {
    deployment = await(app.vertx().deployVerticle(new BackupVerticle(service, Duration.ofMillis(20), catchUpDelay)));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void until(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 60 s: " + what);
      }
      Thread.sleep(20);
    }
  }

  private List<BackupFile> backups() {
    try {
      return service.list();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("With no backup yet, a catch-up backup is made a little after start, not during it, then the nightly one is planned")
  void catchUpAfterStart() throws Exception {
    signedIn();
    Instant before = clock.instant();
    deploy(Duration.ofSeconds(3));
    assertThat(backups()).as("nothing during start-up").isEmpty();
    Instant planned = service.next().orElseThrow();
    assertThat(planned).isBetween(before.plusSeconds(3), clock.instant().plusSeconds(3));

    until("the catch-up backup", () -> backups().size() == 1 && !service.running());
    assertThat(service.next()).contains(BackupSchedule.next(clock.instant(), ZoneOffset.UTC, AT));
    assertThat(service.lastError()).isEmpty();
  }

  @Test
  @DisplayName("After a recent backup there is no catch-up; when the clock reaches 03:30 the nightly backup runs and the next is a day later")
  void nightlyWhenTheClockSaysSo() throws Exception {
    signedIn();
    await(service.runNow());
    assertThat(backups()).hasSize(1);
    deploy(Duration.ofMillis(100));
    Instant nightly = BackupSchedule.next(clock.instant(), ZoneOffset.UTC, AT);
    assertThat(service.next()).as("a backup less than a day old: no catch-up").contains(nightly);
    Thread.sleep(300);
    assertThat(backups()).hasSize(1);

    // Jump to a minute past the nightly time, as if the hours had passed.
    clock.advance(Duration.between(clock.instant(), nightly).plusMinutes(1));
    until("the nightly backup", () -> backups().size() == 2 && !service.running());
    BackupFile newest = backups().get(0);
    assertThat(newest.name()).isEqualTo(BackupFile.nameFor(nightly.plusSeconds(60).atOffset(ZoneOffset.UTC).toLocalDateTime()
        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES), ""));
    assertThat(service.next()).contains(nightly.plus(Duration.ofDays(1)));
  }

  @Test
  @DisplayName("A backup asked for while one runs is refused at once with a 409; the running one completes")
  void neverTwoAtOnce() throws Exception {
    signedIn();
    Future<List<BackupFile>> first = service.runNow();
    Future<List<BackupFile>> second = service.runNow();
    assertThat(second.failed()).isTrue();
    assertThat(second.cause()).isInstanceOf(ApiException.class);
    assertThat(((ApiException) second.cause()).status()).isEqualTo(409);
    assertThat(await(first)).hasSize(1);
    assertThat(service.running()).isFalse();
    assertThat(await(service.runNow())).as("free again once done").hasSize(1);
  }

  @Test
  @DisplayName("A backup that cannot be written leaves no file, reports its error until one succeeds, and never names a backup that is not there")
  void failureIsReported() throws Exception {
    signedIn();
    // A file where the folder should be: the folder cannot be made.
    Files.writeString(dataDir.resolve("backups"), "in the way");
    assertThat(await(service.runNow().map(List::size).otherwise(-1))).isEqualTo(-1);
    assertThat(service.lastError()).hasValueSatisfying(e -> assertThat(e).contains("backups"));
    assertThat(service.running()).isFalse();

    Files.delete(dataDir.resolve("backups"));
    assertThat(await(service.runNow())).hasSize(1);
    assertThat(service.lastError()).isEmpty();
  }

  @Test
  @DisplayName("With no account there is nothing to back up and nothing is written")
  void noAccount() {
    assertThat(await(service.runNow())).isEmpty();
    assertThat(backups()).isEmpty();
    assertThat(service.lastError()).isEmpty();
  }
}
