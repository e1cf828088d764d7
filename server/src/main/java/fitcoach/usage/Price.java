package fitcoach.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** US dollars per million tokens of each kind: plain input, output, cache writes and cache reads. */
public record Price(BigDecimal input, BigDecimal output, BigDecimal cacheWrite, BigDecimal cacheRead) {
  public static final Price FREE = of(0, 0, 0, 0);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public static Price of(double input, double output, double cacheWrite, double cacheRead) {
    return new Price(BigDecimal.valueOf(input), BigDecimal.valueOf(output), BigDecimal.valueOf(cacheWrite),
        BigDecimal.valueOf(cacheRead));
  }

  /** What the call cost in US dollars, to a millionth of a dollar (the {@code cost_usd} column's scale). */
  public BigDecimal cost(LedgerEntry e) {
    BigDecimal perMillion = input.multiply(BigDecimal.valueOf(e.inputTokens()))
        .add(output.multiply(BigDecimal.valueOf(e.outputTokens())))
        .add(cacheWrite.multiply(BigDecimal.valueOf(e.cacheWriteTokens())))
        .add(cacheRead.multiply(BigDecimal.valueOf(e.cacheReadTokens())));
    return perMillion.divide(MILLION, 6, RoundingMode.HALF_UP);
  }
}
