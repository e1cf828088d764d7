package fitcoach.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.coach.tools.ToolScope;
import fitcoach.testing.TestDatabase;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The official MCP Java SDK, as an independent client, against FitCoach's /mcp. */
class McpSdkTest extends McpTestBase {
  /** The tool names of the issue: a public contract, for the coach and for MCP clients alike. */
  private static final Set<String> CONTRACT = Set.of("search_activities", "get_activity", "training_load",
      "compare_periods", "performance_curve", "project_form", "athlete_profile", "wellness", "planned_workouts",
      "propose_plan");

  private static String text(McpSchema.CallToolResult result) {
    assertThat(result.content()).hasSize(1);
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }


  /** The SDK surfaces a 401 or 403 as an authorization exception carrying the HTTP response. */
  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).as("the call should fail").isNotNull();
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof McpHttpClientTransportAuthorizationException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("an authorization failure in %s", thrown).isNotNull();
    assertThat(((McpHttpClientTransportAuthorizationException) cause).getResponseInfo().statusCode()).isEqualTo(status);
  }

  @Test
  @DisplayName("The SDK initializes (version 2025-06-18 agreed), lists the tools, calls one on the athlete's today and pings")
  void initializeListCallPing() {
    signedIn();
    ownAndStravaOnly();
    String token = newToken("Claude Desktop");
    try (McpSyncClient mcp = sdkClient(testServer.actualPort(), bearer(token))) {
      McpSchema.InitializeResult init = mcp.initialize();
      assertThat(init.protocolVersion()).isEqualTo("2025-06-18");
      assertThat(init.serverInfo().name()).isEqualTo("fitcoach");
      assertThat(init.capabilities().tools()).isNotNull();
      assertThat(init.instructions()).contains("Data from the Strava API is never available");

      List<McpSchema.Tool> tools = mcp.listTools().tools();
      assertThat(tools).extracting(McpSchema.Tool::name).containsExactly(RecentActivitiesTestTool.NAME);
      assertThat(tools.get(0).inputSchema()).containsEntry("type", "object").containsKey("properties");
      assertThat(tools.get(0).annotations().readOnlyHint()).isTrue();

      McpSchema.CallToolResult result = mcp.callTool(new McpSchema.CallToolRequest(RecentActivitiesTestTool.NAME,
          Map.of("limit", 5)));
      assertThat(result.isError()).isFalse();
      JsonObject data = new JsonObject(text(result));
      // The athlete's today in their own time zone, as the chart counts days.
      String zone = client.get("/api/settings/profile").json().getString("timeZone");
      assertThat(data.getString("today")).isEqualTo(LocalDate.now(java.time.ZoneId.of(zone)).toString());
      assertThat(data.getJsonArray("rows").getJsonArray(0).getString(1)).isEqualTo("Long run from my watch");

      // Arguments the schema refuses come back as a tool error the model can read, not a protocol failure.
      McpSchema.CallToolResult refused = mcp.callTool(new McpSchema.CallToolRequest(RecentActivitiesTestTool.NAME,
          Map.of("limit", 500)));
      assertThat(refused.isError()).isTrue();
      assertThat(text(refused)).contains("Invalid arguments").contains("limit");

      mcp.ping();
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM access_tokens WHERE last_used_at IS NOT NULL")).isEqualTo(1);
  }

  @Test
  @DisplayName("A Strava-API-only activity never comes through MCP, even when the coach's policy lets the coach read it")
  void stravaApiOnlyAbsent() throws Exception {
    signedIn();
    String stravaId = ownAndStravaOnly();
    coachMayReadStrava();
    String token = newToken("Open WebUI");
    try (McpSyncClient mcp = sdkClient(testServer.actualPort(), bearer(token))) {
      mcp.initialize();
      String text = text(mcp.callTool(new McpSchema.CallToolRequest(RecentActivitiesTestTool.NAME, Map.of())));
      assertThat(text).contains("Long run from my watch").doesNotContain("Zebra").doesNotContain(stravaId);
    }
    // The same tool, for the coach with the policy on, does return it: the check above is not vacuous.
    UUID userId = UUID.fromString(TestDatabase.query("SELECT id::text FROM users", rs -> rs.next() ? rs.getString(1) : null));
    var coach = testTools.call(new ToolScope(userId, true, LocalDate.now()), RecentActivitiesTestTool.NAME, new JsonObject())
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(coach.content()).contains(STRAVA_ONLY).contains(stravaId);
  }

  @Test
  @DisplayName("Every tool of the real registry answers over MCP, and none returns a byte of a Strava-API-only activity")
  void everyRealTool() {
    signedIn();
    String stravaId = ownAndStravaOnly();
    coachMayReadStrava();
    String token = newToken("every tool");
    try (McpSyncClient mcp = sdkClient(app.port(), bearer(token))) {
      assertThat(mcp.initialize().protocolVersion()).isEqualTo("2025-06-18");
      List<McpSchema.Tool> tools = mcp.listTools().tools();
      assertThat(tools).extracting(McpSchema.Tool::name).allMatch(CONTRACT::contains)
          .contains("search_activities", "get_activity", "training_load", "compare_periods", "performance_curve",
              "project_form", "athlete_profile");
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      for (McpSchema.Tool tool : tools) {
        Map<String, Object> arguments = SchemaSamples.arguments(tool.inputSchema(), stravaId, today);
        McpSchema.CallToolResult result = mcp.callTool(new McpSchema.CallToolRequest(tool.name(), arguments));
        assertThat(text(result)).as(tool.name() + " " + arguments)
            .doesNotContain("Zebra").doesNotContain(stravaId).doesNotContain("31.34").doesNotContain("31337");
        // Only the lookup of the Strava-only activity itself may fail (as unknown); every other tool answers.
        assertThat(result.isError()).as(tool.name() + " " + arguments + " → " + text(result))
            .isEqualTo(arguments.containsValue(stravaId));
      }
    }
  }

  @Test
  @DisplayName("A wrong token, no token and the session cookie alone are all refused with 401 and WWW-Authenticate: Bearer")
  void badToken() {
    signedIn();
    String fake = "fct_" + "A".repeat(43);
    try (McpSyncClient mcp = sdkClient(app.port(), bearer(fake))) {
      assertRefused(mcp::initialize, 401);
    }
    var wrong = mcpHttp(app.port(), fake).postRaw("/mcp", Rpc.ping(1));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(mcpHttp(app.port(), "not-a-token").postRaw("/mcp", Rpc.ping(1)).status()).isEqualTo(401);
    assertThat(mcpHttp(app.port(), null).postRaw("/mcp", Rpc.ping(1)).status()).isEqualTo(401);
    // The browser session opens Settings, never /mcp.
    var cookieOnly = client.postRaw("/mcp", Rpc.ping(1));
    assertThat(cookieOnly.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("A revoked token stops working at once, for a client already initialised too")
  void revokedToken() {
    signedIn();
    var created = client.post("/api/settings/tokens", new JsonObject().put("name", "to revoke")).json();
    try (McpSyncClient mcp = sdkClient(testServer.actualPort(), bearer(created.getString("token")))) {
      mcp.initialize();
      assertThat(mcp.listTools().tools()).isNotEmpty();
      assertThat(client.delete("/api/settings/tokens/" + created.getString("id")).status()).isEqualTo(204);
      assertRefused(mcp::listTools, 401);
    }
    try (McpSyncClient again = sdkClient(testServer.actualPort(), bearer(created.getString("token")))) {
      assertRefused(again::initialize, 401);
    }
  }

  @Test
  @DisplayName("A request from a foreign browser Origin is refused with 403 even with a valid token; FitCoach's own origin passes")
  void foreignOrigin() {
    signedIn();
    String token = newToken("browser");
    Map<String, String> evil = new LinkedHashMap<>(bearer(token));
    evil.put("Origin", "http://evil.example");
    try (McpSyncClient mcp = sdkClient(app.port(), evil)) {
      assertRefused(mcp::initialize, 403);
    }
    var refused = mcpHttp(app.port(), token).header("Origin", "http://evil.example").postRaw("/mcp", Rpc.ping(1));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorCode()).isEqualTo("foreign_origin");
    var rebinding = mcpHttp(app.port(), token).header("Origin", "http://localhost:" + (app.port() + 1)).postRaw("/mcp", Rpc.ping(1));
    assertThat(rebinding.status()).isEqualTo(403);
    var own = mcpHttp(app.port(), token).header("Origin", base(app.port())).postRaw("/mcp", Rpc.ping(1));
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
  }

  @Test
  @DisplayName("A valid token of another scope cannot open /mcp: 403 insufficient_scope")
  void otherScope() throws Exception {
    signedIn();
    String token = "fct_" + "b".repeat(43);
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    // No scope but mcp can be created yet (the plans issue adds calendar): the row is written as that issue will.
    TestDatabase.count("WITH t AS (INSERT INTO access_tokens (user_id, name, scope, token_hash) "
        + "SELECT id, 'calendar feed', 'calendar', ? FROM users RETURNING 1) SELECT count(*) FROM t", hash);
    var refused = mcpHttp(app.port(), token).postRaw("/mcp", Rpc.ping(1));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorCode()).isEqualTo("insufficient_scope");
    assertThat(refused.header("WWW-Authenticate")).contains("insufficient_scope").contains("scope=\"mcp\"");
    try (McpSyncClient mcp = sdkClient(app.port(), bearer(token))) {
      assertRefused(mcp::initialize, 403);
    }
  }
}
