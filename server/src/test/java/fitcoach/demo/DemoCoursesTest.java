package fitcoach.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo's GPS positions: around one home, along a handful of courses, the same every time. */
class DemoCoursesTest {
  private static final List<DemoActivity> HISTORY = DemoGenerator.generate(LocalDate.of(2026, 12, 1), 2, 6, 42L);

  @Test
  @DisplayName("Outdoor runs and rides start and finish at home, stay within the home area, and repeat a few courses")
  void believableRoutes() {
    Set<String> shapes = new HashSet<>();
    int outdoor = 0;
    for (DemoActivity a : HISTORY) {
      if (!DemoCourses.outdoors(a)) {
        assertThat(DemoService.summaryPolyline(a)).isNull();
        continue;
      }
      outdoor++;
      double[] along = {0, a.distanceM() / 2, a.distanceM()};
      double[][] p = DemoCourses.positions(a, along);
      assertThat(p[0][0]).isCloseTo(DemoCourses.HOME_LAT, within(0.0005));
      assertThat(p[1][0]).isCloseTo(DemoCourses.HOME_LON, within(0.0007));
      for (int i = 0; i < 3; i++) {
        assertThat(p[0][i]).isBetween(DemoCourses.HOME_LAT - 0.5, DemoCourses.HOME_LAT + 0.5);
        assertThat(p[1][i]).isBetween(DemoCourses.HOME_LON - 0.8, DemoCourses.HOME_LON + 0.8);
      }
      // Every course returns home (a loop lapped, an out-and-back turned at half way), give or take the GPS wander.
      assertThat(Math.abs(p[0][2] - DemoCourses.HOME_LAT)).as(a.name() + " ends near home").isLessThan(0.002);
      shapes.add(String.format("%.3f,%.3f", p[0][1], p[1][1]));
      assertThat(DemoService.summaryPolyline(a)).isNotBlank();
    }
    assertThat(outdoor).isGreaterThan(100);
    assertThat(shapes.size()).as("half-way points: varied, not one route").isGreaterThan(5);
  }

  @Test
  @DisplayName("A recorded outdoor session stores 1 Hz positions, the same each time; a trainer ride stores none")
  void recordedPositions() {
    DemoActivity run = HISTORY.stream().filter(a -> "Run".equals(a.sportType())).reduce((x, y) -> y).orElseThrow();
    var in = DemoService.input(run, "UTC", ZoneOffset.UTC, true);
    assertThat(in.streams().types()).contains("latlng");
    assertThat(DemoService.input(run, "UTC", ZoneOffset.UTC, true).streams().gzippedJson()).isEqualTo(in.streams().gzippedJson());
    DemoActivity trainer = HISTORY.stream().filter(DemoActivity::trainer).findFirst().orElseThrow();
    assertThat(DemoService.input(trainer, "UTC", ZoneOffset.UTC, true).streams().types()).doesNotContain("latlng");
  }
}
