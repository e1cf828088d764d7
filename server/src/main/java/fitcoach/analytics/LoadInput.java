package fitcoach.analytics;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The columns of an activity that its load depends on (with the legs of a multisport activity, empty otherwise), and
 * what is stored now (to write only what changed).
 */
record LoadInput(UUID id, String sportType, String sportFamily, Integer movingTimeS, Integer elapsedTimeS, Double avgHr,
                 Double maxHr, Double avgPowerW, Double weightedPowerW, Boolean deviceWatts, Integer rpe, Double loadOverride,
                 LocalDate localDate, Double load, String loadMethod, boolean loadUsesEstimate,
                 java.util.List<fitcoach.activities.ActivityLeg> legs) {
}
