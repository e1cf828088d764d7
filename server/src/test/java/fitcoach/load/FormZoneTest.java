package fitcoach.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Friel's absolute form zones and the boundary convention (a value on a threshold belongs to the zone nearer zero). */
class FormZoneTest {

  @ParameterizedTest(name = "Form {0} is {1}.")
  @DisplayName("Form values around each threshold fall in the documented zone.")
  @CsvSource({
      "40, TRANSITION",
      "25.0001, TRANSITION",
      "25, FRESH",
      "5.0001, FRESH",
      "5, NEUTRAL",
      "0, NEUTRAL",
      "-10, NEUTRAL",
      "-10.0001, OPTIMAL",
      "-30, OPTIMAL",
      "-30.0001, OVERLOAD",
      "-60, OVERLOAD"})
  void zoneOf(double form, FormZone zone) {
    assertThat(Pmc.zone(form)).isEqualTo(zone);
  }

  @Test
  @DisplayName("A NaN form has no zone and is rejected rather than silently called overload.")
  void nanIsRejected() {
    assertThatThrownBy(() -> Pmc.zone(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
