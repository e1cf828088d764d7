package fitcoach.activities;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An activity as the API shows it. {@code load} is the load the PMC uses (the athlete's override when set), with the
 * method that produced it; {@code loadEstimated} says it rests on an estimated threshold. {@code primaryActivityId} is set
 * when this is another source's copy of a workout merged into that activity, with why ({@code mergeReason}) and since
 * when ({@code mergedAt}); {@code merged} lists the copies merged into this one, best first. {@code mergeChoice} is the
 * athlete's own say ("separate" or "lead"), and {@code legs} the legs of a multisport activity. {@code fileName} is the
 * name of the file it was imported from (null for Strava API copies, manual entries and older imports).
 * {@code avgCadence} is in {@code cadenceUnit} ({@link StepCadence#average}: steps per minute on foot), a view of the
 * recorded value that is never written back.
 */
public record ActivityView(
    UUID id, String source, String externalId, String sportType, String sportFamily, String name, String description,
    String notes, Instant startDate, LocalDateTime startDateLocal, String timeZone, Integer movingTimeS, Integer elapsedTimeS,
    Double distanceM, Double elevationGainM, Double avgHr, Double maxHr, Double avgPowerW, Double weightedPowerW,
    Boolean deviceWatts, Double kilojoules, Double avgCadence, Double avgSpeedMps, Double maxSpeedMps, Integer rpe,
    Double calories, boolean trainer, boolean commute, boolean manual, String summaryPolyline,
    Double load, String loadMethod, boolean loadEstimated, Double computedLoad, Double loadOverride,
    Instant createdAt, Instant updatedAt, UUID primaryActivityId, List<Linked> merged, String mergeReason, Instant mergedAt,
    String mergeChoice, List<Object> legs, String fileName, String cadenceUnit) {

  /** This view with another route (the one handed out once positions inside privacy zones are left out). */
  public ActivityView withSummaryPolyline(String polyline) {
    return new ActivityView(id, source, externalId, sportType, sportFamily, name, description, notes, startDate, startDateLocal,
        timeZone, movingTimeS, elapsedTimeS, distanceM, elevationGainM, avgHr, maxHr, avgPowerW, weightedPowerW, deviceWatts,
        kilojoules, avgCadence, avgSpeedMps, maxSpeedMps, rpe, calories, trainer, commute, manual, polyline, load, loadMethod,
        loadEstimated, computedLoad, loadOverride, createdAt, updatedAt, primaryActivityId, merged, mergeReason, mergedAt,
        mergeChoice, legs, fileName, cadenceUnit);
  }

  /** Another source's copy of the same workout, merged into this one: why, and since when. */
  public record Linked(UUID id, String source, String reason, Instant mergedAt) {
  }
}
