package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SportTypesTest {

  @Test
  @DisplayName("Swim, bike and run legs in any order, transitions aside, make a triathlon; run, bike, run a duathlon.")
  void multisportNames() {
    assertThat(SportTypes.multisport(List.of("Swim", "Transition", "Ride", "Transition", "Run"))).isEqualTo("Triathlon");
    assertThat(SportTypes.multisport(List.of("Run", "Transition", "VirtualRide", "Swim"))).isEqualTo("Triathlon");
    assertThat(SportTypes.multisport(List.of("Run", "Transition", "Ride", "Transition", "TrailRun"))).isEqualTo("Duathlon");
  }

  @Test
  @DisplayName("Any other mix of legs is multisport: a brick, a swimrun, a bike-run-bike, or a triathlon with a leg missing.")
  void otherMixesAreMultisport() {
    assertThat(SportTypes.multisport(List.of("Ride", "Transition", "Run"))).isEqualTo("Multisport");
    assertThat(SportTypes.multisport(List.of("Swim", "Run", "Swim", "Run"))).isEqualTo("Multisport");
    assertThat(SportTypes.multisport(List.of("Ride", "Run", "Ride"))).isEqualTo("Multisport");
    assertThat(SportTypes.multisport(List.of("Swim", "Transition", "Ride", "Ride", "Run"))).isEqualTo("Multisport");
  }
}
