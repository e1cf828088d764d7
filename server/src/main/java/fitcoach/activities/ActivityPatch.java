package fitcoach.activities;

import fitcoach.app.ApiException;
import fitcoach.app.JsonFields;
import io.vertx.core.json.JsonObject;

/** PATCH /api/activities/:id: what the athlete may correct. Present fields are set (null clears), absent ones kept. */
public final class ActivityPatch {
  private ActivityPatch() {
  }

  public static ActivityView apply(ActivityView a, JsonObject body) {
    JsonFields f = new JsonFields(body, "rpe", "notes", "loadOverride", "sportType", "name");
    if (body.isEmpty()) {
      throw ApiException.badRequest("empty_patch", "Send at least one of rpe, notes, loadOverride, sportType, name");
    }
    Integer rpe = f.has("rpe") ? f.optionalInt("rpe", 1, 10) : a.rpe();
    String notes = f.has("notes") ? f.optionalString("notes", 2000) : a.notes();
    Double override = f.has("loadOverride") ? f.optionalDouble("loadOverride", 0, 1000) : a.loadOverride();
    String name = f.has("name") ? f.optionalString("name", 200) : a.name();
    String sport = a.sportType();
    if (f.has("sportType")) {
      sport = Sports.canonical(f.requiredString("sportType", 50));
      if (sport == null) {
        throw ApiException.invalid("sportType", "invalid_value", "Unknown sport type");
      }
    }
    return new ActivityView(a.id(), a.source(), a.externalId(), sport, Sports.family(sport), name, a.description(), notes,
        a.startDate(), a.startDateLocal(), a.timeZone(), a.movingTimeS(), a.elapsedTimeS(), a.distanceM(), a.elevationGainM(),
        a.avgHr(), a.maxHr(), a.avgPowerW(), a.weightedPowerW(), a.deviceWatts(), a.kilojoules(), a.avgCadence(),
        a.avgSpeedMps(), a.maxSpeedMps(), rpe, a.calories(), a.trainer(), a.commute(), a.manual(), a.summaryPolyline(),
        a.load(), a.loadMethod(), a.loadEstimated(), a.computedLoad(), override, a.createdAt(), a.updatedAt(),
        a.primaryActivityId(), a.merged(), a.mergeReason(), a.mergedAt(), a.mergeChoice(), a.legs(),
        a.fileName(), StepCadence.averageUnit(sport, a.legs() != null && !a.legs().isEmpty()));
  }
}
