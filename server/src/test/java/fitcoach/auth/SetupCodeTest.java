package fitcoach.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fitcoach.boot.FitCoachApp;
import fitcoach.testing.RawHttp;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The first visitor creates the only account: beyond loopback only with the one-time code from FitCoach's log. */
class SetupCodeTest {
  private static final Pattern CODE = Pattern.compile("setup code on the first-run screen: ([A-Z0-9]{5}-[A-Z0-9]{5})");
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    TestDatabase.truncateAll();
    log.start();
    ((Logger) LoggerFactory.getLogger(SetupCode.class)).addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    ((Logger) LoggerFactory.getLogger(SetupCode.class)).detachAppender(log);
  }

  private static FitCoachApp start(String host) {
    Map<String, String> env = TestApp.env(TestDatabase.url());
    env.put("HOST", host);
    return TestApp.start(env);
  }

  private List<String> printedCodes() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).map(CODE::matcher).filter(Matcher::find)
        .map(m -> m.group(1)).toList();
  }

  private static JsonObject setup(String code) {
    JsonObject body = new JsonObject().put("email", "athlete@example.com").put("password", "correct horse battery");
    return code == null ? body : body.put("setupCode", code);
  }

  @Test
  @DisplayName("Listening beyond loopback, creating the account needs the setup code printed in the log; without it nothing is created")
  void beyondLoopbackNeedsTheCode() {
    try (FitCoachApp app = start("0.0.0.0")) {
      assertThat(printedCodes()).hasSize(1);
      String code = printedCodes().get(0);
      TestClient client = new TestClient(app.port());
      JsonObject status = client.get("/api/auth/status").json();
      assertThat(status.getBoolean("setup")).isFalse();
      assertThat(status.getBoolean("setupCodeRequired")).isTrue();

      var without = client.post("/api/auth/setup", setup(null));
      assertThat(without.status()).isEqualTo(403);
      assertThat(without.errorCode()).isEqualTo("setup_code_required");
      assertThat(without.errorField()).isEqualTo("setupCode");
      var wrong = client.post("/api/auth/setup", setup("AAAAA-BBBBB"));
      assertThat(wrong.status()).isEqualTo(403);
      assertThat(wrong.errorCode()).isEqualTo("setup_code_wrong");
      var wrongType = client.post("/api/auth/setup", new JsonObject().put("email", "a@example.com")
          .put("password", "correct horse battery").put("setupCode", 12345));
      assertThat(wrongType.status()).isEqualTo(422);
      assertThat(TestDatabase.count("SELECT count(*) FROM users")).isZero();
      assertThat(without.headerValues("Set-Cookie")).isEmpty();

      // Typed as people type: lower case, without the dash, with spaces around.
      var created = client.post("/api/auth/setup", setup(" " + code.replace("-", "").toLowerCase(Locale.ROOT) + " "));
      assertThat(created.status()).isEqualTo(201);
      status = client.get("/api/auth/status").json();
      assertThat(status.getBoolean("setup")).isTrue();
      assertThat(status.getBoolean("setupCodeRequired")).isFalse();
      assertThat(new TestClient(app.port()).post("/api/auth/setup", setup(code)).status()).isEqualTo(409);
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM users")).isEqualTo(1L);
  }

  @Test
  @DisplayName("Each start while no account exists prints a new code and the old one stops working; once the account exists none is printed")
  void aNewCodeEachStart() {
    String first;
    try (FitCoachApp app = start("0.0.0.0")) {
      first = printedCodes().get(0);
    }
    try (FitCoachApp app = start("0.0.0.0")) {
      assertThat(printedCodes()).hasSize(2);
      String second = printedCodes().get(1);
      assertThat(second).isNotEqualTo(first);
      assertThat(new TestClient(app.port()).post("/api/auth/setup", setup(first)).errorCode()).isEqualTo("setup_code_wrong");
      assertThat(new TestClient(app.port()).post("/api/auth/setup", setup(second)).status()).isEqualTo(201);
    }
    try (FitCoachApp app = start("0.0.0.0")) {
      assertThat(printedCodes()).hasSize(2);
      assertThat(new TestClient(app.port()).get("/api/auth/status").json().getBoolean("setupCodeRequired")).isFalse();
    }
  }

  @Test
  @DisplayName("On a loopback bind no code is printed or needed")
  void loopbackNeedsNoCode() {
    try (FitCoachApp app = start("127.0.0.1")) {
      TestClient client = new TestClient(app.port());
      assertThat(client.get("/api/auth/status").json().getBoolean("setupCodeRequired")).isFalse();
      assertThat(client.post("/api/auth/setup", setup(null)).status()).isEqualTo(201);
    }
    assertThat(printedCodes()).isEmpty();
  }

  @Test
  @DisplayName("On HOST=0.0.0.0 any Host name may read (LAN names are unknown), but only FitCoach's own origins may write")
  void wildcardBindHostsAndOrigins() {
    try (FitCoachApp app = start("0.0.0.0")) {
      assertThat(RawHttp.exchange(app.port(), "GET", "/api/auth/status", null, "Host: nas.local:" + app.port()).status())
          .isEqualTo(200);
      var write = RawHttp.exchange(app.port(), "POST", "/api/auth/logout", "", "Host: nas.local:" + app.port(),
          "Origin: http://nas.local:" + app.port());
      assertThat(write.status()).isEqualTo(403);
      assertThat(new JsonObject(write.body()).getJsonObject("error").getString("code")).isEqualTo("foreign_origin");
      var own = RawHttp.exchange(app.port(), "POST", "/api/auth/logout", "", "Origin: http://127.0.0.1:" + app.port());
      assertThat(own.status()).isEqualTo(200);
    }
  }
}
