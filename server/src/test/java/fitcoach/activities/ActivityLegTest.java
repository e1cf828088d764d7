package fitcoach.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActivityLegTest {
  private static final List<ActivityLeg> TRIATHLON = List.of(
      new ActivityLeg("Swim", 0, 1800, 1799, 1500.0, 140.0, 151.0, null, null),
      new ActivityLeg("Transition", 1800, 120, 119, 200.0, null, null, null, null),
      new ActivityLeg("Ride", 1920, 3600, 3599, 36000.0, 150.0, 171.0, 200.0, 212.5));

  @Test
  @DisplayName("Legs survive the trip through their JSON text (as a jsonb column returns it), nulls included.")
  void roundTrip() {
    JsonArray json = ActivityLeg.toJson(TRIATHLON);
    JsonArray stored = new JsonArray(json.encode());

    assertThat(ActivityLeg.listFromJson(stored)).isEqualTo(TRIATHLON);
    assertThat(stored.getJsonObject(2).getDouble("normalizedPowerW")).isEqualTo(212.5);
    assertThat(stored.getJsonObject(1).containsKey("avgHr")).isTrue();
    assertThat(stored.getJsonObject(1).getValue("avgHr")).isNull();
  }

  @Test
  @DisplayName("An activity without legs (a null column) reads as no legs; whole numbers read back as doubles.")
  void nullAndWholeNumbers() {
    assertThat(ActivityLeg.listFromJson(null)).isEmpty();
    JsonObject leg = new JsonObject().put("sportType", "Run").put("startOffsetS", 60).put("elapsedTimeS", 600)
        .put("movingTimeS", 590L).put("distanceM", 2000).put("avgHr", 150);

    assertThat(ActivityLeg.fromJson(leg)).isEqualTo(new ActivityLeg("Run", 60, 600, 590, 2000.0, 150.0, null, null, null));
  }

  @Test
  @DisplayName("A leg without a sport or with a time that is not a number is refused, naming the field.")
  void damagedLegsAreRefused() {
    JsonObject noSport = TRIATHLON.get(0).toJson().put("sportType", null);
    JsonObject badTime = TRIATHLON.get(0).toJson().put("elapsedTimeS", "long");

    assertThatThrownBy(() -> ActivityLeg.fromJson(noSport)).hasMessageContaining("sportType");
    assertThatThrownBy(() -> ActivityLeg.fromJson(badTime)).hasMessageContaining("elapsedTimeS");
    assertThatThrownBy(() -> ActivityLeg.listFromJson(new JsonArray().add("swim"))).hasMessageContaining("Leg 1");
  }

  @Test
  @DisplayName("Transitions are their own family, which the load engine counts by heart rate only; triathlons are multisport.")
  void families() {
    assertThat(TRIATHLON.get(1).transition()).isTrue();
    assertThat(TRIATHLON.get(1).sportFamily()).isEqualTo(fitcoach.load.ActivityLoad.TRANSITION_FAMILY);
    assertThat(TRIATHLON.get(2).sportFamily()).isEqualTo("ride");
    assertThat(Sports.family("Triathlon")).isEqualTo("multisport");
    assertThat(Sports.types()).contains("Triathlon", "Duathlon", "Multisport").doesNotContain("Transition");
  }
}
