package fitcoach.mcp;

import fitcoach.activities.ActivitySource;
import fitcoach.coach.tools.CoachTool;
import fitcoach.coach.tools.ToolOutput;
import fitcoach.coach.tools.ToolScope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A test-only tool that reads the athlete's activities the way every coach tool must, through
 * {@code coach_activities(user, sources)} with the scope's policy, so the MCP tests check a real data-policy read
 * (not a stub) until the real tools land in the registry.
 */
final class RecentActivitiesTestTool implements CoachTool {
  static final String NAME = "test_recent_activities";
  private final Pool pool;

  RecentActivitiesTestTool(Pool pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "The athlete's most recent activities (test tool).";
  }

  @Override
  public JsonObject inputSchema() {
    return new JsonObject().put("type", "object")
        .put("properties", new JsonObject().put("limit", new JsonObject().put("type", "integer").put("minimum", 1).put("maximum", 50)))
        .put("additionalProperties", false);
  }

  @Override
  public String summary(JsonObject arguments) {
    return "recent activities";
  }

  @Override
  public Future<ToolOutput> run(ToolScope scope, JsonObject arguments) {
    String[] sources = ActivitySource.readableByCoach(scope.includeStravaApi()).toArray(new String[0]);
    return SqlTemplate.forQuery(pool, """
            SELECT id, name, source, local_date FROM coach_activities(#{userId}, #{sources})
            ORDER BY start_date_local DESC LIMIT #{limit}""")
        .execute(Map.of("userId", scope.userId(), "sources", sources, "limit", arguments.getInteger("limit", 20)))
        .map(rows -> {
          List<List<Object>> out = new ArrayList<>();
          List<UUID> ids = new ArrayList<>();
          rows.forEach(r -> {
            ids.add(r.getUUID("id"));
            out.add(List.of(r.getUUID("id").toString(), r.getString("name"), r.getString("source"),
                r.getLocalDate("local_date").toString()));
          });
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("today", scope.today().toString());
          data.put("columns", List.of("id", "name", "source", "date"));
          data.put("rows", out);
          return new ToolOutput(data, out.size() + " activities", ids);
        });
  }
}
