package fitcoach.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupingTest {
  private static final Instant T = Instant.parse("2026-11-20T07:00:00Z");

  private static Grouping.Copy copy(ActivitySource source, String ext, String family, Instant start, int seconds) {
    return copy(source, ext, family, start, seconds, null, List.of());
  }

  private static Grouping.Copy copy(ActivitySource source, String ext, String family, Instant start, int seconds, String choice,
                                    List<Grouping.Leg> legs) {
    return new Grouping.Copy(UUID.nameUUIDFromBytes((source + ext).getBytes()), source, ext, family, start, seconds, 0, 0, 0,
        choice, null, 0, null, LocalDate.of(2026, 11, 20), legs);
  }

  private static Map<UUID, UUID> primaries(List<Grouping.Copy> copies) {
    Map<UUID, UUID> out = new HashMap<>();
    Grouping.place(copies).forEach(p -> out.put(p.id(), p.primaryId() == null ? p.id() : p.primaryId()));
    return out;
  }

  @Test
  @DisplayName("Same family, start within 2 min, durations within 10 % of the longer: the same workout, in both directions")
  void matchingRule() {
    var a = copy(ActivitySource.FILE, "a", "ride", T, 3600);
    assertThat(Grouping.sameWorkout(a, copy(ActivitySource.STRAVA_API, "b", "ride", T.plusSeconds(120), 3960))).isTrue();
    assertThat(Grouping.sameWorkout(copy(ActivitySource.STRAVA_API, "b", "ride", T.plusSeconds(120), 3960), a)).isTrue();
    assertThat(Grouping.sameWorkout(a, copy(ActivitySource.STRAVA_API, "c", "ride", T.plusSeconds(121), 3600))).isFalse();
    assertThat(Grouping.sameWorkout(a, copy(ActivitySource.STRAVA_API, "d", "ride", T, 4001))).isFalse();
    assertThat(Grouping.sameWorkout(a, copy(ActivitySource.STRAVA_API, "e", "run", T, 3600))).isFalse();
  }

  @Test
  @DisplayName("The best source leads whatever order the copies come in; the others point at it with a reason")
  void priorityWhateverTheOrder() {
    List<Grouping.Copy> copies = new ArrayList<>(List.of(
        copy(ActivitySource.MANUAL, "m", "run", T.plusSeconds(60), 3500),
        copy(ActivitySource.STRAVA_API, "s", "run", T.plusSeconds(30), 3550),
        copy(ActivitySource.STRAVA_EXPORT, "x", "run", T.plusSeconds(20), 3580),
        copy(ActivitySource.FILE, "f", "run", T, 3600)));
    UUID file = copies.get(3).id();
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(copies, random);
      assertThat(primaries(copies).values()).containsOnly(file);
    }
    Grouping.Placement manual = Grouping.place(copies).stream().filter(p -> p.id().equals(copies.stream()
        .filter(c -> c.source() == ActivitySource.MANUAL).findFirst().orElseThrow().id())).findFirst().orElseThrow();
    assertThat(manual.rank()).isEqualTo(3);
    assertThat(manual.reason()).contains("starts 60 s apart").contains("device file copy leads");
  }

  @Test
  @DisplayName("A copy split off by the athlete stands alone; a copy chosen to lead leads")
  void athleteChoices() {
    var file = copy(ActivitySource.FILE, "f", "run", T, 3600);
    var strava = copy(ActivitySource.STRAVA_API, "s", "run", T.plusSeconds(30), 3600);
    var separate = copy(ActivitySource.STRAVA_API, "s", "run", T.plusSeconds(30), 3600, "separate", List.of());
    assertThat(primaries(List.of(file, separate))).containsEntry(separate.id(), separate.id()).containsEntry(file.id(), file.id());
    var lead = copy(ActivitySource.STRAVA_API, "s", "run", T.plusSeconds(30), 3600, "lead", List.of());
    assertThat(primaries(List.of(file, lead))).containsEntry(file.id(), lead.id());
    assertThat(primaries(List.of(file, strava))).containsEntry(strava.id(), file.id());
  }

  @Test
  @DisplayName("Two files of one ride: the richer one (more stream types and samples) leads")
  void richerFileLeads() {
    var gpx = new Grouping.Copy(UUID.randomUUID(), ActivitySource.FILE, "gpx", "ride", T, 3600, 4, 720, 3, null, null, 0, null,
        LocalDate.of(2026, 11, 20), List.of());
    var tcx = new Grouping.Copy(UUID.randomUUID(), ActivitySource.FILE, "aaa-tcx", "ride", T.plusSeconds(5), 3600, 2, 360, 2, null,
        null, 0, null, LocalDate.of(2026, 11, 20), List.of());
    assertThat(primaries(List.of(tcx, gpx))).containsEntry(tcx.id(), gpx.id());
  }

  @Test
  @DisplayName("Another source's copies of a triathlon's legs join the triathlon; its transitions are not matched")
  void legsJoinTheirMultisportActivity() {
    List<Grouping.Leg> legs = List.of(new Grouping.Leg(1, "Swim", "swim", T, 1800),
        new Grouping.Leg(3, "Ride", "ride", T.plusSeconds(1900), 3600), new Grouping.Leg(5, "Run", "run", T.plusSeconds(5600), 2400));
    var tri = copy(ActivitySource.FILE, "tri", "multisport", T, 8000, null, legs);
    var swim = copy(ActivitySource.STRAVA_API, "1", "swim", T.plusSeconds(10), 1790);
    var ride = copy(ActivitySource.STRAVA_API, "2", "ride", T.plusSeconds(1930), 3580);
    var run = copy(ActivitySource.STRAVA_API, "3", "run", T.plusSeconds(5620), 2390);
    var later = copy(ActivitySource.STRAVA_API, "4", "run", T.plusSeconds(20_000), 2390);
    Map<UUID, UUID> p = primaries(List.of(later, run, ride, swim, tri));
    assertThat(p).containsEntry(swim.id(), tri.id()).containsEntry(ride.id(), tri.id()).containsEntry(run.id(), tri.id())
        .containsEntry(later.id(), later.id());
    Grouping.Placement placed = Grouping.place(List.of(tri, ride)).stream().filter(x -> x.id().equals(ride.id())).findFirst().orElseThrow();
    assertThat(placed.reason()).startsWith("Leg 3 (Ride) of the device file multisport activity");
  }
}
