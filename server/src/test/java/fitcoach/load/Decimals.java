package fitcoach.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Asserts a value to exactly the decimals a reference vector states, e.g. "100.44" or "-52.6780". */
final class Decimals {

  private Decimals() {}

  static void assertRoundsTo(double actual, String expected) {
    int scale = expected.contains(".") ? expected.length() - expected.indexOf('.') - 1 : 0;
    assertThat(Double.isFinite(actual)).as("finite: %s", actual).isTrue();
    String rounded = BigDecimal.valueOf(actual).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    // BigDecimal keeps the sign of a tiny negative that rounds to zero; the reference prints 0.0000.
    if (new BigDecimal(rounded).signum() == 0) {
      rounded = rounded.replace("-", "");
    }
    assertThat(rounded).as("%s rounded to %d decimals", actual, scale).isEqualTo(expected);
  }
}
