package fitcoach.coach;

/**
 * What the coach sees against what the dashboard counts ({@code GET /api/ai/coverage}).
 *
 * @param activities every workout once, as the dashboard counts them (merged copies count once)
 * @param coachActivities the workouts the coach may read under the current data policy
 * @param fileAndExport of those, read from a file, an export or a manual entry
 * @param stravaApi of those, read from a Strava API copy (only when the policy allows it)
 * @param keptOut workouts only a Strava API copy holds, kept from the coach by the policy (0 when it allows them)
 * @param muchLess the coach sees less than 80 % of what the dashboard counts
 */
public record Coverage(long activities, long coachActivities, long fileAndExport, long stravaApi, long keptOut,
                       boolean stravaApiAllowed, boolean muchLess) {

  static Coverage of(CoachRepository.Counts counts, boolean stravaApiAllowed) {
    // coachActivities < 80 % of activities, in whole numbers.
    boolean muchLess = counts.activities() > 0 && counts.coachActivities() * 5 < counts.activities() * 4;
    return new Coverage(counts.activities(), counts.coachActivities(), counts.fileAndExport(), counts.stravaApi(),
        counts.keptOut(), stravaApiAllowed, muchLess);
  }
}
