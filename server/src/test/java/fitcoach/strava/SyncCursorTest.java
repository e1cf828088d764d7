package fitcoach.strava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fitcoach.app.JobState;
import fitcoach.app.Json;
import fitcoach.app.SyncMode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SyncCursorTest {
  private static final long BEFORE = 1_767_225_660L;
  private static final long AFTER = 1_700_000_000L;

  @Test
  @DisplayName("A cursor survives the jsonb column page after page, and is stored with only the keys earlier versions wrote")
  void roundTrip() {
    SyncCursor backfill = SyncCursor.backfill(BEFORE);
    assertThat(backfill.toJson()).isEqualTo(new JsonObject().put("page", 1).put("before", BEFORE));
    SyncCursor third = backfill.next().next();
    assertThat(third).isEqualTo(new SyncCursor(3, null, BEFORE));
    // Through text, as the database hands jsonb back.
    assertThat(SyncCursor.fromJson(new JsonObject(third.toJson().encode()))).isEqualTo(third);

    SyncCursor incremental = SyncCursor.incremental(AFTER).next();
    assertThat(incremental.toJson().encode()).isEqualTo("{\"page\":2,\"after\":" + AFTER + "}");
    assertThat(SyncCursor.fromJson(new JsonObject(incremental.toJson().encode()))).isEqualTo(incremental);

    SyncCursor both = new SyncCursor(7, AFTER, BEFORE);
    assertThat(SyncCursor.fromJson(both.toJson())).isEqualTo(both);
    assertThatThrownBy(() -> new SyncCursor(0, null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("Cursors written by earlier versions read as they meant: their page and window, unknown keys ignored")
  void readsOldRows() {
    // As the code before the typed cursor wrote them (JsonObject put by hand), plus keys no version reads.
    assertThat(SyncCursor.fromJson(new JsonObject("{\"page\":4,\"before\":" + BEFORE + "}")))
        .isEqualTo(new SyncCursor(4, null, BEFORE));
    assertThat(SyncCursor.fromJson(new JsonObject("{\"after\":" + AFTER + ",\"page\":12}")))
        .isEqualTo(new SyncCursor(12, AFTER, null));
    assertThat(SyncCursor.fromJson(new JsonObject("{\"page\":2,\"before\":" + BEFORE + ",\"perPage\":200,\"mode\":\"backfill\"}")))
        .isEqualTo(new SyncCursor(2, null, BEFORE));
    // Numbers as text or with a fraction, as a hand-edited row might hold them.
    assertThat(SyncCursor.fromJson(new JsonObject().put("page", "5").put("before", " " + BEFORE + " ")))
        .isEqualTo(new SyncCursor(5, null, BEFORE));
    assertThat(SyncCursor.fromJson(new JsonObject().put("page", 3.0).put("after", (double) AFTER)))
        .isEqualTo(new SyncCursor(3, AFTER, null));
  }

  @Test
  @DisplayName("A missing, empty or unreadable cursor starts at page 1 without a window instead of failing the resume")
  void defaults() {
    SyncCursor fresh = new SyncCursor(1, null, null);
    assertThat(SyncCursor.fromJson(null)).isEqualTo(fresh);
    // The column's default, as an import job or a row from before cursors had keys holds it.
    assertThat(SyncCursor.fromJson(new JsonObject())).isEqualTo(fresh);
    assertThat(SyncCursor.fromJson(new JsonObject().put("page", 0))).isEqualTo(fresh);
    assertThat(SyncCursor.fromJson(new JsonObject().put("page", -3))).isEqualTo(fresh);
    assertThat(SyncCursor.fromJson(new JsonObject().put("page", 1L + Integer.MAX_VALUE))).isEqualTo(fresh);
    assertThat(SyncCursor.fromJson(new JsonObject().put("page", "next").put("after", true).put("before", new JsonArray())))
        .isEqualTo(fresh);
    assertThat(SyncCursor.fromJson(new JsonObject().putNull("page").putNull("after").put("before", new JsonObject())))
        .isEqualTo(fresh);
    assertThat(SyncCursor.fromJson(new JsonObject().put("page", Double.NaN))).isEqualTo(fresh);
    assertThat(fresh.toJson().encode()).isEqualTo("{\"page\":1}");
  }

  @Test
  @DisplayName("Progress sends the same strings as before: waiting is waiting-for-rate-limit, the mode its column value")
  void progressOnTheWire() {
    RateLimiter limiter = new RateLimiter(Clock.systemUTC(), 900);
    Instant now = Instant.parse("2026-01-01T10:00:00Z");
    SyncJob job = new SyncJob(UUID.randomUUID(), UUID.randomUUID(), JobState.RUNNING, SyncMode.BACKFILL, SyncCursor.backfill(BEFORE),
        0, 0, 0, 0, null, null, now, now, null);
    JsonObject running = Json.toJsonObject(SyncProgress.of(job, limiter));
    assertThat(running.getString("state")).isEqualTo("running");
    assertThat(running.getString("mode")).isEqualTo("backfill");
    assertThat(running.containsKey("cursor")).isFalse();

    JsonObject waiting = Json.toJsonObject(SyncProgress.of(job.in(JobState.WAITING, now.plusSeconds(60), null), limiter));
    assertThat(waiting.getString("state")).isEqualTo("waiting-for-rate-limit");
    assertThat(waiting.getString("resumeAt")).isEqualTo("2026-01-01T10:01:00Z");
    for (JobState s : new JobState[] {JobState.QUEUED, JobState.DONE, JobState.FAILED, JobState.CANCELLED}) {
      assertThat(Json.toJsonObject(SyncProgress.of(job.in(s, null, null), limiter)).getString("state")).isEqualTo(s.value());
    }
    assertThat(job.active()).isTrue();
    assertThat(job.in(JobState.DONE, null, null).active()).isFalse();
  }
}
