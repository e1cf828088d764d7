package fitcoach.demo;

import java.time.LocalDateTime;

/**
 * One generated demo session, shaped like what a device or Strava would give us.
 *
 * @param workout   the session's plan (DemoGenerator's kind: EASY_RUN, TRAINER_RIDE, ...; RACE for a race)
 * @param intensity its planned intensity, a fraction of threshold
 */
record DemoActivity(String externalId, String sportType, String name, LocalDateTime startLocal, int movingTimeS,
                    int elapsedTimeS, Double distanceM, Double elevationGainM, Double avgHr, Double maxHr, Double avgPowerW,
                    Double weightedPowerW, Boolean deviceWatts, Double kilojoules, Integer rpe, boolean trainer,
                    String workout, double intensity) {
}
