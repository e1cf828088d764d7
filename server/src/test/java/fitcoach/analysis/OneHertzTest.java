package fitcoach.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The 1 Hz resampling rule, on hand-computed vectors. */
class OneHertzTest {
  private static final double NaN = Double.NaN;

  @Test
  @DisplayName("A 1 Hz recording comes out unchanged, indexed by elapsed second from the first sample.")
  void oneHertzUnchanged() {
    OneHertz grid = OneHertz.of(new int[] {100, 101, 102});
    assertThat(grid.seconds()).isEqualTo(3);
    assertThat(grid.power(new double[] {100, 200, 300})).containsExactly(100, 200, 300);
  }

  @Test
  @DisplayName("Smart recording: a 4 s gap is filled by linear interpolation in every channel.")
  void shortGapInterpolated() {
    OneHertz grid = OneHertz.of(new int[] {0, 4});
    // power 100 -> 200 over 4 s: 100 + 100·k/4 = 100, 125, 150, 175, 200
    assertThat(grid.power(new double[] {100, 200})).containsExactly(100, 125, 150, 175, 200);
    // heart rate 120 -> 140: 120 + 20·k/4
    assertThat(grid.heartRate(new double[] {120, 140})).containsExactly(120, 125, 130, 135, 140);
    // distance 0 -> 40 m: 10 m a second
    assertThat(grid.distance(new double[] {0, 40})).containsExactly(0, 10, 20, 30, 40);
    assertThat(grid.speed(new double[] {2, 4})).containsExactly(2, 2.5, 3, 3.5, 4);
  }

  @Test
  @DisplayName("A 25 s gap is still interpolated; 26 s is a stop: power and speed 0, HR missing, distance held.")
  void gapLimit() {
    // 25 s: 0 -> 250 W, so second k is 10·k W
    double[] p25 = OneHertz.of(new int[] {0, 25}).power(new double[] {0, 250});
    assertThat(p25).hasSize(26);
    for (int k = 0; k <= 25; k++) {
      assertThat(p25[k]).isCloseTo(10.0 * k, within(1e-9));
    }

    OneHertz grid = OneHertz.of(new int[] {0, 26});
    double[] power = grid.power(new double[] {100, 200});
    double[] speed = grid.speed(new double[] {5, 6});
    double[] hr = grid.heartRate(new double[] {120, 140});
    double[] dist = grid.distance(new double[] {500, 600});
    assertThat(power).hasSize(27);
    assertThat(power[0]).isEqualTo(100);
    assertThat(power[26]).isEqualTo(200);
    assertThat(speed[0]).isEqualTo(5);
    assertThat(speed[26]).isEqualTo(6);
    assertThat(hr[0]).isEqualTo(120);
    assertThat(hr[26]).isEqualTo(140);
    assertThat(dist[0]).isEqualTo(500);
    assertThat(dist[26]).isEqualTo(600);
    for (int k = 1; k <= 25; k++) {
      assertThat(power[k]).isZero();
      assertThat(speed[k]).isZero();
      assertThat(hr[k]).isNaN();
      assertThat(dist[k]).isEqualTo(500); // held, then continues at 600 from second 26
    }
  }

  @Test
  @DisplayName("Duplicate and backwards times are dropped: the first sample at a time wins.")
  void duplicatesAndBackwards() {
    OneHertz grid = OneHertz.of(new int[] {0, 1, 1, 0, 2});
    assertThat(grid.seconds()).isEqualTo(3);
    assertThat(grid.power(new double[] {10, 20, 99, 99, 30})).containsExactly(10, 20, 30);
  }

  @Test
  @DisplayName("Fractional sample times: the grid starts at the first sample and interpolates to whole seconds.")
  void fractionalTimes() {
    // relative times 0, 1.5, 3 with 0, 150, 300 W:
    // k=1: 0 + 150·(1 − 0)/1.5 = 100; k=2: 150 + 150·(2 − 1.5)/1.5 = 200; k=3: 300
    double[] p = OneHertz.of(new double[] {10.25, 11.75, 13.25}).power(new double[] {0, 150, 300});
    assertThat(p).hasSize(4);
    assertThat(p[0]).isEqualTo(0);
    assertThat(p[1]).isCloseTo(100, within(1e-9));
    assertThat(p[2]).isCloseTo(200, within(1e-9));
    assertThat(p[3]).isEqualTo(300);
    // relative 0 and 2.5: 3 grid seconds; second 2 is 100 + 100·2/2.5 = 180
    double[] q = OneHertz.of(new double[] {0, 2.5}).power(new double[] {100, 200});
    assertThat(q).hasSize(3);
    assertThat(q[2]).isCloseTo(180, within(1e-9));
  }

  @Test
  @DisplayName("Gaps are per channel: a heart-rate dropout longer than 25 s is missing while power records.")
  void perChannelGaps() {
    int[] t = new int[41];
    double[] power = new double[41];
    double[] hrLong = new double[41];
    double[] hrShort = new double[41];
    for (int i = 0; i <= 40; i++) {
      t[i] = i;
      power[i] = 200;
      hrLong[i] = i == 0 ? 150 : i == 40 ? 160 : NaN; // a 40 s hole
      hrShort[i] = i <= 30 ? 150 : i < 40 ? NaN : 160; // a 10 s hole, 150 -> 160: +1 bpm a second
    }
    OneHertz grid = OneHertz.of(t);
    double[] a = grid.heartRate(hrLong);
    assertThat(a[0]).isEqualTo(150);
    assertThat(Arrays.stream(a, 1, 40).allMatch(Double::isNaN)).isTrue();
    assertThat(a[40]).isEqualTo(160);
    double[] b = grid.heartRate(hrShort);
    assertThat(b[35]).isCloseTo(155, within(1e-9));
    assertThat(grid.power(power)).containsOnly(200);
  }

  @Test
  @DisplayName("Before a channel's first sample and after its last it is stopped; a heart rate of 0 is no sample.")
  void edgesAndZeroHeartRate() {
    OneHertz grid = OneHertz.of(new int[] {0, 1, 2, 3, 4, 5});
    assertThat(grid.power(new double[] {NaN, NaN, 100, 100, NaN, NaN})).containsExactly(0, 0, 100, 100, 0, 0);
    assertThat(grid.distance(new double[] {NaN, NaN, 10, 20, NaN, NaN})).containsExactly(10, 10, 10, 20, 20, 20);
    double[] hr = grid.heartRate(new double[] {0, NaN, 120, 0, 140, 0});
    // 0 bpm counts as no sample: 120 at 2, 140 at 4, so 3 is 130; the ends are missing
    assertThat(hr[0]).isNaN();
    assertThat(hr[1]).isNaN();
    assertThat(hr[2]).isEqualTo(120);
    assertThat(hr[3]).isEqualTo(130);
    assertThat(hr[4]).isEqualTo(140);
    assertThat(hr[5]).isNaN();
  }

  @Test
  @DisplayName("An absent channel or one without any sample gives null; no samples give an empty grid.")
  void absentChannels() {
    OneHertz grid = OneHertz.of(new int[] {0, 1});
    assertThat(grid.power(null)).isNull();
    assertThat(grid.heartRate(new double[] {NaN, 0})).isNull();
    OneHertz empty = OneHertz.of(new int[0]);
    assertThat(empty.seconds()).isZero();
    assertThat(empty.power(new double[0])).isNull();
  }

  @Test
  @DisplayName("7 days is the longest span accepted; one second more, a bad time or misaligned arrays are refused.")
  void bounds() {
    assertThat(OneHertz.of(new int[] {0, 604_800}).seconds()).isEqualTo(604_801);
    assertThatThrownBy(() -> OneHertz.of(new int[] {5, 604_806}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("7 days");
    assertThatThrownBy(() -> OneHertz.of(new double[] {0, NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no valid time");
    assertThatThrownBy(() -> OneHertz.of(new int[] {0, 1}).power(new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 values for 2 times");
  }

  @Test
  @DisplayName("Cadence is like heart rate: 0 (coasting) is no sample, gaps up to 25 s are interpolated, stops are missing.")
  void cadence() {
    double[] c = OneHertz.of(new int[] {0, 2, 4, 40}).cadence(new double[] {80, 0, 90, 90});

    assertThat(c[0]).isEqualTo(80);
    assertThat(c[2]).isCloseTo(85, within(1e-9)); // the 0 at second 2 is skipped: 80 -> 90 over 4 s
    assertThat(c[4]).isEqualTo(90);
    assertThat(c[20]).isNaN(); // 36 s without a sample is a stop
    assertThat(c[40]).isEqualTo(90);
  }
}
