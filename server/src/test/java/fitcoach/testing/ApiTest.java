package fitcoach.testing;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.boot.FitCoachApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base for API tests: one real app per test class on the shared test database, emptied before each test,
 * and a test fails if any event loop was reported blocked while it ran.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest {
  public static final String EMAIL = "athlete@example.com";
  public static final String PASSWORD = "correct horse battery";
  protected FitCoachApp app;
  protected TestClient client;

  @BeforeAll
  void startApp() {
    app = fitcoach.boot.FitCoachApp.start(fitcoach.app.AppConfig.fromEnv(environment(TestApp.env(TestDatabase.url()))), calendar());
  }

  /** The app's calendar (see FitCoachApp.start): real time unless a test class moves days ahead. */
  protected java.time.Clock calendar() {
    return java.time.Clock.systemUTC();
  }

  /** Subclasses add or change variables (e.g. upstream URLs of fakes) before the app starts. */
  protected java.util.Map<String, String> environment(java.util.Map<String, String> env) {
    return env;
  }

  @AfterAll
  void stopApp() {
    System.out.println(ApiContract.summary());
    if (app != null) {
      app.close();
    }
  }

  @BeforeEach
  void freshState() {
    TestDatabase.truncateAll();
    BlockedThreadDetector.drain();
    ApiContract.drain();
    client = new TestClient(app.port());
  }

  @AfterEach
  void noBlockedEventLoop() {
    assertThat(BlockedThreadDetector.drain()).as("blocked-thread warnings").isEmpty();
  }

  /** Every response the test received matches the API contract (server/src/main/resources/openapi.json). */
  @AfterEach
  void responsesMatchTheContract() {
    assertThat(ApiContract.drain()).as("responses that do not match openapi.json (fix the document, or the route)").isEmpty();
  }

  /** Creates the account and leaves {@link #client} signed in. */
  protected TestClient signedIn() {
    var r = client.post("/api/auth/setup", new JsonObject().put("email", EMAIL).put("password", PASSWORD));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return client;
  }
}
