package fitcoach.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MovingTest {

  @Test
  @DisplayName("On the grid, a gap over 10 s is a pause and, for a run, a second under 0.5 m/s is standing; second 0 never moves")
  void onGrid() {
    double[] time = {0, 1, 2, 3, 15, 16, 17};
    double[] speed = {0, 3, 3, 0.2, 0, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
    boolean[] run = Moving.onGrid(time, 18, speed, true);
    boolean[] swim = Moving.onGrid(time, 18, speed, false);

    // seconds 1, 2 move; 3 is standing (run only); 4..15 are the 12 s pause; 16, 17 move
    assertThat(run).containsExactly(false, true, true, false, false, false, false, false, false, false, false, false,
        false, false, false, false, true, true);
    assertThat(swim[3]).isTrue();
    assertThat(swim[15]).isFalse();
    assertThat(Moving.speedRule("run")).isTrue();
    assertThat(Moving.speedRule("swim")).isFalse();
  }

  @Test
  @DisplayName("Speed from distance is the metres gained each second; a drop in distance is standing, not backwards")
  void speedFromDistance() {
    assertThat(Moving.speedFromDistance(new double[] {0, 3, 7, 6, 6})).containsExactly(0, 3, 4, 0, 0);
  }
}
