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
  // Newest first with parsed start times; rebuilt after a change, so paging a large history stays cheap.
  private List<Map.Entry<Long, JsonObject>> newestFirst;

  public synchronized void replace(List<JsonObject> activities) {
    byId.clear();
    activities.forEach(this::put);
  }

  public synchronized void put(JsonObject activity) {
    byId.put(activity.getLong("id"), activity.copy());
    newestFirst = null;
  }

  public synchronized void update(long id, JsonObject changes) {
    stored(id).mergeIn(changes.copy());
    newestFirst = null;
  }

  public synchronized void delete(long id) {
    stored(id);
    byId.remove(id);
    newestFirst = null;
  }

  /** Stored copies, newest first. */
  public synchronized List<JsonObject> all() {
    return byId.values().stream().sorted(NEWEST_FIRST).map(JsonObject::copy).toList();
  }

  public synchronized Optional<JsonObject> find(long id) {
    return Optional.ofNullable(byId.get(id)).map(JsonObject::copy);
  }

  /**
   * One page of the activities started strictly between {@code after} and {@code before} (epoch seconds, either may be
   * null), as summaries. Only the page is copied, so a 10,000-activity history pages as fast as Strava would.
   */
  public synchronized List<JsonObject> page(Long after, Long before, boolean includeOnlyMe, boolean oldestFirst, long skip,
                                            long limit) {
    if (newestFirst == null) {
      newestFirst = byId.values().stream().sorted(NEWEST_FIRST).map(a -> Map.entry(startSeconds(a), a)).toList();
    }
    List<Map.Entry<Long, JsonObject>> ordered = newestFirst;
    if (oldestFirst) {
      ordered = new java.util.ArrayList<>(ordered);
      java.util.Collections.reverse(ordered);
    }
    return ordered.stream()
        .filter(e -> includeOnlyMe || !"only_me".equals(e.getValue().getString("visibility")))
        .filter(e -> after == null || e.getKey() > after)
        .filter(e -> before == null || e.getKey() < before)
        .skip(skip).limit(limit).map(e -> summary(e.getValue())).toList();
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
