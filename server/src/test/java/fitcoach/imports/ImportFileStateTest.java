package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fitcoach.app.Json;
import fitcoach.testing.TestDatabase;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImportFileStateTest {

  @Test
  @DisplayName("Every import-file state reads back from the value it stores, and JSON carries that same value")
  void roundTrip() {
    for (ImportFileState s : ImportFileState.values()) {
      assertThat(ImportFileState.of(s.value())).isEqualTo(s);
      assertThat(Json.encode(s).toString()).isEqualTo("\"" + s.value() + "\"");
    }
    assertThat(Arrays.stream(ImportFileState.values()).filter(ImportFileState::finished))
        .containsExactly(ImportFileState.DONE, ImportFileState.FAILED);
    assertThatThrownBy(() -> ImportFileState.of("skipped")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("skipped");
  }

  @Test
  @DisplayName("The enum holds exactly the values the CHECK constraint of import_files.state allows")
  void matchesSchema() {
    assertThat(TestDatabase.checkValues("import_files", "state"))
        .isEqualTo(Arrays.stream(ImportFileState.values()).map(ImportFileState::value).collect(Collectors.toSet()));
  }
}
