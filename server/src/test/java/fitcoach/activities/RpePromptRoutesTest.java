package fitcoach.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RpePromptRoutesTest extends ApiTest {
  private static final String PROMPT = "/api/activities/rpe-prompt";
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void signIn() {
    signedIn();
  }

  private String manual(LocalDate day, String time, int minutes, Integer rpe, String name) {
    JsonObject body = new JsonObject().put("sportType", "Run").put("startLocal", day + "T" + time).put("durationS", minutes * 60)
        .put("timeZone", "UTC").put("name", name);
    if (rpe != null) {
      body.put("rpe", rpe);
    }
    var r = client.post("/api/activities", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getString("id");
  }

  /** The prompt's activity id, or null when the dashboard asks nothing. */
  private String prompted() {
    TestClient.Response r = client.get(PROMPT);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    if ("null".equals(r.body().trim())) {
      return null;
    }
    return r.json().getString("id");
  }

  private TestClient.Response patchRpe(String id, int rpe) {
    return client.send("PATCH", "/api/activities/" + id, new JsonObject().put("rpe", rpe).encode(), "application/json");
  }

  private TestClient.Response dismiss(String id) {
    return client.post("/api/activities/" + id + "/rpe-prompt/dismiss", new JsonObject());
  }

  @Test
  @DisplayName("Without activities the prompt is null; a new activity without RPE is asked about, with its name, sport and start")
  void newActivityWithoutRpeIsAsked() {
    assertThat(prompted()).isNull();
    String id = manual(today, "06:15", 45, null, "Lunch run");
    JsonObject prompt = client.get(PROMPT).json();
    assertThat(prompt.getString("id")).isEqualTo(id);
    assertThat(prompt.getString("name")).isEqualTo("Lunch run");
    assertThat(prompt.getString("sportType")).isEqualTo("Run");
    assertThat(prompt.getString("startDateLocal")).startsWith(today + "T06:15");
    assertThat(prompt.getInteger("movingTimeS")).isEqualTo(45 * 60);
  }

  @Test
  @DisplayName("An activity that already has an RPE is never asked about: the newest one without is, even if older")
  void ratedActivityIsNotAsked() {
    String unrated = manual(today.minusDays(1), "07:00", 30, null, "Easy run");
    manual(today, "07:00", 40, 6, "Tempo run");
    assertThat(prompted()).isEqualTo(unrated);
    patchRpe(unrated, 3);
    assertThat(prompted()).isNull();
  }

  @Test
  @DisplayName("Only the last three local dates count: an unrated activity from the day before yesterday is asked about, one older is not")
  void olderThanThreeDaysIsNotAsked() {
    manual(today.minusDays(3), "18:00", 30, null, "Old run");
    assertThat(prompted()).isNull();
    String recent = manual(today.minusDays(2), "08:00", 30, null, "Recent run");
    assertThat(prompted()).isEqualTo(recent);
  }

  @Test
  @DisplayName("The three days are the athlete's local dates (their profile's time zone), not the server's")
  void athletesTimeZoneDecides() {
    ZoneId ahead = ZoneId.of("Pacific/Kiritimati");
    // Kiritimati (UTC+14) is always at least a day ahead of Pago Pago (UTC−11).
    LocalDate aheadToday = LocalDate.now(ahead);
    String id = manual(aheadToday.minusDays(3), "12:00", 30, null, "Island run");
    assertThat(client.put("/api/settings/profile", new JsonObject().put("timeZone", "Pacific/Kiritimati")).status()).isEqualTo(200);
    assertThat(prompted()).isNull();
    assertThat(client.put("/api/settings/profile", new JsonObject().put("timeZone", "Pacific/Pago_Pago")).status()).isEqualTo(200);
    assertThat(prompted()).isEqualTo(id);
  }

  @Test
  @DisplayName("Answering with an RPE ends the prompt, and an activity without power or heart rate gets its load from that RPE")
  void answeringFeedsSessionRpeLoad() {
    String id = manual(today.minusDays(1), "07:30", 45, null, "Hills");
    JsonObject before = client.get("/api/activities/" + id).json();
    assertThat(before.getValue("avgHr")).isNull();
    assertThat(before.getValue("avgPowerW")).isNull();
    assertThat(before.getDouble("load")).isZero();
    assertThat(before.getString("loadMethod")).isEqualTo("NONE");
    assertThat(dayLoad(today.minusDays(1))).isZero();
    assertThat(prompted()).isEqualTo(id);

    var answered = patchRpe(id, 7);
    assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    // Session RPE: RPE × minutes ÷ 6 = 7 × 45 ÷ 6.
    assertThat(answered.json().getDouble("load")).isCloseTo(52.5, within(1e-9));
    assertThat(answered.json().getString("loadMethod")).isEqualTo("RPE");
    assertThat(dayLoad(today.minusDays(1))).isCloseTo(52.5, within(1e-9));
    assertThat(prompted()).isNull();
  }

  @Test
  @DisplayName("Dismissing ends the prompt for that activity for good (stored, twice is harmless), and the next unrated one is asked")
  void dismissingIsDurable() {
    String older = manual(today.minusDays(1), "07:00", 30, null, "Older run");
    String newer = manual(today, "07:00", 30, null, "Newer run");
    assertThat(prompted()).isEqualTo(newer);

    var r = dismiss(newer);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getBoolean("ok")).isTrue();
    assertThat(dismiss(newer).status()).isEqualTo(200);
    assertThat(TestDatabase.count("SELECT count(*) FROM rpe_prompt_dismissals WHERE activity_id = ?::uuid", newer)).isEqualTo(1);
    assertThat(prompted()).isEqualTo(older);

    assertThat(dismiss(older).status()).isEqualTo(200);
    assertThat(prompted()).isNull();
    // The activity itself is untouched: still no RPE, and the athlete can rate it later from its page.
    assertThat(client.get("/api/activities/" + newer).json().getValue("rpe")).isNull();
    assertThat(patchRpe(newer, 5).json().getInteger("rpe")).isEqualTo(5);
  }

  @Test
  @DisplayName("Another athlete's activity is never asked about and dismissing it is 404 storing nothing; unknown, malformed ids are 404")
  void ownership() {
    String id = manual(today, "07:00", 30, null, "Their run");
    TestDatabase.inSecondAccount("activities", UUID.fromString(id), () -> {
      assertThat(prompted()).isNull();
      var r = dismiss(id);
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.errorCode()).isEqualTo("not_found");
      assertThat(TestDatabase.count("SELECT count(*) FROM rpe_prompt_dismissals")).isZero();
    });
    assertThat(dismiss(UUID.randomUUID().toString()).status()).isEqualTo(404);
    assertThat(dismiss("not-a-uuid").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("Signed out, the prompt and the dismissal are refused with 401")
  void signedOut() {
    String id = manual(today, "07:00", 30, null, "Run");
    client.post("/api/auth/logout", new JsonObject());
    assertThat(client.get(PROMPT).status()).isEqualTo(401);
    assertThat(dismiss(id).status()).isEqualTo(401);
  }

  private double dayLoad(LocalDate day) {
    var days = client.get("/api/load/pmc?from=" + day + "&to=" + day).jsonArray("days");
    return days.isEmpty() ? 0 : days.getJsonObject(0).getDouble("load");
  }
}
