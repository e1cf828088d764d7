package fitcoach.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** §9.1 "other internal-load vectors": Edwards and Lucia. */
class ZoneTrimpTest {

  @Test
  @DisplayName("Edwards TRIMP of 10/20/20/8/2 min in zones 1–5 is 152.")
  void edwards() {
    assertThat(ZoneTrimp.edwards(10, 20, 20, 8, 2)).isEqualTo(152.0);
  }

  @Test
  @DisplayName("Lucia TRIMP of 40/15/5 min in phases I/II/III is 85.")
  void lucia() {
    assertThat(ZoneTrimp.lucia(40, 15, 5)).isEqualTo(85.0);
  }
}
