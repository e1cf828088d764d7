package fitcoach.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthRoutesTest extends ApiTest {

  private static JsonObject credentials(String email, String password) {
    return new JsonObject().put("email", email).put("password", password);
  }

  @Test
  @DisplayName("A new instance reports no account, and setup creates one, signs in and locks the instance")
  void setupCreatesTheOnlyAccount() {
    assertThat(client.get("/api/auth/status").json().getBoolean("setup")).isFalse();

    var created = client.post("/api/auth/setup", credentials("  Athlete@Example.COM ", PASSWORD));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("email")).isEqualTo("athlete@example.com");
    assertThat(created.json().getString("id")).isNotBlank();
    assertThat(created.json().fieldNames()).containsExactlyInAnyOrder("id", "email", "createdAt");
    assertThat(client.get("/api/auth/status").json().getBoolean("setup")).isTrue();

    var me = client.get("/api/auth/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("email")).isEqualTo("athlete@example.com");

    var second = new TestClient(app.port()).post("/api/auth/setup", credentials("intruder@example.com", "another long password"));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.errorCode()).isEqualTo("account_exists");
    assertThat(TestDatabase.count("SELECT count(*) FROM users")).isEqualTo(1L);
  }

  @Test
  @DisplayName("Setup keeps the browser's time zone for the profile, and without one the profile stays in UTC")
  void setupTakesTheBrowsersTimeZone() {
    var created = client.post("/api/auth/setup", credentials(EMAIL, PASSWORD).put("timeZone", "America/Denver"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(client.get("/api/settings/profile").json().getString("timeZone")).isEqualTo("America/Denver");
    assertThat(TestDatabase.count("SELECT count(*) FROM athlete_profiles WHERE time_zone = 'America/Denver'")).isEqualTo(1L);
  }

  @Test
  @DisplayName("Setup without a time zone leaves the profile in UTC")
  void setupWithoutTimeZone() {
    assertThat(client.post("/api/auth/setup", credentials(EMAIL, PASSWORD)).status()).isEqualTo(201);
    assertThat(client.get("/api/settings/profile").json().getString("timeZone")).isEqualTo("UTC");
  }

  @Test
  @DisplayName("Setup refuses an unknown or fixed-offset time zone with 422 on timeZone and creates nothing")
  void setupRefusesABadTimeZone() {
    for (String zone : new String[] {"Mars/Olympus", "+02:00", "GMT+2"}) {
      var r = client.post("/api/auth/setup", credentials(EMAIL, PASSWORD).put("timeZone", zone));
      assertThat(r.status()).as(zone).isEqualTo(422);
      assertThat(r.errorField()).as(zone).isEqualTo("timeZone");
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM users")).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM athlete_profiles")).isZero();
  }

  @Test
  @DisplayName("The password is stored as an Argon2id hash, never as given")
  void passwordIsHashedWithArgon2id() {
    signedIn();
    String hash = TestDatabase.query("SELECT password_hash FROM users", rs -> { rs.next(); return rs.getString(1); });
    assertThat(hash).startsWith("$argon2id$").doesNotContain(PASSWORD);
  }

  @Test
  @DisplayName("The session cookie is HttpOnly, SameSite=Lax, path /, lasts 7 days, and is not Secure over plain http")
  void cookieFlags() {
    var r = client.post("/api/auth/setup", credentials(EMAIL, PASSWORD));
    String setCookie = r.headerValues("Set-Cookie").stream().filter(c -> c.startsWith("fitcoach_token=")).findFirst().orElseThrow();
    assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/").contains("Max-Age=604800");
    assertThat(setCookie).doesNotContain("Secure");
  }

  @Test
  @DisplayName("Setup refuses short passwords and invalid emails with 422 naming the field")
  void setupValidation() {
    var shortPassword = client.post("/api/auth/setup", credentials(EMAIL, "123456789"));
    assertThat(shortPassword.status()).isEqualTo(422);
    assertThat(shortPassword.errorField()).isEqualTo("password");

    var badEmail = client.post("/api/auth/setup", credentials("not-an-email", PASSWORD));
    assertThat(badEmail.status()).isEqualTo(422);
    assertThat(badEmail.errorField()).isEqualTo("email");

    var wrongType = client.post("/api/auth/setup", new JsonObject().put("email", 42).put("password", PASSWORD));
    assertThat(wrongType.status()).isEqualTo(422);
    assertThat(wrongType.errorCode()).isEqualTo("invalid_type");

    var missing = client.post("/api/auth/setup", new JsonObject().put("email", EMAIL));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.errorField()).isEqualTo("password");
    assertThat(client.get("/api/auth/status").json().getBoolean("setup")).isFalse();
  }

  @Test
  @DisplayName("Login accepts the right password with any email case and refuses a wrong one with 401")
  void login() {
    signedIn();
    TestClient other = new TestClient(app.port());
    var wrong = other.post("/api/auth/login", credentials(EMAIL, "wrong password!!"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().getJsonObject("error").getString("message")).isEqualTo("Invalid email or password");
    assertThat(other.cookie()).isNull();

    var unknown = other.post("/api/auth/login", credentials("nobody@example.com", PASSWORD));
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.json().getJsonObject("error").getString("message")).isEqualTo("Invalid email or password");

    var ok = other.post("/api/auth/login", credentials("ATHLETE@example.com", PASSWORD));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(other.get("/api/auth/me").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Signing out revokes that session: the old cookie no longer works")
  void logoutRevokesTheSession() {
    signedIn();
    String oldCookie = client.cookie();
    var out = client.post("/api/auth/logout", null);
    assertThat(out.status()).isEqualTo(200);
    assertThat(out.headerValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("fitcoach_token=").contains("Max-Age=0"));
    assertThat(client.cookie()).isNull();

    var replay = new TestClient(app.port()).cookie(oldCookie).get("/api/auth/me");
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.errorCode()).isEqualTo("unauthorized");
    assertThat(TestDatabase.count("SELECT count(*) FROM sessions")).isZero();
  }

  @Test
  @DisplayName("Without a cookie the protected routes answer 401 in the JSON error format")
  void unauthenticated() {
    var r = client.get("/api/auth/me");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("unauthorized");
    assertThat(client.get("/api/settings/profile").status()).isEqualTo(401);
    assertThat(client.get("/api/settings/apikey").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("The session check answers 200 {user: null} when nobody is signed in (no cookie, a bad or ended one) and the user when signed in")
  void sessionCheck() {
    var anonymous = client.get("/api/auth/session");
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.json().containsKey("user")).isTrue();
    assertThat(anonymous.json().getValue("user")).isNull();

    assertThat(client.post("/api/auth/setup", credentials("athlete@example.com", PASSWORD)).status()).isEqualTo(201);
    var signedIn = client.get("/api/auth/session");
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.json().getJsonObject("user").getString("email")).isEqualTo("athlete@example.com");

    var forged = new TestClient(app.port()).cookie("fitcoach_token=not-a-token").get("/api/auth/session");
    assertThat(forged.status()).isEqualTo(200);
    assertThat(forged.json().getValue("user")).isNull();

    assertThat(client.post("/api/auth/logout", null).status()).isEqualTo(200);
    assertThat(client.get("/api/auth/session").json().getValue("user")).isNull();
  }
}
