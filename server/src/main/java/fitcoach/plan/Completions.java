package fitcoach.plan;

import fitcoach.activities.Sports;
import fitcoach.plan.PlanRepository.DoneActivity;
import fitcoach.plan.PlanRepository.StoredWorkout;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which activity did which planned workout, decided when read (so an activity imported late, deleted or merged is
 * counted the way things stand now): a workout linked by hand takes its activity; one the athlete marked as not done
 * takes none; every other one, in the order they were planned, takes the day's activity of the same sport family whose
 * duration is closest to its own (the first when it has none), leaving out those linked by hand or taken already.
 */
final class Completions {
  private Completions() {
  }

  static List<PlannedWorkout> link(List<StoredWorkout> stored, List<DoneActivity> days, Map<UUID, DoneActivity> byHand) {
    Set<UUID> takenByHand = new HashSet<>();
    byHand.values().forEach(a -> takenByHand.add(a.id()));
    Map<String, List<DoneActivity>> free = new HashMap<>();
    for (DoneActivity a : days) {
      if (!takenByHand.contains(a.id())) {
        free.computeIfAbsent(key(a.date(), a.sportFamily()), k -> new ArrayList<>()).add(a);
      }
    }
    List<PlannedWorkout> out = new ArrayList<>();
    for (StoredWorkout s : stored) {
      PlannedWorkout w = s.workout();
      Completion done = null;
      if ("manual".equals(s.link()) && s.activityId() != null && byHand.containsKey(s.activityId())) {
        done = completion(w, byHand.get(s.activityId()), Completion.MANUAL);
      } else if (Completion.NONE.equals(s.link())) {
        done = Completion.NOT_DONE;
      } else if ("auto".equals(s.link())) {
        List<DoneActivity> candidates = free.get(key(w.date(), Sports.family(w.sport())));
        if (candidates != null && !candidates.isEmpty()) {
          done = completion(w, candidates.remove(closest(candidates, w.durationS())), Completion.AUTO);
        }
      }
      out.add(w.withCompletion(done));
    }
    return out;
  }

  private static int closest(List<DoneActivity> candidates, Integer plannedS) {
    if (plannedS == null) {
      return 0;
    }
    int best = 0;
    for (int i = 1; i < candidates.size(); i++) {
      if (gap(candidates.get(i), plannedS) < gap(candidates.get(best), plannedS)) {
        best = i;
      }
    }
    return best;
  }

  private static long gap(DoneActivity a, int plannedS) {
    return a.durationS() == null ? Long.MAX_VALUE : Math.abs(a.durationS() - (long) plannedS);
  }

  static Completion completion(PlannedWorkout w, DoneActivity a, String link) {
    Double durationRatio = w.durationS() != null && w.durationS() > 0 && a.durationS() != null
        ? round2(a.durationS() / (double) w.durationS()) : null;
    Double loadRatio = w.targetLoad() != null && w.targetLoad() > 0 && a.load() != null
        ? round2(a.load() / w.targetLoad()) : null;
    return new Completion(a.id(), link, a.durationS(), a.load() == null ? null : Math.round(a.load() * 10) / 10.0,
        durationRatio, loadRatio);
  }

  private static Double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String key(LocalDate date, String family) {
    return date + "|" + family;
  }
}
