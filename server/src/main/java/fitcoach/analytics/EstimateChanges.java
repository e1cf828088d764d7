package fitcoach.analytics;

import fitcoach.load.ProfileEstimator;
import fitcoach.load.ProfileFacts;
import fitcoach.load.Thresholds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Notices when an estimated threshold moved. Estimates rest on the whole history (max HR on the observed maxima, LTHR on
 * max HR), so an import or a deletion changes the loads of activities nobody touched; each recompute compares the
 * estimates in force today with the last ones kept and records every move with its evidence and the number of stored
 * loads the recompute changed, so the athlete can be told.
 */
final class EstimateChanges {
  /** How many changes the API lists, newest first. */
  static final int LISTED = 50;

  private final EstimateRepository repository;

  EstimateChanges(EstimateRepository repository) {
    this.repository = repository;
  }

  /**
   * Compares the estimates of {@code now} (the thresholds in force on the athlete's today) with the last ones kept.
   * The first estimate of a kind is kept without a change: there was nothing before it to have moved. The comparison
   * and the write are one step for the athlete across every FitCoach on the database (see
   * {@link EstimateRepository#exclusive}), so two recomputes at once never both record the same move.
   *
   * @param observed the per-activity maxima the estimate of {@code now} was made from: its evidence is named from them
   */
  Future<List<EstimateRepository.Change>> recompute(UUID userId, Thresholds now, ProfileFacts facts, ObservedMaxHr observed,
                                                   int loadsChanged) {
    boolean anyEstimated = now.maxHrEstimated() || now.restingHrEstimated() || now.lthrEstimated() || now.ftpEstimated();
    Map<String, Estimate> current = current(now, facts, observed);
    return repository.exclusive(userId, estimates -> estimates.last().compose(last -> {
      if (!anyEstimated && last.isEmpty()) {
        return Future.succeededFuture(List.<EstimateRepository.Change>of());
      }
      Map<String, EstimateRepository.Last> save = new LinkedHashMap<>();
      List<EstimateRepository.Change> changes = new ArrayList<>();
      current.forEach((kind, e) -> {
        EstimateRepository.Last before = last.get(kind);
        if (before != null && Math.abs(before.value() - e.value()) < 1e-9 && before.evidence().equals(e.evidence())) {
          return;
        }
        save.put(kind, new EstimateRepository.Last(e.value(), e.evidence()));
        // Shown in whole bpm or W: a move that rounds to the same number is kept, not announced.
        if (before != null && Math.round(before.value()) != Math.round(e.value())) {
          changes.add(new EstimateRepository.Change(kind, before.value(), e.value(), e.basis(), e.evidence(),
              e.value() > before.value() ? cause(before.evidence(), e.evidence()) : null, loadsChanged));
        }
      });
      List<String> forget = last.keySet().stream().filter(k -> !current.containsKey(k)).toList();
      if (save.isEmpty() && forget.isEmpty()) {
        return Future.succeededFuture(List.<EstimateRepository.Change>of());
      }
      return estimates.save(save, forget, changes).map(v -> changes);
    }));
  }

  /** Each estimated threshold of {@code now} with what it rests on. */
  private static Map<String, Estimate> current(Thresholds now, ProfileFacts facts, ObservedMaxHr observed) {
    // The estimator keeps the second-highest clean maximum (one spike cannot set it): those activities are its evidence.
    int[] used = ProfileEstimator.robustEvidence(observed.values());
    Double robust = used.length == 0 ? null : observed.values()[used[used.length - 1]];
    String maxHrBasis = !now.maxHrEstimated() ? "entered"
        : robust != null && Math.abs(robust - now.maxHr()) < 1e-9 ? "observed"
        : facts.ageYears() != null ? "age" : "default";
    JsonArray hrEvidence = "observed".equals(maxHrBasis) ? observed.activities(used) : new JsonArray();

    Map<String, Estimate> current = new LinkedHashMap<>();
    if (now.maxHrEstimated()) {
      current.put("max_hr", new Estimate(now.maxHr(), maxHrBasis, hrEvidence));
    }
    if (now.restingHrEstimated()) {
      current.put("resting_hr", new Estimate(now.restingHr(), "default", new JsonArray()));
    }
    if (now.lthrEstimated()) {
      current.put("lthr", new Estimate(now.lthr(), maxHrBasis, hrEvidence));
    }
    if (now.ftpEstimated() && now.ftpW() != null) {
      current.put("ftp", new Estimate(now.ftpW(), "observed", new JsonArray()));
    }
    return current;
  }

  Future<List<EstimateChangeView>> list(UUID userId) {
    return repository.changes(userId, LISTED);
  }

  Future<Integer> dismiss(UUID userId, UUID[] ids) {
    return repository.dismiss(userId, ids);
  }

  /**
   * The activity that joined the evidence and raised the estimate (the latest, if two did). A lower estimate has no
   * such cause: one that held it up was deleted or changed, and the one that took its place had been there all along.
   */
  private static UUID cause(JsonArray before, JsonArray after) {
    Set<String> known = new HashSet<>();
    before.forEach(o -> known.add(((JsonObject) o).getString("activityId")));
    JsonObject newest = null;
    for (Object o : after) {
      JsonObject e = (JsonObject) o;
      if (!known.contains(e.getString("activityId"))
          && (newest == null || String.valueOf(e.getString("date")).compareTo(String.valueOf(newest.getString("date"))) > 0)) {
        newest = e;
      }
    }
    return newest == null ? null : UUID.fromString(newest.getString("activityId"));
  }

  private record Estimate(double value, String basis, JsonArray evidence) {
  }
}
