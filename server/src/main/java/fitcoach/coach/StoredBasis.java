package fitcoach.coach;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An answer's basis as stored with it (the {@code basis} column): what the athlete is told, and, under {@code version},
 * what lets a later read tell whether the coach's inputs changed since. The version stays on the server.
 *
 * @param through the last local day whose workouts the answer drew on (its day, its week's Sunday)
 * @param asOf when the workouts were read (database time): a workout first readable after it arrived since
 * @param version how many workouts the coach could read up to {@code through}, and the fingerprint of their data
 * @param verdict the rule-based verdict shown beside a day's recommendation when it was written (null for other
 *                answers and older ones): it reads every workout and the thresholds, so it can change when nothing the
 *                coach reads did (a Strava API copy the policy keeps out, a new FTP)
 * @param modelVerdict the verdict the answer's own first line gave (null when it named none): when it is not
 *                     {@code verdict}, the model contradicted the card it was asked to narrate
 */
record StoredBasis(AnswerBasis basis, LocalDate through, OffsetDateTime asOf, CoachRepository.Version version, String verdict,
                   String modelVerdict) {
  static final String NEW_ACTIVITIES = "new_activities";
  static final String ACTIVITIES_CHANGED = "activities_changed";
  static final String POLICY_CHANGED = "policy_changed";
  static final String VERDICT_CHANGED = "verdict_changed";
  static final String VERDICT_CONTRADICTED = "verdict_contradicted";

  StoredBasis(AnswerBasis basis, LocalDate through, OffsetDateTime asOf, CoachRepository.Version version, String verdict) {
    this(basis, through, asOf, version, verdict, null);
  }

  StoredBasis withVerdict(String verdict) {
    return new StoredBasis(basis, through, asOf, version, verdict, modelVerdict);
  }

  StoredBasis withModelVerdict(String modelVerdict) {
    return new StoredBasis(basis, through, asOf, version, verdict, modelVerdict);
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("coachActivities", basis.coachActivities())
        .put("fileAndExport", basis.fileAndExport())
        .put("stravaApi", basis.stravaApi())
        .put("keptOut", basis.keptOut())
        .put("stravaApiAllowed", basis.stravaApiAllowed())
        .put("version", new JsonObject().put("through", through.toString()).put("asOf", asOf.toString())
            .put("workouts", version.workouts()).put("fingerprint", version.fingerprint()).put("verdict", verdict)
            .put("modelVerdict", modelVerdict));
  }

  /** The stored basis, or null for an answer stored before bases were (or one whose basis cannot be read). */
  static StoredBasis fromJson(JsonObject j) {
    if (j == null || !(j.getValue("version") instanceof JsonObject v)) {
      return null;
    }
    return new StoredBasis(new AnswerBasis(j.getLong("coachActivities", 0L), j.getLong("fileAndExport", 0L),
        j.getLong("stravaApi", 0L), j.getLong("keptOut", 0L), j.getBoolean("stravaApiAllowed", false)),
        LocalDate.parse(v.getString("through")), OffsetDateTime.parse(v.getString("asOf")),
        new CoachRepository.Version(v.getLong("workouts", 0L), v.getString("fingerprint"), 0), v.getString("verdict"),
        v.getString("modelVerdict"));
  }

  /**
   * Why an answer on this basis is outdated, in the contract's order: workouts the coach can read now that arrived
   * since; a change in the data of those it had (an edit, a deletion, another copy read instead); another data policy.
   *
   * @param now the same workouts read today, under this basis's policy, split at {@link #asOf}
   */
  List<String> outdatedReasons(CoachRepository.Version now, boolean stravaApiAllowedNow) {
    List<String> reasons = new ArrayList<>(3);
    if (now.arrived() > 0) {
      reasons.add(NEW_ACTIVITIES);
    }
    if (now.workouts() != version.workouts() || !now.fingerprint().equals(version.fingerprint())) {
      reasons.add(ACTIVITIES_CHANGED);
    }
    if (stravaApiAllowedNow != basis.stravaApiAllowed()) {
      reasons.add(POLICY_CHANGED);
    }
    return reasons;
  }

  /**
   * The reasons with {@link #VERDICT_CHANGED} added when today's card verdict is not the one it was written beside,
   * and {@link #VERDICT_CONTRADICTED} when the answer's own verdict line was not the card's.
   */
  List<String> withVerdictNow(List<String> reasons, String verdictNow) {
    boolean changed = verdict != null && !verdict.equals(verdictNow);
    boolean contradicted = verdict != null && modelVerdict != null && !modelVerdict.equals(verdict);
    if (!changed && !contradicted) {
      return reasons;
    }
    List<String> all = new ArrayList<>(reasons);
    if (changed) {
      all.add(VERDICT_CHANGED);
    }
    if (contradicted) {
      all.add(VERDICT_CONTRADICTED);
    }
    return all;
  }
}
