package fitcoach.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HardnessTest {
  private static PlannedWorkout with(Intensity intensity, List<WorkoutStep> steps) {
    return PlanFixtures.withIntensity(PlanFixtures.workout("Ride", "x", 3600, null, steps), intensity);
  }

  @Test
  @DisplayName("Hard: RPE 7+, zone 4+, or a work step (also inside a repeat) aimed at 95 % of FTP or LTHR or zone 4+; not a warm-up")
  void hard() {
    assertThat(Hardness.hard(with(new Intensity(Intensity.RPE, 7), List.of()))).isTrue();
    assertThat(Hardness.hard(with(new Intensity(Intensity.RPE, 6), List.of()))).isFalse();
    assertThat(Hardness.hard(with(new Intensity(Intensity.HR_ZONE, 4), List.of()))).isTrue();
    assertThat(Hardness.hard(with(new Intensity(Intensity.HR_ZONE, 3), List.of()))).isFalse();
    assertThat(Hardness.hard(with(null, List.of()))).isFalse();
    Intensity easy = new Intensity(Intensity.RPE, 5);
    assertThat(Hardness.hard(with(easy, PlanFixtures.intervalSteps()))).as("5 × 4 min at 105–110 %").isTrue();
    assertThat(Hardness.hard(with(easy, List.of(PlanFixtures.repeat(3,
        PlanFixtures.timed(WorkoutStep.WORK, 720, PlanFixtures.ftp(88, 94))))))).as("sweet spot").isFalse();
    assertThat(Hardness.hard(with(easy, List.of(PlanFixtures.timed(WorkoutStep.WORK, 600, PlanFixtures.lthr(92, 98))))))
        .isTrue();
    assertThat(Hardness.hard(with(easy, List.of(PlanFixtures.timed(WorkoutStep.WORK, 600, PlanFixtures.hrZone(4, 4))))))
        .isTrue();
    assertThat(Hardness.hard(with(easy, List.of(PlanFixtures.timed(WorkoutStep.WARMUP, 600, PlanFixtures.ftp(100, 110))))))
        .as("only work steps count").isFalse();
  }
}
