package fitcoach.demo;

import java.time.LocalDateTime;

/** One generated demo session, shaped like what a device or Strava would give us. */
record DemoActivity(String externalId, String sportType, String name, LocalDateTime startLocal, int movingTimeS,
                    int elapsedTimeS, Double distanceM, Double elevationGainM, Double avgHr, Double maxHr, Double avgPowerW,
                    Double weightedPowerW, Boolean deviceWatts, Double kilojoules, Integer rpe, boolean trainer) {
}
