package fitcoach.strava;

import fitcoach.activities.ActivityInput;
import fitcoach.activities.ActivitySource;
import fitcoach.activities.ActivityStore;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Strava API's copies of the athlete's activities, written through the activity store like every other source.
 * Copies are written only while the athlete is connected, checked in the write's own transaction: a page fetched
 * before a disconnect cannot bring back what the disconnect removed.
 */
final class StravaCopies {
  /** A page stored: how many copies were new, how many refreshed. */
  record Upserted(int inserted, int updated) {
    static final Upserted NONE = new Upserted(0, 0);
  }

  private final ActivityStore store;

  StravaCopies(ActivityStore store) {
    this.store = store;
  }

  /** Inserts or refreshes copies; detail fields a summary does not carry keep their stored values. */
  Future<ActivityStore.Stored<Upserted>> upsert(UUID userId, List<StravaActivity> page) {
    return store.write(userId, w -> insert(w, userId, page));
  }

  /** A page of a sync or a refresh: one write of many, whose loads are brought up to date when the job says so. */
  Future<Upserted> upsertPage(UUID userId, List<StravaActivity> page) {
    return store.writeInBulk(userId, w -> insert(w, userId, page));
  }

  private static Future<Upserted> insert(ActivityStore.Writer w, UUID userId, List<StravaActivity> page) {
    return StravaRepository.connected(w.connection(), userId).compose(connected -> !connected
        ? Future.succeededFuture(Upserted.NONE)
        : w.insert(page.stream().map(StravaCopies::input).toList(), true).map(saved -> {
          int inserted = (int) saved.stream().filter(ActivityStore.Saved::inserted).count();
          return new Upserted(inserted, saved.size() - inserted);
        }));
  }

  /** Strava no longer has the activity: its copy goes (a file or export copy of the same workout then leads). */
  Future<ActivityStore.Stored<Optional<LocalDate>>> delete(UUID userId, long stravaId) {
    return store.write(userId, w -> w.deleteBySource(ActivitySource.STRAVA_API, Long.toString(stravaId)));
  }

  /** Like {@link #delete}, as one write of a refresh, whose loads are brought up to date when it ends. */
  Future<Optional<LocalDate>> deleteInBulk(UUID userId, long stravaId) {
    return store.writeInBulk(userId, w -> w.deleteBySource(ActivitySource.STRAVA_API, Long.toString(stravaId)));
  }

  /**
   * The athlete disconnected or revoked FitCoach on Strava: the connection and every Strava API copy go together, in
   * one transaction (Strava's rules: no Strava data without the athlete's authorisation); file, export and manual
   * copies stay and lead their workouts. How many copies went.
   */
  Future<ActivityStore.Stored<Integer>> removeAll(UUID userId) {
    return store.write(userId, w -> StravaRepository.deleteConnection(w.connection(), userId)
        .compose(v -> w.deleteAllOf(ActivitySource.STRAVA_API)));
  }

  /** The detail, streams and laps (null: not known) fetched for one copy, stored together. */
  Future<ActivityStore.Stored<Void>> saveDetail(UUID userId, UUID activityId, StravaActivity detail, ActivityInput.StreamData streams,
      List<fitcoach.activities.ActivityLap> laps) {
    return store.write(userId, w -> StravaRepository.connected(w.connection(), userId).compose(connected -> !connected
        ? Future.<Void>succeededFuture()
        : (detail == null ? Future.<Void>succeededFuture() : w.insert(List.of(input(detail)), true).<Void>mapEmpty())
            .compose(v -> w.saveStreams(activityId, streams))
            .compose(v -> w.saveLaps(activityId, laps))));
  }

  static ActivityInput input(StravaActivity a) {
    return new ActivityInput(ActivitySource.STRAVA_API, Long.toString(a.id()), a.sportType(), a.name(), a.description(), null,
        a.startDate(), a.startDateLocal(), a.timeZone(), a.movingTimeS(), a.elapsedTimeS(), a.distanceM(), a.elevationGainM(),
        a.avgHr(), a.maxHr(), a.avgPowerW(), a.weightedPowerW(), a.deviceWatts(), a.kilojoules(), a.avgCadence(),
        a.avgSpeedMps(), a.maxSpeedMps(), a.calories(), a.rpe(), a.trainer(), a.commute(), a.manual(), a.polyline(), a.raw(),
        null, null, null);
  }
}
