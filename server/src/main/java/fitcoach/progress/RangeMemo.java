package fitcoach.progress;

import io.vertx.core.Future;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Range answers memoised per version of an athlete's stored analyses: a ten-year range reads thousands of rows, and
 * the Progress screen asks the same few ranges again and again between changes. The version moves whenever the rows
 * may have changed: a change signalled by the activity store (a deletion or an edit reaches the rows by cascade or
 * trigger) and every page the worker stores. Shared by every HTTP verticle and the worker of this process.
 */
final class RangeMemo {
  /** Answers kept per athlete and version; more distinct ranges than this start the memo afresh. */
  static final int MAX_PER_USER = 64;

  private record Entries(long version, Map<String, Future<?>> answers) {
  }

  private final Map<UUID, AtomicLong> versions = new ConcurrentHashMap<>();
  private final Map<UUID, Entries> memo = new ConcurrentHashMap<>();

  /** The athlete's rows may differ from now on. */
  void changed(UUID userId) {
    versions.computeIfAbsent(userId, k -> new AtomicLong()).incrementAndGet();
  }

  @SuppressWarnings("unchecked")
  <T> Future<T> get(UUID userId, String key, Supplier<Future<T>> compute) {
    long version = versions.computeIfAbsent(userId, k -> new AtomicLong()).get();
    Entries e = memo.compute(userId, (k, old) ->
        old == null || old.version != version || old.answers.size() >= MAX_PER_USER
            ? new Entries(version, new ConcurrentHashMap<>()) : old);
    Future<?> cached = e.answers.get(key);
    if (cached != null) {
      return (Future<T>) cached;
    }
    Future<T> f = compute.get();
    e.answers.put(key, f);
    // A failed read is not remembered; a version that moved while it ran is not trusted either (see #changed).
    f.onFailure(err -> e.answers.remove(key, f));
    return f;
  }
}
