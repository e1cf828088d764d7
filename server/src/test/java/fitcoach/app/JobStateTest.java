package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fitcoach.testing.TestDatabase;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JobStateTest {

  @Test
  @DisplayName("Every job state and sync mode reads back from the value it stores, and JSON carries that same value")
  void roundTrip() {
    for (JobState s : JobState.values()) {
      assertThat(JobState.of(s.value())).isEqualTo(s);
      assertThat(Json.encode(s).toString()).isEqualTo("\"" + s.value() + "\"");
    }
    for (SyncMode m : SyncMode.values()) {
      assertThat(SyncMode.of(m.value())).isEqualTo(m);
      assertThat(Json.encode(m).toString()).isEqualTo("\"" + m.value() + "\"");
    }
    assertThat(JobState.WAITING.value()).isEqualTo("waiting");
    assertThat(SyncMode.INCREMENTAL.sql()).isEqualTo("'incremental'");
  }

  @Test
  @DisplayName("Done, failed and cancelled are finished; the others are the SQL list of the one-active-job index")
  void finished() {
    assertThat(Arrays.stream(JobState.values()).filter(JobState::finished))
        .containsExactly(JobState.DONE, JobState.FAILED, JobState.CANCELLED);
    assertThat(JobState.UNFINISHED_SQL).isEqualTo("('queued', 'running', 'waiting')");
    String index = TestDatabase.query("SELECT pg_get_indexdef('sync_jobs_one_active_idx'::regclass)", rs -> {
      rs.next();
      return rs.getString(1);
    });
    for (JobState s : JobState.values()) {
      assertThat(index.contains("'" + s.value() + "'")).as(s + " in " + index).isEqualTo(!s.finished());
    }
  }

  @Test
  @DisplayName("A value the enums do not know is refused by name instead of being read as some state")
  void unknown() {
    assertThatThrownBy(() -> JobState.of("paused")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paused");
    assertThatThrownBy(() -> JobState.of(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncMode.of("DONE")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("The enums hold exactly the values the database's CHECK constraints allow for sync_jobs")
  void matchesSchema() {
    assertThat(TestDatabase.checkValues("sync_jobs", "state"))
        .isEqualTo(Arrays.stream(JobState.values()).map(JobState::value).collect(Collectors.toSet()));
    assertThat(TestDatabase.checkValues("sync_jobs", "mode"))
        .isEqualTo(Arrays.stream(SyncMode.values()).map(SyncMode::value).collect(Collectors.toSet()));
  }
}
