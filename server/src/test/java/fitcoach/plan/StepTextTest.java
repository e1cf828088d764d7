package fitcoach.plan;

import static fitcoach.plan.PlanFixtures.distance;
import static fitcoach.plan.PlanFixtures.ftp;
import static fitcoach.plan.PlanFixtures.hrZone;
import static fitcoach.plan.PlanFixtures.intervalSteps;
import static fitcoach.plan.PlanFixtures.lthr;
import static fitcoach.plan.PlanFixtures.pace;
import static fitcoach.plan.PlanFixtures.repeat;
import static fitcoach.plan.PlanFixtures.timed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepTextTest {

  @Test
  @DisplayName("A structured workout reads as one line per step, its repeat in brackets.")
  void lines() {
    assertThat(StepText.lines(intervalSteps())).containsExactly(
        "Warm-up 15:00 in HR zone 2",
        "5 × (4:00 at 105–110 % FTP, 3:00 at 50–60 % FTP)",
        "10:00 at 90–100 % LTHR",
        "Cool-down 2 km at 5:00–5:30 /km");
  }

  @Test
  @DisplayName("Work steps go unlabelled, the others say what they are; a step without duration or target is open.")
  void labels() {
    assertThat(StepText.line(timed(WorkoutStep.WORK, 1200, ftp(88, 94)))).isEqualTo("20:00 at 88–94 % FTP");
    assertThat(StepText.line(timed(WorkoutStep.RECOVERY, 300, null))).isEqualTo("Recovery 5:00");
    assertThat(StepText.line(distance(WorkoutStep.WARMUP, 800, hrZone(1, 2)))).isEqualTo("Warm-up 800 m in HR zones 1–2");
    assertThat(StepText.line(new WorkoutStep(WorkoutStep.COOLDOWN, null, null, null, null, null)))
        .isEqualTo("Cool-down open");
    assertThat(StepText.label("mystery")).isEqualTo("mystery");
    assertThat(StepText.label(null)).isEqualTo("Step");
  }

  @Test
  @DisplayName("A repeat inside a repeat nests its brackets; a repeat without a count reads as once.")
  void nestedRepeat() {
    WorkoutStep inner = repeat(3, timed(WorkoutStep.WORK, 30, ftp(150, 150)), timed(WorkoutStep.RECOVERY, 30, null));
    assertThat(StepText.line(repeat(2, inner, timed(WorkoutStep.RECOVERY, 300, ftp(50, 50)))))
        .isEqualTo("2 × (3 × (0:30 at 150 % FTP, 0:30), 5:00 at 50 % FTP)");
    assertThat(StepText.repeat(new WorkoutStep(WorkoutStep.REPEAT, null, null, null,
        java.util.List.of(timed(WorkoutStep.WORK, 60, null)), null))).isEqualTo("1 × (1:00)");
  }

  @Test
  @DisplayName("Targets: single values without a range, decimals only where they mean something, pace as min:s per km.")
  void targets() {
    assertThat(StepText.target(ftp(100, 100))).isEqualTo("at 100 % FTP");
    assertThat(StepText.target(ftp(88.5, 94))).isEqualTo("at 88.5–94 % FTP");
    assertThat(StepText.target(lthr(80, 89))).isEqualTo("at 80–89 % LTHR");
    assertThat(StepText.target(hrZone(3, 3))).isEqualTo("in HR zone 3");
    assertThat(StepText.target(pace(240, 255))).isEqualTo("at 4:00–4:15 /km");
    assertThat(StepText.target(pace(299.6, 299.6))).isEqualTo("at 5:00 /km");
  }

  @ParameterizedTest(name = "{0} s → {1}")
  @CsvSource({"0, 0:00", "59, 0:59", "240, 4:00", "3599, 59:59", "3600, 1:00:00", "3725, 1:02:05", "-5, 0:00"})
  @DisplayName("Step durations read as m:ss, and h:mm:ss from an hour on.")
  void clock(int seconds, String text) {
    assertThat(StepText.clock(seconds)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} s → {1}")
  @CsvSource({"3900, 1:05", "2700, 0:45", "29, 0:00", "30, 0:01", "36000, 10:00"})
  @DisplayName("Session durations read as h:mm, rounded to the minute.")
  void hoursMinutes(int seconds, String text) {
    assertThat(StepText.hoursMinutes(seconds)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} m → {1}")
  @CsvSource({"400, 400 m", "999.4, 999 m", "999.6, 1 km", "2000, 2 km", "2500, 2.5 km", "1234, 1.23 km",
      "21097.5, 21.1 km", "42195, 42.2 km", "100000, 100 km"})
  @DisplayName("Distances read in metres below a kilometre, then in kilometres without trailing zeros.")
  void distances(double metres, String text) {
    assertThat(StepText.distance(metres)).isEqualTo(text);
  }
}
