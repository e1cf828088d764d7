package fitcoach.privacy;

import fitcoach.app.ApiException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.UUID;

/**
 * The athlete's privacy zones: the Settings CRUD, and for every feature that hands out positions (streams, routes,
 * maps, the export), {@link #zonesFor}: fetch the zones once per request and ask {@link PrivacyZones#hides} per point.
 */
public final class PrivacyService {
  /** Enough for home, work, family and a few more; a bound, so a client cannot make every stream read scan thousands. */
  public static final int MAX_ZONES = 20;
  private static final String NO_ZONE = "No such privacy zone";

  private final PrivacyRepository repository;

  public PrivacyService(Pool pool) {
    this.repository = new PrivacyRepository(pool);
  }

  /** The athlete's zones, for hiding positions; {@link PrivacyZones#isEmpty()} when there are none. */
  public Future<PrivacyZones> zonesFor(UUID userId) {
    return repository.list(userId).map(PrivacyZones::new);
  }

  /**
   * The {@code privacy} query parameter of a route that hands out positions: {@code on} or {@code off}
   * (anything else is a 400 naming it), {@code fallback} when absent. True means: hide what is inside a zone.
   */
  public static boolean requested(MultiMap query, boolean fallback) {
    String value = query.get("privacy");
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    if (value.equals("on") || value.equals("off")) {
      return value.equals("on");
    }
    throw new ApiException(400, "invalid_value", "'privacy' must be on or off", "privacy", null);
  }

  Future<List<PrivacyZone>> list(UUID userId) {
    return repository.list(userId);
  }

  Future<PrivacyZone> create(UUID userId, JsonObject body) {
    PrivacyZoneRequest zone = PrivacyZoneRequest.from(body);
    return repository.insert(userId, zone, MAX_ZONES).compose(saved -> saved.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ApiException.conflict("too_many_zones",
            "You have " + MAX_ZONES + " privacy zones, the most allowed; delete or enlarge one instead"))));
  }

  Future<PrivacyZone> replace(UUID userId, UUID id, JsonObject body) {
    PrivacyZoneRequest zone = PrivacyZoneRequest.from(body);
    return repository.update(userId, id, zone).compose(saved -> saved.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ApiException.notFound(NO_ZONE))));
  }

  Future<Void> delete(UUID userId, UUID id) {
    return repository.delete(userId, id).compose(deleted -> deleted ? Future.succeededFuture()
        : Future.failedFuture(ApiException.notFound(NO_ZONE)));
  }

  static String notFound() {
    return NO_ZONE;
  }
}
