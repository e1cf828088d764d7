package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.settings.DataPolicy;
import fitcoach.testing.SseStream;
import fitcoach.testing.llm.RecordedRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The coach data policy, enforced where the context is built: what reaches the (fake) LLM, byte for byte. */
class CoachDataPolicyTest extends CoachTestBase {
  private static final String SECRET_NAME = "Zebra Strava-only interval session";
  private static final Pattern FITNESS = Pattern.compile("After today's training so far \\(load [0-9]+\\): fitness ([0-9.]+)");

  private RecordedRequest ask(String path, JsonObject body) {
    int before = completions().size();
    try (SseStream s = client.stream("POST", path, body, null)) {
      last(s.rest(WAIT), "done");
    }
    // A new chat session also asks for its title, in parallel: the answer's request is the one that is not that.
    return completions().subList(before, completions().size()).stream()
        .filter(r -> !r.rawBody().contains("You name chat conversations")).findFirst()
        .orElseThrow(() -> new AssertionError("no answer request after " + before));
  }

  private static String fitness(RecordedRequest request) {
    Matcher m = FITNESS.matcher(request.system());
    assertThat(m.find()).as(request.system()).isTrue();
    return m.group(1);
  }

  @Test
  @DisplayName("With the policy off, no byte of a Strava-API-only activity reaches the LLM, not even through the numbers")
  void stravaApiExcluded() {
    String own = activity("file", "Long run from my watch", 3, 7200, 24_000, 145);
    String strava = activity("strava", SECRET_NAME, 2, 5400, 31_337, 171);
    client.post("/api/load/recompute", null);

    RecordedRequest withPolicyOff = ask("/api/ai/recommendation", null);
    assertThat(withPolicyOff.rawBody()).doesNotContain("Zebra").doesNotContain(strava).doesNotContain("31.34")
        .contains("Long run from my watch");
    RecordedRequest chat = ask("/api/ai/chat", new JsonObject().put("message", "How was my week?"));
    assertThat(chat.rawBody()).doesNotContain("Zebra").doesNotContain(strava);
    RecordedRequest report = ask("/api/ai/weekly-report", new JsonObject());
    assertThat(report.rawBody()).doesNotContain("Zebra").doesNotContain(strava);
    assertThat(string("SELECT context_activity_ids::text FROM recommendations")).contains(own).doesNotContain(strava);

    // The numbers in the prompt are those of the athlete's own data alone.
    String fitnessWithout = fitness(withPolicyOff);
    var insight = client.post("/api/ai/activity-insight", new JsonObject().put("activityId", strava));
    assertThat(insight.status()).isEqualTo(403);
    assertThat(insight.errorCode()).isEqualTo("excluded_by_data_policy");

    var allowed = client.put("/api/settings/data-policy", new JsonObject().put("allowStravaApi", true)
        .put("acknowledgement", DataPolicy.ACKNOWLEDGEMENT));
    assertThat(allowed.status()).isEqualTo(200);
    RecordedRequest withPolicyOn = ask("/api/ai/recommendation", null);
    assertThat(withPolicyOn.system()).contains(SECRET_NAME);
    assertThat(fitness(withPolicyOn)).isNotEqualTo(fitnessWithout);
    assertThat(string("SELECT context_activity_ids::text FROM recommendations")).contains(own).contains(strava);

    // The chart the athlete sees counts everything; with everything allowed the coach's numbers are the same.
    JsonObject stats = client.get("/api/activities/stats").json();
    assertThat(Double.parseDouble(fitness(withPolicyOn))).isCloseTo(stats.getDouble("ctl"),
        org.assertj.core.data.Offset.offset(0.051));
  }

  @Test
  @DisplayName("A Strava activity merged with its device file reaches the coach through the file, whatever the policy")
  void mergedActivityUsesTheFile() {
    String file = activity("file", "Morning ride (device)", 1, 3600, 30_000, 140);
    String strava = activity("strava", SECRET_NAME, 1, 3600, 30_000, 140);
    assertThat(string("SELECT primary_activity_id::text FROM activities WHERE id = '" + strava + "'")).isEqualTo(file);
    RecordedRequest request = ask("/api/ai/recommendation", null);
    assertThat(request.system()).contains("Morning ride (device)").doesNotContain("Zebra");
    List<String> given = List.of(string("SELECT context_activity_ids::text FROM recommendations"));
    assertThat(given.get(0)).contains(file).doesNotContain(strava);
  }

  @Test
  @DisplayName("A Strava API copy leading a manual entry of the same run: with the policy off the coach reads the entry, never the Strava copy")
  void stravaCopyLeadingAManualEntry() {
    String strava = activity("strava", SECRET_NAME, 1, 3600, 31_337, 171);
    String manual = activity("manual", "Typed-in tempo run", 1, 3600, 10_000, 150);
    // The Strava API copy leads (it outranks a manual entry) and counts in the chart; the coach may not read it.
    assertThat(string("SELECT primary_activity_id::text FROM activities WHERE id = '" + manual + "'")).isEqualTo(strava);
    RecordedRequest request = ask("/api/ai/recommendation", null);
    assertThat(request.rawBody()).doesNotContain("Zebra").doesNotContain(strava).doesNotContain("31.34")
        .contains("Typed-in tempo run");
    assertThat(string("SELECT context_activity_ids::text FROM recommendations")).contains(manual).doesNotContain(strava);
    RecordedRequest chat = ask("/api/ai/chat", new JsonObject().put("message", "How was my week?"));
    assertThat(chat.rawBody()).doesNotContain("Zebra").doesNotContain(strava).contains("Typed-in tempo run");
    // An insight asked for the Strava copy is written from the copy the coach may read.
    RecordedRequest insight = ask("/api/ai/activity-insight", new JsonObject().put("activityId", strava));
    assertThat(insight.rawBody()).doesNotContain("Zebra").doesNotContain("31.34").contains("Typed-in tempo run");
  }
}
