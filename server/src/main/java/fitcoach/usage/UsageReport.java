package fitcoach.usage;

import java.util.List;

/**
 * {@code GET /api/ai/usage}: one month in the athlete's time zone by feature or by model, its totals, each provider's
 * budget state for that month, and {@code usage} (every month by model, the shape Settings read before the ledger).
 */
public record UsageReport(String month, String by, List<UsageRow> rows, UsageRow totals, List<BudgetState> providers,
                          List<UsageRepository.MonthlyUsage> usage) {
}
