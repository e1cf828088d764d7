package fitcoach.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.garmin.fit.Decode;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.WktStepTarget;
import com.garmin.fit.WorkoutStepMesg;
import com.garmin.fit.WorkoutStepMesgListener;
import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The plan through the app's own routes as files: a FIT workout a watch loads, the feed a phone calendar subscribes to. */
class PlanFilesTest extends ApiTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private static List<WorkoutStepMesg> steps(byte[] fit) {
    assertThat(new Decode().checkFileIntegrity(new ByteArrayInputStream(fit))).isTrue();
    Decode decode = new Decode();
    MesgBroadcaster broadcaster = new MesgBroadcaster(decode);
    List<WorkoutStepMesg> steps = new ArrayList<>();
    broadcaster.addListener((WorkoutStepMesgListener) steps::add);
    assertThat(decode.read(new ByteArrayInputStream(fit), broadcaster, broadcaster)).isTrue();
    return steps;
  }

  @Test
  @DisplayName("A planned workout downloads as a FIT workout file; a %LTHR target needs the athlete's LTHR first")
  void fitDownload() {
    TestClient c = signedIn();
    JsonArray steps = new JsonArray()
        .add(new JsonObject().put("type", "warmup").put("durationS", 600))
        .add(new JsonObject().put("type", "repeat").put("count", 3).put("steps", new JsonArray()
            .add(new JsonObject().put("type", "work").put("durationS", 300)
                .put("target", new JsonObject().put("type", "lthr_percent").put("low", 95).put("high", 100)))
            .add(new JsonObject().put("type", "recovery").put("durationS", 120))))
        .add(new JsonObject().put("type", "cooldown").put("durationS", 300));
    String id = c.post("/api/plan/workouts", new JsonObject().put("date", TODAY.plusDays(1).toString()).put("sport", "Run")
        .put("title", "Threshold / 3×5").put("steps", steps)).json().getString("id");

    var missing = c.get("/api/plan/workouts/" + id + "/fit");
    assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
    assertThat(missing.errorCode()).isEqualTo("lthr_missing");

    assertThat(c.post("/api/settings/thresholds", new JsonObject().put("kind", "lthr")
        .put("validFrom", TODAY.minusDays(30).toString()).put("value", 170)).status()).isLessThan(300);
    var file = c.send("GET", "/api/plan/workouts/" + id + "/fit", null, null);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("Content-Type")).isEqualTo("application/vnd.ant.fit");
    assertThat(file.header("Content-Disposition")).contains("Threshold-3").endsWith(".fit\"");
    List<WorkoutStepMesg> decoded = steps(c.download("/api/plan/workouts/" + id + "/fit"));
    // warm-up, work, recovery, the repeat step, cool-down
    assertThat(decoded).hasSize(5);
    WorkoutStepMesg work = decoded.get(1);
    assertThat(work.getTargetType()).isEqualTo(WktStepTarget.HEART_RATE);
    // FIT writes a heart rate as bpm + 100: 95–100 % of 170 is 162–170 bpm.
    assertThat(work.getCustomTargetHeartRateLow()).isEqualTo(100 + Math.round(0.95f * 170));
    assertThat(work.getCustomTargetHeartRateHigh()).isEqualTo(100 + 170);
    assertThat(decoded.get(3).getRepeatSteps()).isEqualTo(3L);

    assertThat(c.get("/api/plan/workouts/" + java.util.UUID.randomUUID() + "/fit").status()).isEqualTo(404);
    assertThat(new TestClient(app.port()).get("/api/plan/workouts/" + id + "/fit").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("The calendar feed answers a calendar-scope token with valid iCalendar, and refuses no token, a revoked one or one of another scope")
  void calendarFeed() throws Exception {
    TestClient c = signedIn();
    c.post("/api/plan/workouts", new JsonObject().put("date", TODAY.plusDays(3).toString()).put("sport", "Ride")
        .put("title", "Long ride; easy, \"chatty\"").put("durationS", 10_800).put("targetLoad", 150));
    c.post("/api/plan/events", new JsonObject().put("date", TODAY.plusDays(90).toString()).put("name", "Gran Fondo")
        .put("sport", "Ride").put("distanceM", 160_000).put("priority", "A"));
    var created = c.post("/api/settings/tokens", new JsonObject().put("name", "Phone calendar").put("scope", "calendar"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String token = created.json().getString("token");
    TestClient phone = new TestClient(app.port()).nonBrowser();

    var feed = phone.get("/api/plan/calendar.ics?token=" + token);
    assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
    assertThat(feed.header("Content-Type")).startsWith("text/calendar");
    Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
    assertThat(calendar.validate().hasErrors()).isFalse();
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    assertThat(events).hasSize(2);
    assertThat(events.stream().map(e -> e.getProperty(Property.SUMMARY).map(Property::getValue).orElse("")).toList())
        .anySatisfy(s -> assertThat(s).contains("Long ride; easy, \"chatty\""))
        .anySatisfy(s -> assertThat(s).contains("Gran Fondo"));

    assertThat(phone.get("/api/plan/calendar.ics").status()).isEqualTo(401);
    assertThat(phone.get("/api/plan/calendar.ics?token=fct_notatoken").status()).isEqualTo(401);
    String mcp = c.post("/api/settings/tokens", new JsonObject().put("name", "Claude")).json().getString("token");
    var wrongScope = phone.get("/api/plan/calendar.ics?token=" + mcp);
    assertThat(wrongScope.status()).isEqualTo(403);
    assertThat(wrongScope.errorCode()).isEqualTo("insufficient_scope");
    // The calendar token opens nothing else: not the MCP endpoint.
    var asMcp = phone.header("Authorization", "Bearer " + token).post("/mcp", new JsonObject().put("jsonrpc", "2.0")
        .put("id", 1).put("method", "ping"));
    assertThat(asMcp.status()).isEqualTo(403);
    assertThat(c.delete("/api/settings/tokens/" + created.json().getString("id")).status()).isEqualTo(204);
    assertThat(new TestClient(app.port()).get("/api/plan/calendar.ics?token=" + token).status()).isEqualTo(401);
  }
}
