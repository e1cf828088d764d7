package fitcoach.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hand-made JWTs against the real server: only a genuine, unexpired HS256 token for a live session is accepted. */
class SessionTokenTest extends ApiTest {
  private JsonObject claims;

  @BeforeEach
  void signIn() {
    signedIn();
    String token = client.cookie().substring("fitcoach_token=".length());
    claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private int meWith(String token) {
    return new TestClient(app.port()).cookie("fitcoach_token=" + token).get("/api/auth/me").status();
  }

  @Test
  @DisplayName("The issued token is HS256 with subject, session id, issuer, audience and a 7-day expiry")
  void issuedTokenShape() {
    String token = client.cookie().substring("fitcoach_token=".length());
    JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
    assertThat(header.getString("alg")).isEqualTo("HS256");
    assertThat(claims.getString("sub")).isNotBlank();
    assertThat(claims.getString("sid")).isNotBlank();
    assertThat(claims.getString("iss")).isEqualTo("fitcoach");
    assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(7 * 24 * 3600L);
    assertThat(meWith(sign("HS256", "HmacSHA256", claims, TestApp.JWT_SECRET))).isEqualTo(200);
  }

  @Test
  @DisplayName("A token with alg none is refused")
  void algNone() {
    String unsigned = b64(new JsonObject().put("alg", "none").put("typ", "JWT").encode()) + "." + b64(claims.encode()) + ".";
    assertThat(meWith(unsigned)).isEqualTo(401);
  }

  @Test
  @DisplayName("A token signed with another algorithm (HS512) with the right secret is refused")
  void otherAlgorithm() {
    assertThat(meWith(sign("HS512", "HmacSHA512", claims, TestApp.JWT_SECRET))).isEqualTo(401);
  }

  @Test
  @DisplayName("A token signed with another secret is refused")
  void wrongSecret() {
    assertThat(meWith(sign("HS256", "HmacSHA256", claims, "some-other-secret-that-is-long-enough-xx"))).isEqualTo(401);
  }

  @Test
  @DisplayName("An expired token is refused even with a valid signature")
  void expired() {
    long now = System.currentTimeMillis() / 1000;
    JsonObject old = claims.copy().put("iat", now - 8 * 24 * 3600).put("exp", now - 3600);
    assertThat(meWith(sign("HS256", "HmacSHA256", old, TestApp.JWT_SECRET))).isEqualTo(401);
  }

  @Test
  @DisplayName("A token whose payload was altered after signing is refused")
  void tampered() {
    String genuine = client.cookie().substring("fitcoach_token=".length());
    String[] parts = genuine.split("\\.");
    JsonObject forged = claims.copy().put("sub", "00000000-0000-0000-0000-000000000001");
    assertThat(meWith(parts[0] + "." + b64(forged.encode()) + "." + parts[2])).isEqualTo(401);
    assertThat(meWith(genuine)).isEqualTo(200);
  }

  @Test
  @DisplayName("A validly signed token naming an unknown session is refused")
  void unknownSession() {
    JsonObject other = claims.copy().put("sid", "00000000-0000-0000-0000-000000000002");
    assertThat(meWith(sign("HS256", "HmacSHA256", other, TestApp.JWT_SECRET))).isEqualTo(401);
  }

  @Test
  @DisplayName("A genuinely signed token without exp, or whose exp lies beyond the issued lifetime, is refused")
  void lifetimeBeyondWhatIsIssued() {
    long now = System.currentTimeMillis() / 1000;
    JsonObject noExp = claims.copy();
    noExp.remove("exp");
    assertThat(meWith(sign("HS256", "HmacSHA256", noExp, TestApp.JWT_SECRET))).isEqualTo(401);
    JsonObject noIat = claims.copy();
    noIat.remove("iat");
    assertThat(meWith(sign("HS256", "HmacSHA256", noIat, TestApp.JWT_SECRET))).isEqualTo(401);
    JsonObject century = claims.copy().put("iat", now).put("exp", now + 100L * 365 * 24 * 3600);
    assertThat(meWith(sign("HS256", "HmacSHA256", century, TestApp.JWT_SECRET))).isEqualTo(401);
    // Issued "in the future" so that exp - iat looks like 7 days while exp is a year away.
    JsonObject future = claims.copy().put("iat", now + 358L * 24 * 3600).put("exp", now + 365L * 24 * 3600);
    assertThat(meWith(sign("HS256", "HmacSHA256", future, TestApp.JWT_SECRET))).isEqualTo(401);
    JsonObject eightDays = claims.copy().put("iat", now).put("exp", now + 8L * 24 * 3600);
    assertThat(meWith(sign("HS256", "HmacSHA256", eightDays, TestApp.JWT_SECRET))).isEqualTo(401);
    assertThat(meWith(sign("HS256", "HmacSHA256", claims, TestApp.JWT_SECRET))).isEqualTo(200);
  }

  @Test
  @DisplayName("Claims of the wrong type (string exp or iat, non-UUID sub or sid) are a 401 in the JSON format, never a 500")
  void malformedClaimTypes() {
    long now = System.currentTimeMillis() / 1000;
    List<JsonObject> forged = List.of(
        claims.copy().put("exp", String.valueOf(now + 3600)),
        claims.copy().put("exp", "tomorrow"),
        claims.copy().put("exp", new JsonObject()),
        claims.copy().put("exp", now + 3600.5),
        claims.copy().put("iat", String.valueOf(now)),
        claims.copy().put("iat", true),
        claims.copy().put("sub", "not-a-uuid"),
        claims.copy().put("sub", 42),
        claims.copy().put("sid", "not-a-uuid"),
        claims.copy().putNull("sid"),
        claims.copy().put("aud", 7),
        claims.copy().put("iss", new JsonArray().add("fitcoach")));
    for (JsonObject payload : forged) {
      var r = new TestClient(app.port()).cookie("fitcoach_token=" + sign("HS256", "HmacSHA256", payload, TestApp.JWT_SECRET))
          .get("/api/auth/me");
      assertThat(r.status()).as(payload.encode()).isEqualTo(401);
      assertThat(r.errorCode()).as(payload.encode()).isEqualTo("unauthorized");
    }
  }

  @Test
  @DisplayName("Garbage in the cookie is a 401, not a 500")
  void garbage() {
    assertThat(meWith("not.a.jwt")).isEqualTo(401);
    assertThat(meWith("%%%")).isEqualTo(401);
  }

  private static String sign(String alg, String macAlg, JsonObject payload, String secret) {
    try {
      String signingInput = b64(new JsonObject().put("alg", alg).put("typ", "JWT").encode()) + "." + b64(payload.encode());
      Mac mac = Mac.getInstance(macAlg);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), macAlg));
      return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
