package fitcoach.usage;

import java.math.BigDecimal;

/**
 * One provider's month so far: what was spent (priced calls only), the budget (null: none), the share of it used,
 * {@code warning} from 80 %, {@code reached} from 100 %; {@code unpricedCalls} made with no known price are not in
 * {@code spentUsd}.
 */
public record BudgetState(String provider, String month, BigDecimal spentUsd, BigDecimal budgetUsd, Double percent,
                          boolean warning, boolean reached, long calls, long unpricedCalls) {
  static final double WARNING_PERCENT = 80;

  static BudgetState of(String provider, String month, BigDecimal spent, BigDecimal budget, long calls, long unpriced) {
    Double percent = budget == null ? null
        : spent.multiply(BigDecimal.valueOf(100)).divide(budget, 1, java.math.RoundingMode.HALF_UP).doubleValue();
    boolean reached = budget != null && spent.compareTo(budget) >= 0;
    boolean warning = budget != null
        && spent.multiply(BigDecimal.valueOf(100)).compareTo(budget.multiply(BigDecimal.valueOf(WARNING_PERCENT))) >= 0;
    return new BudgetState(provider, month, plain(spent), budget == null ? null : plain(budget), percent, warning,
        reached, calls, unpriced);
  }

  /** 20.130000 from the database is 20.13 in JSON. */
  private static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
