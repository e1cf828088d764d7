package fitcoach.coach;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the coach sees, told in the athlete's terms: the coverage the dashboard compares with, the basis each new
 * answer is stored with, and, when a stored answer is read, whether its inputs changed since (new workouts, changed
 * ones, another data policy).
 */
final class BasisService {
  private final CoachService coach;

  BasisService(CoachService coach) {
    this.coach = coach;
  }

  /** What the coach may read now against what the dashboard counts. */
  Future<Coverage> coverage(UUID userId) {
    return coach.policy(userId).compose(policy -> coach.activities().counts(userId, policy.allowStravaApi(), null)
        .map(counts -> Coverage.of(counts, policy.allowStravaApi())));
  }

  /**
   * The basis of an answer drawing on the workouts up to {@code through} under the given policy, read before the
   * answer's own inputs are, so a workout stored in between makes the answer outdated rather than being missed.
   */
  Future<StoredBasis> stamp(UUID userId, boolean stravaApiAllowed, LocalDate through) {
    return Future.all(coach.activities().counts(userId, stravaApiAllowed, through),
            coach.activities().versions(userId, List.of(new CoachRepository.Probe(through, null, stravaApiAllowed))))
        .map(all -> {
          CoachRepository.Counts c = all.resultAt(0);
          CoachRepository.Versions v = all.resultAt(1);
          return new StoredBasis(new AnswerBasis(c.coachActivities(), c.fileAndExport(), c.stravaApi(), c.keptOut(),
              stravaApiAllowed), through, v.readAt(), v.each().get(0), null);
        });
  }

  /** An answer and the basis it was stored with (null for one stored before bases were). */
  record Stamped(AnswerView answer, StoredBasis basis) {
  }

  /** The answers as the athlete sees them: each with its basis and whether it is outdated, judged in one read. */
  Future<List<AnswerView>> judge(UUID userId, List<Stamped> answers) {
    List<CoachRepository.Probe> probes = new ArrayList<>();
    for (Stamped s : answers) {
      if (s.basis() != null) {
        probes.add(new CoachRepository.Probe(s.basis().through(), s.basis().asOf(), s.basis().basis().stravaApiAllowed()));
      }
    }
    if (probes.isEmpty()) {
      return Future.succeededFuture(answers.stream().map(s -> s.answer().judged(null, List.of())).toList());
    }
    return Future.all(coach.policy(userId), coach.activities().versions(userId, probes)).map(all -> {
      boolean allowedNow = all.<fitcoach.settings.DataPolicy>resultAt(0).allowStravaApi();
      List<CoachRepository.Version> now = all.<CoachRepository.Versions>resultAt(1).each();
      List<AnswerView> judged = new ArrayList<>(answers.size());
      int probe = 0;
      for (Stamped s : answers) {
        judged.add(s.basis() == null ? s.answer().judged(null, List.of())
            : s.answer().judged(s.basis().basis(), s.basis().outdatedReasons(now.get(probe++), allowedNow)));
      }
      return judged;
    });
  }

  Future<AnswerView> judge(UUID userId, Stamped answer) {
    return judge(userId, List.of(answer)).map(list -> list.get(0));
  }
}
