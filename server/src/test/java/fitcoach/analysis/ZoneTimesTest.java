package fitcoach.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seconds per zone from lower bounds, and the standard Coggan / %HRmax bounds. */
class ZoneTimesTest {

  private static final double NaN = Double.NaN;

  @Test
  @DisplayName("Coggan power levels for FTP 200 W: bounds 0/110/150/180/210/240/300 W.")
  void cogganPowerBounds() {
    // 200 × 0, 55, 75, 90, 105, 120, 150 % = 0, 110, 150, 180, 210, 240, 300.
    assertThat(ZoneTimes.bounds(200, ZoneTimes.COGGAN_POWER_PERCENT_FTP))
        .containsExactly(0, 110, 150, 180, 210, 240, 300);
  }

  @Test
  @DisplayName("Power seconds: a value on a bound is in the upper zone; NaN counts in no zone.")
  void powerSeconds() {
    // Bounds for FTP 200: 0/110/150/180/210/240/300.
    // 0 → Z1; 109.9 → Z1; 110 → Z2; 149 → Z2; 150 → Z3; 200 → Z4; 210 → Z5; 239 → Z5; 240 → Z6; 300 → Z7; 900 → Z7;
    // NaN → none. Totals: Z1 2, Z2 2, Z3 1, Z4 1, Z5 2, Z6 1, Z7 2 = 11 of 12 seconds.
    double[] power = {0, 109.9, 110, 149, 150, 200, 210, 239, 240, 300, 900, NaN};

    int[] seconds = ZoneTimes.seconds(power, ZoneTimes.bounds(200, ZoneTimes.COGGAN_POWER_PERCENT_FTP));

    assertThat(seconds).containsExactly(2, 2, 1, 1, 2, 1, 2);
  }

  @Test
  @DisplayName("Coggan HR zones for LTHR 170 bpm: bounds 0/115.6/141.1/159.8/178.5; seconds counted per zone.")
  void cogganHr() {
    // 170 × 0.68 = 115.6; × 0.83 = 141.1; × 0.94 = 159.8; × 1.05 = 178.5.
    double[] bounds = ZoneTimes.bounds(170, ZoneTimes.COGGAN_HR_PERCENT_LTHR);
    assertThat(bounds[1]).isCloseTo(115.6, within(1e-9));
    assertThat(bounds[4]).isCloseTo(178.5, within(1e-9));
    // 100 → Z1; 120 → Z2; 141 → Z2; 150 → Z3; 165 → Z4; 180 → Z5; NaN, NaN → none.
    double[] hr = {100, 120, 141, 150, 165, 180, NaN, NaN};

    assertThat(ZoneTimes.seconds(hr, bounds)).containsExactly(1, 2, 1, 1, 1);
  }

  @Test
  @DisplayName("%HRmax zones for max HR 200: 0/120/140/160/180; easy seconds count in zone 1.")
  void hrMax() {
    // 90 (45 %) → Z1; 119 → Z1; 120 → Z2; 159 → Z3; 160 → Z4; 199 → Z5.
    double[] hr = {90, 119, 120, 159, 160, 199};

    assertThat(ZoneTimes.seconds(hr, ZoneTimes.bounds(200, ZoneTimes.HR_PERCENT_MAX))).containsExactly(2, 1, 1, 1, 1);
  }

  @Test
  @DisplayName("Values below the first bound count in no zone; bounds must ascend; the threshold must be positive.")
  void edges() {
    assertThat(ZoneTimes.seconds(new double[] {5, 15, 25}, new double[] {10, 20})).containsExactly(1, 1);
    assertThatThrownBy(() -> ZoneTimes.seconds(new double[] {1}, new double[] {10, 10}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ZoneTimes.seconds(new double[] {1}, new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ZoneTimes.bounds(0, ZoneTimes.COGGAN_POWER_PERCENT_FTP))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("Friel run pace zones: at a 4:30/km threshold, 6:00/km is Z1, 5:00 Z3, 4:30 Z4, 4:20 Z5b, 4:00 Z5c.")
  void frielPace() {
    double thresholdSpeed = 1000 / 270.0;
    double[] bounds = ZoneTimes.bounds(thresholdSpeed, ZoneTimes.FRIEL_PACE_PERCENT_THRESHOLD_SPEED);
    // pace % of threshold: 360/270 = 133 % (Z1), 300/270 = 111 % (Z3), 100 % (Z4), 260/270 = 96.3 % (Z5b),
    // 240/270 = 88.9 % (Z5c); a stop (0 m/s) is Z1.
    double[] speeds = {1000 / 360.0, 1000 / 300.0, 1000 / 270.0, 1000 / 260.0, 1000 / 240.0, 0};

    assertThat(ZoneTimes.seconds(speeds, bounds)).containsExactly(2, 0, 1, 1, 0, 1, 1);
    assertThat(bounds[1]).isCloseTo(thresholdSpeed * 100 / 129, within(1e-12));
  }
}
