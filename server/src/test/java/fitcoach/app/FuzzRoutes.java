package fitcoach.app;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every route of the app with a request that would be accepted: the fuzzer starts from it and breaks one thing at a
 * time. {@link ApiFuzzTest} checks this table against the router, so a new route fails the test until it is added.
 * Path parameters are written {@code {kind}} and filled from the fixtures; body values of the form {@code {kind}} too.
 */
final class FuzzRoutes {
  /** How a route answers: JSON, a stream that ends, one that never ends, a file, a multipart upload; CSV: takes a CSV body. */
  enum Kind { JSON, SSE, ENDLESS, FILE, MULTIPART, PAGE, CSV }

  record Spec(String method, String template, Map<String, String> query, JsonObject body, Kind kind) {
    /** The route as the router names it: {@code {activity}} becomes {@code :id} etc. */
    String routerKey() {
      return method + " " + template.replaceAll("\\{[a-z]+\\}", ":_");
    }
  }

  private final List<Spec> specs = new ArrayList<>();

  static List<Spec> all(String today, String week, String openAiBaseUrl) {
    FuzzRoutes r = new FuzzRoutes();
    r.add("GET", "/api/health", Kind.JSON);
    r.add("GET", "/api/openapi.json", Kind.JSON);
    r.add("GET", "/api/auth/status", Kind.JSON);
    r.add("POST", "/api/auth/setup", body("email", "second@example.com", "password", "another long password"), Kind.JSON);
    r.add("POST", "/api/auth/login", body("email", "athlete@example.com", "password", "correct horse battery"), Kind.JSON);
    r.add("POST", "/api/auth/logout", Kind.JSON);
    r.add("GET", "/api/auth/me", Kind.JSON);
    r.add("GET", "/api/auth/session", Kind.JSON);

    r.add("GET", "/api/settings/apikey", Kind.JSON);
    r.add("POST", "/api/settings/apikey", body("provider", "openai", "baseUrl", openAiBaseUrl, "model", "llama3.2:latest"), Kind.JSON);
    r.add("DELETE", "/api/settings/apikey/{provider}", Kind.JSON);
    r.add("GET", "/api/settings/profile", Kind.JSON);
    r.add("PUT", "/api/settings/profile", new JsonObject().put("sex", "male").put("birthYear", 1985).put("weightKg", 70)
        .put("heightCm", 180).put("maxHr", 190).put("restingHr", 50).put("lthr", 170).put("ftpWatts", 250)
        .put("thresholdPaceSPerKm", 300).put("vo2max", 50).put("units", "metric").put("timeZone", "Europe/Berlin")
        .put("goals", "A marathon in spring").put("preferences", "Mornings"), Kind.JSON);
    r.add("GET", "/api/settings/thresholds", Kind.JSON);
    r.add("POST", "/api/settings/thresholds", body("kind", "ftp", "validFrom", today, "value", 250), Kind.JSON);
    r.add("PUT", "/api/settings/thresholds/{threshold}", body("validFrom", today, "value", 175), Kind.JSON);
    r.add("DELETE", "/api/settings/thresholds/{threshold}", Kind.JSON);
    r.add("GET", "/api/settings/thresholds/suggestions", Kind.JSON);
    r.add("POST", "/api/settings/thresholds/suggestions/{suggestion}/accept", Kind.JSON);
    r.add("POST", "/api/settings/thresholds/suggestions/{suggestion}/dismiss", Kind.JSON);
    r.add("GET", "/api/settings/tokens", Kind.JSON);
    r.add("POST", "/api/settings/tokens", body("name", "Fuzz app"), Kind.JSON);
    r.add("DELETE", "/api/settings/tokens/{token}", Kind.JSON);
    // /mcp: Bearer-only JSON-RPC (the fuzzer adds the fixture token most of the time); GET and DELETE answer 405.
    r.add("POST", "/mcp", body("jsonrpc", "2.0", "id", 1, "method", "tools/list"), Kind.JSON);
    r.add("ANY", "/mcp", Map.of(), null, Kind.JSON);
    r.add("GET", "/api/wellness", query("from", "2026-01-01", "to", today), null, Kind.JSON);
    r.add("PUT", "/api/wellness/{date}", new JsonObject().put("sleepHours", 7.5).put("sleepQuality", 4).put("soreness", 2)
        .put("stress", 3).put("motivation", 4).put("hrvRmssd", 62.5).put("restingHr", 48).put("weightKg", 70.5)
        .put("note", "Slept well").put("illness", false).put("injury", false), Kind.JSON);
    r.add("DELETE", "/api/wellness/{date}", Kind.JSON);
    // The body is a CSV (ApiFuzzTest picks one of its CSV bodies, good and broken).
    r.add("POST", "/api/wellness/import", Map.of(), null, Kind.CSV);
    JsonObject workout = new JsonObject().put("date", today).put("sport", "Ride").put("title", "Sweet spot")
        .put("description", "3 × 12 min").put("durationS", 3600).put("intensity", new JsonObject().put("type", "rpe").put("value", 6))
        .put("steps", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("type", "warmup").put("durationS", 600))
            .add(new JsonObject().put("type", "repeat").put("count", 3).put("steps", new io.vertx.core.json.JsonArray()
                .add(new JsonObject().put("type", "work").put("durationS", 720)
                    .put("target", new JsonObject().put("type", "ftp_percent").put("low", 88).put("high", 94)))
                .add(new JsonObject().put("type", "recovery").put("durationS", 300)))));
    r.add("GET", "/api/plan/calendar", query("from", today, "to", today), null, Kind.JSON);
    r.add("GET", "/api/plan/workouts", query("from", "2026-01-01", "to", today), null, Kind.JSON);
    r.add("POST", "/api/plan/workouts", workout, Kind.JSON);
    r.add("POST", "/api/plan/workouts/batch", new JsonObject().put("workouts", new io.vertx.core.json.JsonArray().add(workout.copy())),
        Kind.JSON);
    r.add("POST", "/api/plan/proposals", new JsonObject().put("start", today).put("days", new io.vertx.core.json.JsonArray()
        .add(new JsonObject().put("date", today).put("sport", "Ride").put("title", "Sweet spot").put("duration_min", 60)
            .put("intensity", 6).put("steps", workout.getJsonArray("steps").copy()))), Kind.JSON);
    r.add("GET", "/api/plan/workouts/{workout}", Kind.JSON);
    r.add("PUT", "/api/plan/workouts/{workout}", workout.copy(), Kind.JSON);
    r.add("DELETE", "/api/plan/workouts/{workout}", Kind.JSON);
    r.add("PUT", "/api/plan/workouts/{workout}/link", body("activityId", "{activity}"), Kind.JSON);
    r.add("DELETE", "/api/plan/workouts/{workout}/link", Kind.JSON);
    r.add("GET", "/api/plan/workouts/{workout}/fit", Map.of(), null, Kind.FILE);
    r.add("GET", "/api/plan/calendar.ics", query("token", "fct_" + "a".repeat(43)), null, Kind.FILE);
    r.add("GET", "/api/plan/events", query("from", "2026-01-01", "to", today), null, Kind.JSON);
    JsonObject event = new JsonObject().put("date", today).put("name", "City marathon").put("sport", "Run")
        .put("distanceM", 42195).put("priority", "A");
    r.add("POST", "/api/plan/events", event, Kind.JSON);
    r.add("PUT", "/api/plan/events/{event}", event.copy(), Kind.JSON);
    r.add("DELETE", "/api/plan/events/{event}", Kind.JSON);
    r.add("GET", "/api/settings/privacy-zones", Kind.JSON);
    JsonObject zone = new JsonObject().put("name", "Home").put("lat", 46.0569).put("lon", 14.5058).put("radiusM", 250);
    r.add("POST", "/api/settings/privacy-zones", zone, Kind.JSON);
    r.add("PUT", "/api/settings/privacy-zones/{zone}", zone.copy(), Kind.JSON);
    r.add("DELETE", "/api/settings/privacy-zones/{zone}", Kind.JSON);
    r.add("GET", "/api/settings/data-policy", Kind.JSON);
    r.add("PUT", "/api/settings/data-policy", body("allowStravaApi", false, "stravaRetention", "keep"), Kind.JSON);

    r.add("GET", "/api/activities", query("limit", "20", "offset", "0", "sport", "Run", "from", "2025-01-01", "to", today,
        "text", "run", "sort", "date_desc", "cursor", ApiFuzzTest.cursor("2026-01-01T00:00:00Z")), null, Kind.JSON);
    r.add("POST", "/api/activities", new JsonObject().put("sportType", "Run").put("startLocal", today + "T07:30")
        .put("timeZone", "UTC").put("durationS", 3600).put("distanceM", 10000).put("rpe", 5).put("name", "Easy run")
        .put("notes", "Felt fine"), Kind.JSON);
    r.add("GET", "/api/activities/stats", Kind.JSON);
    r.add("GET", "/api/activities/rpe-prompt", Kind.JSON);
    r.add("POST", "/api/activities/{activity}/rpe-prompt/dismiss", Kind.JSON);
    r.add("GET", "/api/activities/{activity}", Kind.JSON);
    r.add("PATCH", "/api/activities/{activity}", new JsonObject().put("rpe", 6).put("notes", "Windy").put("loadOverride", 50)
        .put("sportType", "Run").put("name", "Tempo"), Kind.JSON);
    r.add("DELETE", "/api/activities/{activity}", Kind.JSON);
    r.add("POST", "/api/activities/{activity}/unmerge", Kind.JSON);
    r.add("POST", "/api/activities/{activity}/primary", Kind.JSON);
    r.add("GET", "/api/activities/{activity}/streams", query("maxPoints", "500", "privacy", "off"), null, Kind.JSON);
    r.add("GET", "/api/activities/{activity}/leg-loads", Kind.JSON);
    r.add("GET", "/api/activities/{activity}/analysis", Kind.JSON);

    r.add("GET", "/api/load/pmc", query("from", "2026-01-01", "to", today), null, Kind.JSON);
    r.add("GET", "/api/load/settings", Kind.JSON);
    r.add("PUT", "/api/load/settings", new JsonObject().put("ctlDays", 42).put("atlDays", 7).put("gain", "exponential")
        .put("seed", new JsonObject().put("date", "2026-01-01").put("ctl", 40).put("atl", 30)), Kind.JSON);
    r.add("POST", "/api/load/recompute", Kind.JSON);
    r.add("GET", "/api/load/estimate-changes", Kind.JSON);
    r.add("POST", "/api/load/estimate-changes/dismiss",
        body("ids", new io.vertx.core.json.JsonArray().add("00000000-0000-0000-0000-000000000001")), Kind.JSON);
    r.add("GET", "/api/analytics/weekly", query("weeks", "12", "sport", "Run"), null, Kind.JSON);
    r.add("GET", "/api/analytics/sports", query("from", "2026-01-01", "to", today), null, Kind.JSON);
    r.add("GET", "/api/map/settings", Kind.JSON);
    r.add("GET", "/api/map/heatmap", query("sport", "run", "from", "2026-01-01", "to", today), null, Kind.JSON);
    r.add("GET", "/api/analysis/status", Kind.JSON);
    r.add("GET", "/api/analysis/events", Map.of(), null, Kind.ENDLESS);
    r.add("GET", "/api/analysis/curves", query("metric", "pace", "sport", "run", "from", "2025-01-01", "to", today,
        "compare_from", "2024-01-01", "compare_to", "2024-12-31"), null, Kind.JSON);
    r.add("GET", "/api/analysis/best-efforts", query("sport", "run", "from", "2025-01-01", "to", today), null, Kind.JSON);
    r.add("GET", "/api/analysis/model", query("sport", "ride", "from", "2026-01-01", "to", today, "weeks", "26"), null,
        Kind.JSON);
    r.add("GET", "/api/analysis/zones", query("weeks", "12", "sport", "all"), null, Kind.JSON);

    r.add("POST", "/api/demo", body("years", 1, "sessionsPerWeek", 3), Kind.JSON);
    r.add("DELETE", "/api/demo", Kind.JSON);

    r.add("GET", "/api/strava/connect", Kind.JSON);
    r.add("GET", "/api/strava/callback", query("state", "abc", "code", "def", "scope", "read,activity:read_all", "error", ""),
        null, Kind.JSON);
    r.add("GET", "/api/strava/status", Kind.JSON);
    r.add("DELETE", "/api/strava/disconnect", Kind.JSON);
    r.add("POST", "/api/strava/sync", Kind.JSON);
    r.add("GET", "/api/strava/sync/events", Map.of(), null, Kind.ENDLESS);
    r.add("GET", "/api/strava/webhook/subscription", Kind.JSON);
    r.add("POST", "/api/strava/webhook/subscription", body("callbackUrl", "https://fitcoach.example/api/strava/webhook"), Kind.JSON);
    r.add("DELETE", "/api/strava/webhook/subscription", Kind.JSON);
    r.add("GET", "/api/strava/webhook", query("hub.mode", "subscribe", "hub.challenge", "abc", "hub.verify_token", "token"),
        null, Kind.JSON);
    r.add("POST", "/api/strava/webhook", new JsonObject().put("aspect_type", "create").put("event_time", 1_700_000_000)
        .put("object_id", 1).put("object_type", "activity").put("owner_id", 1).put("subscription_id", 1)
        .put("updates", new JsonObject()), Kind.JSON);

    r.add("POST", "/api/imports", Map.of(), null, Kind.MULTIPART);
    r.add("GET", "/api/imports/latest", Kind.JSON);
    r.add("GET", "/api/imports/events", Map.of(), null, Kind.ENDLESS);
    r.add("GET", "/api/imports/{job}", Kind.JSON);
    r.add("GET", "/api/export", query("privacy", "on"), null, Kind.FILE);
    r.add("POST", "/api/export/restore", Map.of(), null, Kind.MULTIPART);
    r.add("GET", "/api/backups", Kind.JSON);
    // Takes no body: anything sent is ignored; a second one while the first runs is a 409.
    r.add("POST", "/api/backups", Kind.JSON);

    r.add("GET", "/api/ai/settings", Kind.JSON);
    r.add("PUT", "/api/ai/settings", body("provider", "openai", "model", "llama3.2:latest", "fastModel", "qwen2.5:7b"), Kind.JSON);
    r.add("GET", "/api/ai/models", query("provider", "openai"), null, Kind.JSON);
    r.add("GET", "/api/ai/usage", query("by", "model", "month", today.substring(0, 7)), null, Kind.JSON);
    r.add("GET", "/api/ai/prices", Kind.JSON);
    r.add("PUT", "/api/ai/prices", body("prices", new io.vertx.core.json.JsonArray().add(body("model", "llama3.2",
        "input", 0.5, "output", 1, "cacheWrite", 0.5, "cacheRead", 0.1))), Kind.JSON);
    r.add("GET", "/api/ai/budgets", Kind.JSON);
    r.add("PUT", "/api/ai/budgets", body("anthropic", 20, "openai", null), Kind.JSON);
    r.add("GET", "/api/ai/coverage", Kind.JSON);
    r.add("GET", "/api/ai/recommendation", Kind.JSON);
    r.add("POST", "/api/ai/recommendation", Map.of(), null, Kind.SSE);
    r.add("GET", "/api/ai/chat/sessions", Kind.JSON);
    r.add("POST", "/api/ai/chat/sessions", body("title", "Plans"), Kind.JSON);
    r.add("PATCH", "/api/ai/chat/sessions/{session}", body("title", "Renamed"), Kind.JSON);
    r.add("DELETE", "/api/ai/chat/sessions/{session}", Kind.JSON);
    r.add("GET", "/api/ai/chat/sessions/{session}/messages", Kind.JSON);
    r.add("POST", "/api/ai/chat", Map.of(), body("sessionId", "{session}", "message", "How is my form?", "retry", false), Kind.SSE);
    r.add("POST", "/api/ai/weekly-report", Map.of(), body("week", week), Kind.SSE);
    r.add("GET", "/api/ai/weekly-reports", Kind.JSON);
    r.add("GET", "/api/ai/weekly-reports/{week}", Kind.JSON);
    r.add("GET", "/api/reports/week", query("start", week), null, Kind.JSON);
    r.add("POST", "/api/ai/activity-insight", Map.of(), body("activityId", "{activity}", "regenerate", false), Kind.SSE);
    r.add("GET", "/api/ai/activity-insight/{activity}", Kind.JSON);
    r.add("GET", "/api/ai/streams/{stream}", Map.of(), null, Kind.SSE);
    r.add("POST", "/api/ai/streams/{stream}/stop", Kind.JSON);

    // Prometheus metrics: 404 when off (as the fuzzer runs), 405 for other methods, 403/401 for strangers when on.
    r.add("ANY", "/metrics", Map.of(), null, Kind.JSON);

    r.add("GET", "/", Map.of(), null, Kind.PAGE);
    r.add("GET", "/index.html", Map.of(), null, Kind.PAGE);
    r.add("GET", "/assets/*", Map.of(), null, Kind.PAGE);
    r.add("GET", "*", Map.of(), null, Kind.PAGE);
    r.add("ANY", "/eventbus/*", Map.of(), null, Kind.PAGE);
    // SockJS frames (xhr_send) are bodies of their own: a hostile one must be refused, never a 500.
    r.add("POST", "/eventbus/*", Map.of(), null, Kind.PAGE);
    return r.specs;
  }

  private void add(String method, String template, Kind kind) {
    add(method, template, Map.of(), method.equals("GET") || method.equals("DELETE") ? null : new JsonObject(), kind);
  }

  private void add(String method, String template, JsonObject body, Kind kind) {
    add(method, template, Map.of(), body, kind);
  }

  private void add(String method, String template, Map<String, String> query, JsonObject body, Kind kind) {
    specs.add(new Spec(method, template, query, body, kind));
  }

  private static Map<String, String> query(String... pairs) {
    Map<String, String> q = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      q.put(pairs[i], pairs[i + 1]);
    }
    return q;
  }

  private static JsonObject body(Object... pairs) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < pairs.length; i += 2) {
      o.put((String) pairs[i], pairs[i + 1]);
    }
    return o;
  }
}
