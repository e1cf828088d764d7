package fitcoach.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change of an estimated threshold, as GET /api/load/estimate-changes shows it: the old and new value (bpm or W),
 * what the new one rests on ({@code observed} activities, the athlete's {@code age}, or the {@code default}), the
 * activities that are its evidence, the one that moved it, and how many stored loads the recompute changed.
 */
public record EstimateChangeView(UUID id, String kind, double oldValue, double newValue, String basis, List<Object> evidence,
                                 UUID causeActivityId, int loadsChanged, Instant changedAt, Instant dismissedAt) {
}
