package fitcoach.coach.tools;

import fitcoach.analytics.LoadService;
import io.vertx.core.Future;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Answers of the range tools memoised per version of the athlete's data: the load snapshot (every change to activities
 * or thresholds starts a new one) and the version of the stored analyses (written by the worker after the snapshot
 * moved on). A question asked again between changes, by the coach or an MCP client, costs a lookup.
 */
final class RangeToolMemo {
  private final LoadService load;
  private final ToolRangeSql sql;

  RangeToolMemo(LoadService load, ToolRangeSql sql) {
    this.load = load;
    this.sql = sql;
  }

  /** {@code key} must hold everything the answer depends on besides the data: the tool, the policy, the arguments. */
  Future<ToolOutput> get(UUID userId, String key, Supplier<Future<ToolOutput>> compute) {
    return Future.all(load.series(userId), sql.curvesVersion(userId)).compose(all -> {
      LoadService.Snapshot snapshot = all.resultAt(0);
      String version = all.resultAt(1);
      return snapshot.memo("tool|" + key + "|" + version, compute);
    });
  }
}
