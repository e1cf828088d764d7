package fitcoach.progress;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.analysis.ZoneTimes;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The zone-time histograms: exact for whole-number values, within the documented bound otherwise. */
class CurveRowTest {

  @Test
  @DisplayName("Whole-number power and heart rate: zone seconds from the histogram equal an exact count, for any thresholds")
  void wholeNumbersAreExact() {
    Random random = new Random(14);
    double[] watts = new double[7200];
    double[] bpm = new double[7200];
    for (int i = 0; i < watts.length; i++) {
      watts[i] = random.nextInt(i % 97 == 0 ? 2500 : 450);
      bpm[i] = i % 50 == 0 ? Double.NaN : 90 + random.nextInt(100);
    }
    Integer[] powerHist = CurveRow.histogram(watts, CurveRow.MAX_POWER_BIN_W);
    Integer[] hrHist = CurveRow.histogram(bpm, CurveRow.MAX_HR_BIN_BPM);
    for (double ftp : new double[] {150, 237.5, 263, 301.7, 1300}) {
      double[] bounds = ZoneTimes.bounds(ftp, ZoneTimes.COGGAN_POWER_PERCENT_FTP);
      assertThat(CurveRow.zoneSeconds(powerHist, bounds, new int[7])).as("FTP " + ftp)
          .containsExactly(ZoneTimes.seconds(watts, bounds));
    }
    for (double lthr : new double[] {150, 163.3, 171, 185.5}) {
      double[] bounds = ZoneTimes.bounds(lthr, ZoneTimes.COGGAN_HR_PERCENT_LTHR);
      assertThat(CurveRow.zoneSeconds(hrHist, bounds, new int[5])).as("LTHR " + lthr)
          .containsExactly(ZoneTimes.seconds(bpm, bounds));
    }
  }

  @Test
  @DisplayName("Fractional values: each zone is off by at most the seconds of the 1 W bins holding its two bounds")
  void fractionalValuesStayWithinTheBound() {
    Random random = new Random(7);
    double[] watts = new double[20_000];
    for (int i = 0; i < watts.length; i++) {
      watts[i] = random.nextDouble() * 500;
    }
    Integer[] hist = CurveRow.histogram(watts, CurveRow.MAX_POWER_BIN_W);
    for (double ftp : new double[] {201.3, 250, 287.9}) {
      double[] bounds = ZoneTimes.bounds(ftp, ZoneTimes.COGGAN_POWER_PERCENT_FTP);
      int[] exact = ZoneTimes.seconds(watts, bounds);
      int[] binned = CurveRow.zoneSeconds(hist, bounds, new int[bounds.length]);
      boolean someDiffer = false;
      for (int z = 0; z < bounds.length; z++) {
        int lowBin = hist.length > (int) bounds[z] ? hist[(int) bounds[z]] : 0;
        int highBin = z + 1 < bounds.length && hist.length > (int) bounds[z + 1] ? hist[(int) bounds[z + 1]] : 0;
        assertThat(Math.abs(binned[z] - exact[z])).as("zone " + (z + 1) + " at FTP " + ftp)
            .isLessThanOrEqualTo(lowBin + highBin);
        someDiffer |= binned[z] != exact[z];
      }
      assertThat(java.util.Arrays.stream(binned).sum()).isEqualTo(java.util.Arrays.stream(exact).sum());
      if (ftp == 201.3) {
        assertThat(someDiffer).as("fractional bounds do move seconds between zones").isTrue();
      }
    }
  }

  @Test
  @DisplayName("Histograms drop NaN and trailing empty bins and cap power at 2000 W")
  void histogramShape() {
    Integer[] h = CurveRow.histogram(new double[] {Double.NaN, 3.7, 3.2, 0, 2600, -1}, CurveRow.MAX_POWER_BIN_W);
    assertThat(h).hasSize(CurveRow.MAX_POWER_BIN_W + 1);
    assertThat(h[0]).isEqualTo(1);
    assertThat(h[3]).isEqualTo(2);
    assertThat(h[CurveRow.MAX_POWER_BIN_W]).isEqualTo(1);
    assertThat(CurveRow.histogram(new double[] {Double.NaN}, 255)).isNull();
    assertThat(CurveRow.histogram(new double[] {120, 121}, 255)).hasSize(122);
  }
}
