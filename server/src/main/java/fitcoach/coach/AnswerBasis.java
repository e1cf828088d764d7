package fitcoach.coach;

/**
 * What a stored AI answer was based on, in the athlete's terms: how many workouts the coach could read (read from a
 * file, an export or a manual entry, or from a Strava API copy), how many only a Strava API copy holds and the data
 * policy kept out, and whether that policy allowed Strava API data. Counted up to the answer's day.
 */
public record AnswerBasis(long coachActivities, long fileAndExport, long stravaApi, long keptOut, boolean stravaApiAllowed) {}
