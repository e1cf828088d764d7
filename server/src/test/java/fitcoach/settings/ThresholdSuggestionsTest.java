package fitcoach.settings;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.load.ThresholdKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When an offered value counts as a better threshold than the one in force. */
class ThresholdSuggestionsTest {

  @Test
  @DisplayName("An FTP must beat the one in force by 2 %, a max HR by 1 bpm, a threshold pace by being faster (lower)")
  void margins() {
    assertThat(ThresholdSuggestions.clearlyBetter(ThresholdKind.FTP, 255, 250)).isTrue();
    assertThat(ThresholdSuggestions.clearlyBetter(ThresholdKind.FTP, 254, 250)).isFalse();
    assertThat(ThresholdSuggestions.clearlyBetter(ThresholdKind.MAX_HR, 191, 190)).isTrue();
    assertThat(ThresholdSuggestions.clearlyBetter(ThresholdKind.MAX_HR, 190, 190)).isFalse();
    assertThat(ThresholdSuggestions.clearlyBetter(ThresholdKind.THRESHOLD_PACE, 265, 270)).isTrue();
    assertThat(ThresholdSuggestions.clearlyBetter(ThresholdKind.THRESHOLD_PACE, 275, 270)).isFalse();
    assertThat(ThresholdSuggestions.clearlyBetter(ThresholdKind.LTHR, 171, 170)).isTrue();
  }
}
