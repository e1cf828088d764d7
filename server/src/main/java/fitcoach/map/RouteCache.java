package fitcoach.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simplified routes already built, least recently used dropped first: reading and simplifying a workout's 1 Hz
 * positions costs milliseconds each, thousands for a decade. Keyed by the workout, its version (changed streams or
 * edits) and what was hidden, so a stale or differently hidden route is never served. A few hundred bytes per route.
 */
final class RouteCache {
  /** The encoded segments of one route and how many points they hold. */
  record Shape(List<String> segments, int points) {
  }

  private final int capacity;
  private final Map<String, Shape> entries;

  RouteCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Shape> eldest) {
        return size() > RouteCache.this.capacity;
      }
    };
  }

  static String key(HeatmapRepository.Candidate c, HiddenPositions hidden) {
    return c.id() + "|" + c.version() + "|" + hidden.key();
  }

  synchronized Shape get(String key) {
    return entries.get(key);
  }

  synchronized void put(String key, Shape shape) {
    entries.put(key, shape);
  }

  synchronized int size() {
    return entries.size();
  }
}
