package fitcoach.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.activities.ActivitySource;
import fitcoach.analytics.LoadService;
import fitcoach.settings.ProfileRepository;
import fitcoach.settings.ThresholdSuggestions;
import fitcoach.app.Db;
import fitcoach.app.ErrorHandler;
import fitcoach.app.RequestGuard;
import fitcoach.coach.tools.ToolRegistry;
import fitcoach.settings.DataPolicy;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.Workouts;
import fitcoach.tokens.TokenModule;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The real app, plus a second server on loopback that mounts the same {@link McpModule} over a registry holding a
 * test tool that reads through {@code coach_activities} (the real registry is empty until the tools land). Both share
 * the test database, so a token created through the real app's Settings opens both.
 */
abstract class McpTestBase extends ApiTest {
  static final String STRAVA_ONLY = "Zebra Strava-only interval session";
  protected Pool pool;
  protected ToolRegistry testTools;
  protected HttpServer testServer;

  @BeforeAll
  void startTestToolServer() throws Exception {
    pool = Db.pool(app.vertx(), TestDatabase.url());
    testTools = new ToolRegistry(List.of(new RecentActivitiesTestTool(pool)));
    RequestGuard guard = new RequestGuard(app.config());
    ProfileRepository profiles = new ProfileRepository(pool);
    LoadService load = LoadService.create(pool, profiles, new ThresholdSuggestions(pool, profiles.thresholds()));
    McpModule mcp = new McpModule(testTools, load, new TokenModule(pool, null).service(), guard);
    Router router = Router.router(app.vertx());
    router.route().handler(guard::headers);
    router.route().handler(guard::knownHost);
    mcp.mount(router);
    router.route().failureHandler(new ErrorHandler());
    testServer = app.vertx().createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    warmUp();
  }

  /**
   * One round of every kind of request on both servers before the tests, so first uses (class loading of the HTTP
   * pipeline, JSON-RPC, schema validation) happen here, not on an event loop while a test is being watched for blocked
   * threads. The state is emptied before each test anyway.
   */
  private void warmUp() {
    TestDatabase.truncateAll();
    TestClient warm = new TestClient(app.port());
    assertThat(warm.post("/api/auth/setup", new JsonObject().put("email", EMAIL).put("password", PASSWORD)).status()).isEqualTo(201);
    String token = warm.post("/api/settings/tokens", new JsonObject().put("name", "warm-up")).json().getString("token");
    for (int port : new int[] {app.port(), testServer.actualPort()}) {
      TestClient c = mcpHttp(port, token);
      c.postRaw("/mcp", Rpc.initialize(1, "2025-06-18"));
      c.postRaw("/mcp", Rpc.request(2, "tools/list", null).encode());
      c.postRaw("/mcp", Rpc.request(3, "tools/call", new JsonObject().put("name", RecentActivitiesTestTool.NAME)).encode());
      c.postRaw("/mcp", "{");
      mcpHttp(port, null).postRaw("/mcp", Rpc.ping(4));
    }
  }

  @AfterAll
  void stopTestToolServer() throws Exception {
    if (testServer != null) {
      testServer.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    if (pool != null) {
      pool.close();
    }
  }

  /** Creates an access token through Settings (signed in), returning it. */
  protected String newToken(String name) {
    var r = client.post("/api/settings/tokens", new JsonObject().put("name", name));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getString("token");
  }

  protected static String base(int port) {
    return "http://127.0.0.1:" + port;
  }

  /** The official MCP Java SDK's client over Streamable HTTP, sending {@code headers} with every request. */
  protected static McpSyncClient sdkClient(int port, Map<String, String> headers) {
    var transport = HttpClientStreamableHttpTransport.builder(base(port)).endpoint("/mcp")
        .httpRequestCustomizer((b, method, uri, body, context) -> headers.forEach(b::header)).build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(15)).initializationTimeout(Duration.ofSeconds(15))
        .clientInfo(new McpSchema.Implementation("fitcoach-test", "1.0")).build();
  }

  protected static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  /** A client like curl: no cookie, no Origin, the token as Bearer. */
  protected TestClient mcpHttp(int port, String token) {
    TestClient c = new TestClient(port).nonBrowser();
    return token == null ? c : c.header("Authorization", "Bearer " + token);
  }

  /** A file activity the athlete owns and a Strava-API-only one; the Strava one's id. */
  protected String ownAndStravaOnly() {
    Instant start = Instant.now().minus(Duration.ofDays(2));
    Workouts.store(app, Workouts.copy(ActivitySource.FILE, "file-1", "Run", "Long run from my watch", start,
        3600, 12_000.0, 145.0));
    return Workouts.store(app, Workouts.copy(ActivitySource.STRAVA_API, "strava-1", "Run", STRAVA_ONLY,
        start.minus(Duration.ofDays(3)), 5400, 31_337.0, 171.0)).toString();
  }

  /** The coach may read Strava API data (the athlete acknowledged Strava's terms): MCP still may not. */
  protected void coachMayReadStrava() {
    var allowed = client.put("/api/settings/data-policy", new JsonObject().put("allowStravaApi", true)
        .put("acknowledgement", DataPolicy.ACKNOWLEDGEMENT));
    assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
  }
}
