package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.load.Pmc;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcOptions;
import fitcoach.load.PmcSeries;
import fitcoach.readiness.ReadinessCard;
import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuleAdviceTest {
  private static PmcDay day(double ctl, double atl, double ramp, double acwr) {
    double form = ctl - atl;
    return new PmcDay(LocalDate.of(2026, 11, 24), 0, ctl, atl, form, form, ramp, Pmc.zone(form), Double.NaN, Double.NaN, acwr);
  }

  @Test
  @DisplayName("Form below −30 means rest, whatever else the numbers say")
  void overload() {
    RuleAdvice advice = RuleAdvice.of(day(60, 95, 2, 1.1), false);
    assertThat(advice.verdict()).isEqualTo("rest");
    assertThat(advice.zone()).isEqualTo("overload");
    assertThat(advice.source()).isEqualTo("rules");
    assertThat(advice.form()).isEqualTo(-35.0);
  }

  @Test
  @DisplayName("A steep ramp or a workload ratio above 1.5 makes it an easy day even when fresh")
  void steepRamp() {
    assertThat(RuleAdvice.of(day(50, 40, 9, 1.2), false).verdict()).isEqualTo("easy");
    assertThat(RuleAdvice.of(day(50, 40, 3, 1.6), false).verdict()).isEqualTo("easy");
    assertThat(RuleAdvice.of(day(50, 40, 3, 1.6), false).advice()).contains("workload ratio 1.6");
  }

  @Test
  @DisplayName("Fresh means hard, neutral means train, deep productive fatigue means easy")
  void zones() {
    assertThat(RuleAdvice.of(day(50, 40, 2, 1.0), false).verdict()).isEqualTo("hard");
    assertThat(RuleAdvice.of(day(50, 50, 2, 1.0), false).verdict()).isEqualTo("train");
    assertThat(RuleAdvice.of(day(50, 65, 2, 1.0), false).verdict()).isEqualTo("train");
    assertThat(RuleAdvice.of(day(50, 75, 2, 1.0), false).verdict()).isEqualTo("easy");
    assertThat(RuleAdvice.of(day(50, 20, -2, 0.5), false).verdict()).isEqualTo("train");
    assertThat(RuleAdvice.of(day(50, 20, -2, 0.5), true).advice()).contains("still settling");
  }

  @Test
  @DisplayName("With no activity there is no verdict: nothing to judge yet, and what to do first")
  void noHistory() {
    RuleAdvice advice = RuleAdvice.of(day(0, 0, 0, Double.NaN), java.util.Optional.empty(), LocalDate.of(2026, 11, 24), true);
    assertThat(advice.verdict()).isEqualTo("none");
    assertThat(advice.history()).isEqualTo("none");
    assertThat(advice.advice()).contains("import", "connect Strava", "demo athlete").doesNotContain("quality session");
  }

  @Test
  @DisplayName("A few days of history keep the verdict but lead with the numbers still settling; two weeks and more say so only while warming up")
  void shortHistory() {
    LocalDate today = LocalDate.of(2026, 11, 24);
    RuleAdvice early = RuleAdvice.of(day(5, 20, 2, 1.0), java.util.Optional.of(today.minusDays(3)), today, true);
    assertThat(early.history()).isEqualTo("short");
    assertThat(early.historyDays()).isEqualTo(3L);
    assertThat(early.advice()).startsWith("Your history starts 3 days ago").contains("rough guide");
    assertThat(early.advice()).containsOnlyOnce("settling");
    RuleAdvice weeks = RuleAdvice.of(day(30, 30, 2, 1.0), java.util.Optional.of(today.minusDays(30)), today, true);
    assertThat(weeks.history()).isEqualTo("settling");
    assertThat(weeks.advice()).contains("still settling");
    RuleAdvice full = RuleAdvice.of(day(50, 50, 2, 1.0), java.util.Optional.of(today.minusDays(400)), today, false);
    assertThat(full.history()).isEqualTo("full");
    assertThat(full.advice()).doesNotContain("settling");
  }

  @Test
  @DisplayName("With no wellness the decision card's verdict is this advice's on every day of a grid of form, ramp and workload ratio")
  void cardAgreesWithoutWellness() {
    int days = 0;
    for (double form = -50; form <= 40; form += 2.5) {
      for (double ramp : new double[] {-3, 0, 8, 8.5, 12}) {
        for (double acwr : new double[] {Double.NaN, 0.8, 1.5, 1.51, 2}) {
          PmcDay day = new PmcDay(LocalDate.of(2026, 11, 24), 0, 50, 50 - form, form, form, ramp, Pmc.zone(form), Double.NaN,
              Double.NaN, acwr);
          PmcSeries series = new PmcSeries(List.of(day), day.date(), Optional.of(day.date().minusDays(200)), PmcOptions.defaults());
          assertThat(ReadinessCard.of(series, List.of()).verdict()).as("form %s ramp %s acwr %s", form, ramp, acwr)
              .isEqualTo(RuleAdvice.of(series).verdict());
          days++;
        }
      }
    }
    assertThat(days).isEqualTo(37 * 25);
  }
}
