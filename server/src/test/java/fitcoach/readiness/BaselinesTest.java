package fitcoach.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Unit vectors for the wellness baselines. Expected values were worked out apart from this code (plain Python,
 * {@code statistics.mean/stdev}, natural logs) and are written here as literals.
 */
class BaselinesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  private static WellnessDay day(int daysAgo) {
    return WellnessDay.empty(TODAY.minusDays(daysAgo));
  }

  /** rMSSD 50 and 70 ms in turn on the 20 days from 60 to 41 days ago: ln mean 4.080259, sample SD 0.172607. */
  private static List<WellnessDay> hrvBase() {
    List<WellnessDay> days = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      days.add(day(60 - i).withHrv(i % 2 == 0 ? 50.0 : 70.0));
    }
    return days;
  }

  @Test
  @DisplayName("HRV: the 7-day ln rMSSD mean against the 60 days before today, normal range mean ± 0.75 SD")
  void hrvVector() {
    List<WellnessDay> days = hrvBase();
    days.add(day(2).withHrv(40.0));
    days.add(day(1).withHrv(45.0));
    days.add(day(0).withHrv(50.0));
    HrvBaseline h = HrvBaseline.of(days, TODAY);
    // Baseline: the 20 values plus 40 and 45 ms (22; today is not in it). Rolling: ln 40, 45, 50.
    assertThat(h.baselineCount()).isEqualTo(22);
    assertThat(h.mean()).isCloseTo(4.050033, within(1e-6));
    assertThat(h.sd()).isCloseTo(0.191982, within(1e-6));
    assertThat(h.low()).isCloseTo(3.906046, within(1e-6));
    assertThat(h.high()).isCloseTo(4.194020, within(1e-6));
    assertThat(h.rollingCount()).isEqualTo(3);
    assertThat(h.rolling()).isCloseTo(3.802522, within(1e-6));
    assertThat(h.status()).isEqualTo(HrvBaseline.Status.BELOW);
  }

  @Test
  @DisplayName("HRV: today's reading is in the 7-day mean but never in its own baseline, and 61 days ago is out of it")
  void hrvWindows() {
    List<WellnessDay> days = hrvBase();
    days.add(day(61).withHrv(300.0));
    days.add(day(0).withHrv(300.0));
    HrvBaseline h = HrvBaseline.of(days, TODAY);
    assertThat(h.baselineCount()).isEqualTo(20);
    assertThat(h.mean()).isCloseTo(4.080259, within(1e-6));
    assertThat(h.sd()).isCloseTo(0.172607, within(1e-6));
    // Only one reading in the last 7 days: no valid rolling mean (Plews 2014: three a week).
    assertThat(h.rollingCount()).isEqualTo(1);
    assertThat(h.rolling()).isNull();
    assertThat(h.status()).isEqualTo(HrvBaseline.Status.NO_RECENT);
    days.add(day(3).withHrv(60.0));
    days.add(day(6).withHrv(60.0));
    HrvBaseline three = HrvBaseline.of(days, TODAY);
    assertThat(three.rollingCount()).isEqualTo(3);
    // ln 300, ln 60, ln 60 = 5.703782, 4.094345, 4.094345 → 4.630824: above the range.
    assertThat(three.rolling()).isCloseTo(4.630824, within(1e-6));
    assertThat(three.status()).isEqualTo(HrvBaseline.Status.ABOVE);
  }

  @Test
  @DisplayName("HRV: 13 values in 60 days is still learning, 14 makes a baseline; missing days are skipped, never filled")
  void hrvLearning() {
    List<WellnessDay> days = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      days.add(day(50 - 3 * i).withHrv(60.0));
    }
    days.add(day(0).withHrv(60.0).withRestingHr(50));
    days.add(day(1).withSleep(8.0));
    HrvBaseline learning = HrvBaseline.of(days, TODAY);
    assertThat(learning.baselineCount()).isEqualTo(13);
    assertThat(learning.mean()).isNull();
    assertThat(learning.low()).isNull();
    assertThat(learning.status()).isEqualTo(HrvBaseline.Status.LEARNING);
    days.add(day(59).withHrv(60.0));
    HrvBaseline known = HrvBaseline.of(days, TODAY);
    assertThat(known.baselineCount()).isEqualTo(14);
    assertThat(known.mean()).isCloseTo(Math.log(60), within(1e-12));
    assertThat(known.sd()).isCloseTo(0, within(1e-12));
    assertThat(known.status()).isEqualTo(HrvBaseline.Status.NO_RECENT);
  }

  @Test
  @DisplayName("Resting HR: more than 1 SD above the 60-day mean is elevated once the SD is known (14 values)")
  void restingHrWithSd() {
    List<WellnessDay> days = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      days.add(day(40 - i).withRestingHr(i % 2 == 0 ? 50 : 52));
    }
    days.add(day(0).withRestingHr(53));
    days.add(day(3).withRestingHr(53));
    days.add(day(5).withRestingHr(53));
    // Baseline 14 × (50, 52) plus 53 on 3 and 5 days ago = 16 values: mean 51.25; the 7-day mean is 53.
    RestingHrBaseline r = RestingHrBaseline.of(days, TODAY);
    assertThat(r.baselineCount()).isEqualTo(16);
    assertThat(r.mean()).isCloseTo(51.25, within(1e-9));
    // Sample SD of 7 × 50, 7 × 52, 2 × 53: sqrt((7·1.5625 + 7·0.5625 + 2·3.0625)/15) = sqrt(1.4) = 1.183216.
    assertThat(r.sd()).isCloseTo(1.183216, within(1e-6));
    assertThat(r.rolling()).isCloseTo(53, within(1e-9));
    assertThat(r.difference()).isCloseTo(1.75, within(1e-9));
    assertThat(r.status()).isEqualTo(RestingHrBaseline.Status.ELEVATED);
  }

  @Test
  @DisplayName("Resting HR: without a known SD only more than +5 bpm is elevated, and under 7 values is still learning")
  void restingHrWithoutSd() {
    List<WellnessDay> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      days.add(day(30 + i).withRestingHr(50));
    }
    days.add(day(0).withRestingHr(55));
    days.add(day(1).withRestingHr(55));
    days.add(day(2).withRestingHr(55));
    RestingHrBaseline r = RestingHrBaseline.of(days, TODAY);
    // Baseline: 7 × 50 and 55, 55 (yesterday, 2 days ago) = 9 values, mean 51.111111; SD not known below 14.
    assertThat(r.mean()).isCloseTo(51.111111, within(1e-6));
    assertThat(r.sd()).isNull();
    assertThat(r.difference()).isCloseTo(3.888889, within(1e-6));
    assertThat(r.status()).isEqualTo(RestingHrBaseline.Status.NORMAL);

    List<WellnessDay> exact = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      exact.add(day(30 + i).withRestingHr(50));
    }
    exact.add(day(0).withRestingHr(55));
    exact.add(day(10).withRestingHr(50));
    exact.add(day(20).withRestingHr(50));
    assertThat(RestingHrBaseline.of(exact, TODAY).rolling()).isNull();
    exact.add(day(4).withRestingHr(55));
    exact.add(day(6).withRestingHr(55));
    // Baseline now 9 × 50 and 2 × 55 = 50.909091; 7-day mean 55 → +4.09: normal.
    RestingHrBaseline r2 = RestingHrBaseline.of(exact, TODAY);
    assertThat(r2.mean()).isCloseTo(50.909091, within(1e-6));
    assertThat(r2.status()).isEqualTo(RestingHrBaseline.Status.NORMAL);
    List<WellnessDay> few = new ArrayList<>(exact.subList(0, 6));
    few.add(day(0).withRestingHr(70));
    assertThat(RestingHrBaseline.of(few, TODAY).status()).isEqualTo(RestingHrBaseline.Status.LEARNING);
  }

  @Test
  @DisplayName("Resting HR: exactly +5 bpm over the baseline is normal, +5.5 is elevated (SD unknown)")
  void restingHrBoundary() {
    List<WellnessDay> days = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      days.add(day(20 + i).withRestingHr(50));
    }
    // The 7-day readings sit on today, 2 and 4 days ago: 2 and 4 days ago also join the baseline. Readings 55/55/55:
    // baseline (8·50 + 2·55)/10 = 51, 7-day mean 55, +4 → normal. Readings 57/57/57: baseline 51.4, +5.6 → elevated.
    List<WellnessDay> normal = new ArrayList<>(days);
    normal.add(day(0).withRestingHr(55));
    normal.add(day(2).withRestingHr(55));
    normal.add(day(4).withRestingHr(55));
    RestingHrBaseline n = RestingHrBaseline.of(normal, TODAY);
    assertThat(n.mean()).isCloseTo(51, within(1e-9));
    assertThat(n.difference()).isCloseTo(4, within(1e-9));
    assertThat(n.status()).isEqualTo(RestingHrBaseline.Status.NORMAL);
    List<WellnessDay> up = new ArrayList<>(days);
    up.add(day(0).withRestingHr(57));
    up.add(day(2).withRestingHr(57));
    up.add(day(4).withRestingHr(57));
    RestingHrBaseline e = RestingHrBaseline.of(up, TODAY);
    assertThat(e.mean()).isCloseTo(51.4, within(1e-9));
    assertThat(e.difference()).isCloseTo(5.6, within(1e-9));
    assertThat(e.status()).isEqualTo(RestingHrBaseline.Status.ELEVATED);
    // Exactly on the lines, on the record itself (readings in the window also move the baseline, see above).
    assertThat(new RestingHrBaseline(55.0, 3, 50.0, null, 10).status()).isEqualTo(RestingHrBaseline.Status.NORMAL);
    assertThat(new RestingHrBaseline(55.01, 3, 50.0, null, 10).status()).isEqualTo(RestingHrBaseline.Status.ELEVATED);
    assertThat(new RestingHrBaseline(52.0, 3, 50.0, 1.9, 20).status()).isEqualTo(RestingHrBaseline.Status.ELEVATED);
    assertThat(new RestingHrBaseline(52.0, 3, 50.0, 2.0, 20).status()).isEqualTo(RestingHrBaseline.Status.NORMAL);
  }

  @Test
  @DisplayName("Sleep: last night 1.5 h under the 30-day usual is short; last night is today's entry, the usual excludes it")
  void sleepShortNight() {
    List<WellnessDay> days = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      days.add(day(30 - i).withSleep(8.0));
    }
    days.add(day(0).withSleep(6.5));
    SleepBaseline s = SleepBaseline.of(days, TODAY);
    assertThat(s.usual()).isCloseTo(8.0, within(1e-12));
    assertThat(s.usualCount()).isEqualTo(10);
    assertThat(s.lastNight()).isEqualTo(6.5);
    assertThat(s.week()).isNull();
    assertThat(s.shortNight()).isTrue();
    assertThat(s.status()).isEqualTo(SleepBaseline.Status.SHORT);
    days.set(days.size() - 1, day(0).withSleep(6.6));
    assertThat(SleepBaseline.of(days, TODAY).status()).isEqualTo(SleepBaseline.Status.USUAL);
    // 31 days ago is outside the usual.
    days.add(day(31).withSleep(2.0));
    assertThat(SleepBaseline.of(days, TODAY).usual()).isCloseTo(8.0, within(1e-12));
  }

  @Test
  @DisplayName("Sleep: a 7-day mean 1 h under the usual is short even when last night was not")
  void sleepDebt() {
    List<WellnessDay> days = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      days.add(day(30 - i).withSleep(8.0));
    }
    days.add(day(2).withSleep(6.5));
    days.add(day(1).withSleep(6.5));
    days.add(day(0).withSleep(6.5));
    SleepBaseline s = SleepBaseline.of(days, TODAY);
    // Usual: 20 × 8 and 2 × 6.5 = 173/22 = 7.863636; week 6.5 ≤ 6.863636; last night 6.5 > 6.363636.
    assertThat(s.usual()).isCloseTo(7.863636, within(1e-6));
    assertThat(s.week()).isCloseTo(6.5, within(1e-12));
    assertThat(s.shortNight()).isFalse();
    assertThat(s.debt()).isTrue();
    assertThat(s.status()).isEqualTo(SleepBaseline.Status.SHORT);
  }

  @Test
  @DisplayName("Sleep: fewer than 7 nights in 30 days is still learning")
  void sleepLearning() {
    List<WellnessDay> days = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      days.add(day(10 + i).withSleep(8.0));
    }
    days.add(day(0).withSleep(4.0));
    SleepBaseline s = SleepBaseline.of(days, TODAY);
    assertThat(s.usual()).isNull();
    assertThat(s.status()).isEqualTo(SleepBaseline.Status.LEARNING);
  }

  @Test
  @DisplayName("Scores: today against the 30 days before; soreness and stress worse at 4+ and a point up, motivation at 2 or less and a point down")
  void scores() {
    List<WellnessDay> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      days.add(day(1 + 2 * i).withScores(2, 3, 4));
    }
    days.add(day(0).withScores(4, 3, 2));
    ScoreBaseline soreness = ScoreBaseline.soreness(days, TODAY);
    assertThat(soreness.usual()).isCloseTo(2.0, within(1e-12));
    assertThat(soreness.today()).isEqualTo(4);
    assertThat(soreness.status()).isEqualTo(ScoreBaseline.Status.WORSE);
    // Stress 3 against 3: usual. Motivation 2 against 4: worse.
    assertThat(ScoreBaseline.stress(days, TODAY).status()).isEqualTo(ScoreBaseline.Status.USUAL);
    assertThat(ScoreBaseline.motivation(days, TODAY).status()).isEqualTo(ScoreBaseline.Status.WORSE);

    days.set(days.size() - 1, day(0).withScores(3, 5, 5));
    // Soreness 3: a point up but not at the bad end → usual. Stress 5 (usual 3) → worse. Motivation 5 (usual 4) → better.
    assertThat(ScoreBaseline.soreness(days, TODAY).status()).isEqualTo(ScoreBaseline.Status.USUAL);
    assertThat(ScoreBaseline.stress(days, TODAY).status()).isEqualTo(ScoreBaseline.Status.WORSE);
    assertThat(ScoreBaseline.motivation(days, TODAY).status()).isEqualTo(ScoreBaseline.Status.BETTER);

    days.set(days.size() - 1, day(0).withScores(1, null, null));
    assertThat(ScoreBaseline.soreness(days, TODAY).status()).isEqualTo(ScoreBaseline.Status.BETTER);
    assertThat(ScoreBaseline.stress(days, TODAY).status()).isEqualTo(ScoreBaseline.Status.NO_RECENT);

    List<WellnessDay> few = new ArrayList<>(days.subList(0, 6));
    few.add(day(0).withScores(5, 5, 1));
    assertThat(ScoreBaseline.soreness(few, TODAY).status()).isEqualTo(ScoreBaseline.Status.LEARNING);
  }
}
