package fitcoach.testing.strava;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The athlete's activities as stored (summary plus detail-only fields) and their two wire representations:
 * SummaryActivity ({@code resource_state} 2) for lists and DetailedActivity (3) with laps and splits.
 */
public final class Activities {
  private static final Set<String> DETAIL_ONLY = Set.of("description", "calories", "perceived_exertion",
      "prefer_perceived_exertion", "private_note", "embed_token", "gear", "hide_from_home", "segment_leaderboard_opt_out",
      "leaderboard_opt_out", "laps", "splits_metric");
  private static final Comparator<JsonObject> NEWEST_FIRST = Comparator
      .comparing((JsonObject a) -> a.getString("start_date")).thenComparing(a -> a.getLong("id")).reversed();
  private final Map<Long, JsonObject> byId = new HashMap<>();

  public synchronized void replace(List<JsonObject> activities) {
    byId.clear();
    activities.forEach(this::put);
  }

  public synchronized void put(JsonObject activity) {
    byId.put(activity.getLong("id"), activity.copy());
  }

  public synchronized void update(long id, JsonObject changes) {
    stored(id).mergeIn(changes.copy());
  }

  public synchronized void delete(long id) {
    stored(id);
    byId.remove(id);
  }

  /** Stored copies, newest first. */
  public synchronized List<JsonObject> all() {
    return byId.values().stream().sorted(NEWEST_FIRST).map(JsonObject::copy).toList();
  }

  public synchronized Optional<JsonObject> find(long id) {
    return Optional.ofNullable(byId.get(id)).map(JsonObject::copy);
  }

  /** Started strictly between {@code after} and {@code before} (epoch seconds, either may be null). */
  public synchronized List<JsonObject> between(Long after, Long before, boolean includeOnlyMe, boolean oldestFirst) {
    Comparator<JsonObject> order = oldestFirst ? NEWEST_FIRST.reversed() : NEWEST_FIRST;
    return byId.values().stream()
        .filter(a -> includeOnlyMe || !"only_me".equals(a.getString("visibility")))
        .filter(a -> after == null || startSeconds(a) > after)
        .filter(a -> before == null || startSeconds(a) < before)
        .sorted(order).map(JsonObject::copy).toList();
  }

  public static JsonObject summary(JsonObject stored) {
    JsonObject summary = stored.copy().put("resource_state", 2);
    DETAIL_ONLY.forEach(summary::remove);
    JsonObject map = summary.getJsonObject("map");
    if (map != null) {
      map.remove("polyline");
    }
    return summary;
  }

  public static JsonObject detail(JsonObject stored) {
    JsonObject detail = stored.copy().put("resource_state", 3);
    if (detail.getJsonObject("map") != null) {
      detail.getJsonObject("map").put("resource_state", 3);
    }
    Streams streams = Streams.of(stored);
    detail.put("laps", Laps.of(stored, streams));
    if ("Run".equals(stored.getString("type"))) {
      detail.put("splits_metric", Laps.metricSplits(stored, streams));
    }
    return detail;
  }

  private JsonObject stored(long id) {
    JsonObject a = byId.get(id);
    if (a == null) {
      throw new IllegalArgumentException("FakeStrava has no activity " + id);
    }
    return a;
  }

  private static long startSeconds(JsonObject a) {
    return Instant.parse(a.getString("start_date")).getEpochSecond();
  }
}
