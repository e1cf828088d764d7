package fitcoach.plan;

import static fitcoach.plan.PlanFixtures.DAY;
import static fitcoach.plan.PlanFixtures.workout;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlanTextTest {

  @Test
  @DisplayName("A workout without a title is summarised by its sport, and one without sport either as a workout.")
  void untitled() {
    assertThat(PlanText.summary(workout("Ride", "  ", 3600, null, List.of()))).isEqualTo("Ride · 1:00");
    assertThat(PlanText.summary(workout(null, null, null, 5000.0, List.of()))).isEqualTo("Workout · 5 km");
  }

  @Test
  @DisplayName("A title with line breaks and control characters becomes one clean line.")
  void titleOnOneLine() {
    assertThat(PlanText.summary(workout("Run", "Hill\r\nrepeats\u0000\t!", 1800, null, List.of())))
        .isEqualTo("Hill repeats ! · 0:30");
  }

  @Test
  @DisplayName("A workout with nothing but a date still has a summary and an empty description.")
  void bare() {
    PlannedWorkout w = new PlannedWorkout(UUID.randomUUID(), DAY, "Yoga", "Stretch", null, null, null, null, null,
        false, List.of(), null);
    assertThat(PlanText.summary(w)).isEqualTo("Stretch");
    assertThat(PlanText.description(w)).isEmpty();
  }

  @Test
  @DisplayName("The intensity reads as RPE or heart-rate zone.")
  void intensity() {
    assertThat(PlanText.intensity(new Intensity(Intensity.RPE, 7))).isEqualTo("RPE 7");
    assertThat(PlanText.intensity(new Intensity(Intensity.HR_ZONE, 2))).isEqualTo("HR zone 2");
    assertThat(PlanText.intensity(null)).isEmpty();
  }

  @Test
  @DisplayName("Events read with their priority and distance, and without them when they are missing.")
  void events() {
    PlannedEvent a = new PlannedEvent(UUID.randomUUID(), DAY, "Ironman Austria", "Triathlon", 226000.0, "A");
    assertThat(PlanText.summary(a)).isEqualTo("🏁 A race: Ironman Austria · 226 km");
    assertThat(PlanText.description(a)).isEqualTo("Triathlon · 226 km · priority A (the season's goal)");

    PlannedEvent c = new PlannedEvent(UUID.randomUUID(), DAY, "Parkrun", "Run", 5000.0, "C");
    assertThat(PlanText.description(c)).isEqualTo("Run · 5 km · priority C (a training race)");

    PlannedEvent bare = new PlannedEvent(UUID.randomUUID(), DAY, "", null, null, null);
    assertThat(PlanText.summary(bare)).isEqualTo("🏁 Race");
    assertThat(PlanText.description(bare)).isEmpty();
  }
}
