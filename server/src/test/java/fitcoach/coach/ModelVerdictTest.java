package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModelVerdictTest {
  @Test
  @DisplayName("The verdict is read from the answer's first non-empty line, Markdown and a 'Verdict:' prefix aside")
  void firstLine() {
    assertThat(ModelVerdict.of("Train hard\nIntervals today.")).isEqualTo("hard");
    assertThat(ModelVerdict.of("\n\n**Easy day** — keep it short")).isEqualTo("easy");
    assertThat(ModelVerdict.of("## Rest day")).isEqualTo("rest");
    assertThat(ModelVerdict.of("Verdict: Train.")).isEqualTo("train");
    assertThat(ModelVerdict.of("> Rest\nYou flagged illness.")).isEqualTo("rest");
  }

  @Test
  @DisplayName("A first line that names no verdict gives none, even when a later line does")
  void noVerdict() {
    assertThat(ModelVerdict.of("Good morning! Train hard today.")).isNull();
    assertThat(ModelVerdict.of("Noted.")).isNull();
    assertThat(ModelVerdict.of("")).isNull();
    assertThat(ModelVerdict.of(null)).isNull();
  }
}
