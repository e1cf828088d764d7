package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DateWindowTest {
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @Test
  @DisplayName("The window runs from 1970-01-01 to a year after today, both ends included")
  void bounds() {
    assertThat(DateWindow.contains(LocalDate.of(1970, 1, 1))).isTrue();
    assertThat(DateWindow.contains(LocalDate.of(1969, 12, 31))).isFalse();
    assertThat(DateWindow.contains(today.plusYears(1))).isTrue();
    assertThat(DateWindow.contains(today.plusYears(1).plusDays(1))).isFalse();
    assertThat(DateWindow.contains(LocalDate.MIN)).isFalse();
    assertThat(DateWindow.contains(LocalDate.MAX)).isFalse();
    assertThat(DateWindow.contains(Instant.parse("9999-01-01T00:00:00Z"))).isFalse();
    assertThat(DateWindow.contains(Instant.MIN)).isFalse();
    assertThat(DateWindow.contains((Instant) null)).isFalse();
  }

  @Test
  @DisplayName("require() is a 422 naming the field; requireRange() also refuses a start after the end")
  void errors() {
    assertThatThrownBy(() -> DateWindow.require("from", LocalDate.of(1, 1, 1)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.field()).isEqualTo("from");
          assertThat(e.getMessage()).contains("1970-01-01");
        });
    assertThatThrownBy(() -> DateWindow.requireRange("from", today, "to", today.minusDays(1)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("from"));
    assertThatThrownBy(() -> DateWindow.requireRange("from", null, "to", LocalDate.of(9999, 12, 31)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("to"));
    DateWindow.requireRange("from", null, "to", null);
  }
}
