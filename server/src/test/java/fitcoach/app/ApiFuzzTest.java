package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.RawRequest;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.llm.FakeAnthropic;
import fitcoach.testing.llm.FakeOpenAi;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of every route, signed in and signed out: each request starts from one the route accepts (see
 * {@link FuzzRoutes}) and breaks one thing (a NUL, a lone %, invalid UTF-8, a huge number, a date in year 0 or
 * ±999999999, a long string, a wrong JSON type, an array for an object, an empty body). It fails on any 5xx, on any
 * request left without an answer, and on any change to the stored data by a request that was refused (4xx).
 * {@code -Dfuzz.seed=N} replays a run, {@code -Dfuzz.requests=N} changes its length.
 */
class ApiFuzzTest extends ApiTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20261206L);
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2000);
  private static final int TIMEOUT_MS = 15_000;
  private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
  private static final String YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
  private static final String WEEK = LocalDate.now(ZoneOffset.UTC).get(IsoFields.WEEK_BASED_YEAR) + "-W"
      + String.format("%02d", LocalDate.now(ZoneOffset.UTC).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));

  /** JSON texts put in place of one field's value. */
  private static final List<String> JSON_VALUES = List.of(
      "\"\\u0000\"", "\"run\\u0000\"", "\"\\ud800\"", "\"a\\udfffb\"", "\"\"", "\"   \"", "null", "true", "false", "0", "-1",
      "1.5", "2147483648", "-2147483649", "9223372036854775808", "1e308", "1e309", "-1e309", "1e-400",
      "123456789012345678901234567890", "[]", "[1,2]", "[\"a\"]", "{}", "{\"a\":1}", "\"+999999970-01-01\"",
      "\"-999999999-01-01T00:00\"", "\"0000-01-01\"", "\"0001-01-01T00:00\"", "\"0001-01-01\"", "\"9999-12-31T23:59\"",
      "\"9999-12-31\"", "\"1969-12-31T23:59\"", "\"1970-01-01T00:00\"", "\"+999999999-12-31\"", "\"-999999999-01-01\"",
      "\"2026-W99\"", "\"9999-W52\"", "\"0000-W01\"", "\"" + "x".repeat(100_000) + "\"", "\"日本語🏃\"",
      "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"", "\"NaN\"", "\"Infinity\"", "-0", "0.0000001",
      "\"../../etc/passwd\"", "\"00000000-0000-0000-0000-000000000000\"", "\"Europe/Nowhere\"", "\"+18:00\"",
      "\"Etc/GMT+12\"", "\"linear\"", "\"openai\"", "\"anthropic\"", "\"Run\"", "\"\\r\\n\\t\"", "\"%\"", "\"%00\"");
  /** Query values, sent as they are (some are deliberately broken percent-encoding). */
  private static final List<String> QUERY_VALUES = List.of(
      "%", "%2", "%ZZ", "%00", "a%00b", "%FF%FE", "%C0%80", "%ED%A0%80", "%E2%82", "", "%2B999999970-01-01",
      "-999999999-01-01", "0000-01-01", "0001-01-01", "1969-12-31", "9999-12-31", "%2B999999999-12-31", "2026-02-30",
      "99999999999999999999", "-1", "0", "2147483648", "1e9", "NaN", "a".repeat(10_000), "%E6%97%A5", "null", "true",
      "%5B%5D", "date_asc", "Run", "openai", "eventbus", "1970-01-01", TODAY, "10001", "%0D%0A",
      cursor("+1000000000-12-31T23:59:59Z"), cursor("-1000000000-01-01T00:00:00Z"), cursor("0000-01-01T00:00:00Z"), "bm90IGEgY3Vyc29y");
  /** Path segments in place of an id, a provider or a week. */
  private static final List<String> PATH_VALUES = List.of(
      "x", "00000000-0000-0000-0000-000000000000", "%00", "%", "%ZZ", "%FF", "..%2F..%2Fetc", "a".repeat(5000), "-1",
      "999999999999999999999", "%2B999999999-W01", "9999-W53", "0000-W01", "-999999999-01-01", "2026-W99", "9999-12-31",
      "0001-01-01", "1969-W01", "openai", "anthropic", "%E6%97%A5", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
  /** Whole bodies, as bytes. */
  private static final List<byte[]> BODIES = List.of(
      bytes(""), bytes("null"), bytes("[]"), bytes("[{}]"), bytes("\"s\""), bytes("42"), bytes("{"), bytes("{\"a\":"),
      bytes("{}{}"), bytes("{\"x\":\"a\u0000b\"}"), bytes("[".repeat(5000) + "]".repeat(5000)),
      bytes("\uFEFF{}"), new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'},
      new byte[] {'{', '"', (byte) 0xc3, '"', ':', '1', '}'}, new byte[2 * 1024 * 1024]);

  /** CSV bodies for the wellness import: good, with bad rows and unknown columns, and broken whole. */
  private static final List<String> CSV_BODIES = List.of(
      "date,rMSSD,RHR,sleep_hours,soreness,note\n" + YESTERDAY + ",62.5,48,7:30,2,\"fine, rested\"\n",
      "Date,HRV,Resting HR,Steps\n" + YESTERDAY + ",4,48,1000\n0000-01-01,60,50,1\n9999-12-31,60,50,1\n",
      "date;Weight;Notes\n" + YESTERDAY + ";70,5;a\u0000b\n", "rmssd\n60\n", "date\n", "", "\uFEFF", "date,note\n"
      + YESTERDAY + ",\"unclosed\n", "date,stress\n" + YESTERDAY + ",99\n" + YESTERDAY + ",2.5\n",
      "date,note\n" + YESTERDAY + "," + "x".repeat(5000) + "\n", ",,,\n,,,\n", "\"a\"b,c\n1,2\n");

  private Vertx fakes;
  private FakeOpenAi openai;
  private FakeAnthropic anthropic;
  private Connection db;
  private String digestSql;
  private Map<String, String> baseline;
  private long baselineXmax;
  private final Map<String, List<String>> failures = new TreeMap<>();
  private final List<String> activityIds = new ArrayList<>();
  private final List<String> sessionIds = new ArrayList<>();
  private final List<String> thresholdIds = new ArrayList<>();
  private String jobId = UUID.randomUUID().toString();
  /** An access token for /mcp, kept out of the ids the fuzzer may revoke. */
  private String mcpToken = "none";
  private String mcpTokenId = "none";
  private final List<String> tokenIds = new ArrayList<>();
  private final List<String> workoutIds = new ArrayList<>();
  private final List<String> eventIds = new ArrayList<>();
  private final List<String> zoneIds = new ArrayList<>();

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    fakes = Vertx.vertx();
    openai = await(FakeOpenAi.start(fakes)).keyless();
    anthropic = await(FakeAnthropic.start(fakes));
    // No request may reach a real provider, whatever key the fuzzer stores.
    env.put("ANTHROPIC_BASE_URL", anthropic.baseUrl());
    env.put("FITCOACH_STREAM_GRACE_MS", "200");
    env.put("FITCOACH_LLM_RETRY_BASE_MS", "10");
    env.put("FITCOACH_LLM_IDLE_TIMEOUT_SECONDS", "2");
    return env;
  }

  @AfterAll
  void stopFakes() throws Exception {
    fakes.close();
    if (db != null) {
      db.close();
    }
  }

  @Test
  @DisplayName("Thousands of hostile requests over every route answer without a 5xx, and the refused ones store nothing")
  void fuzzEveryRoute() throws Exception {
    List<FuzzRoutes.Spec> specs = FuzzRoutes.all(YESTERDAY, WEEK, openai.baseUrl());
    TreeSet<String> covered = new TreeSet<>();
    specs.forEach(s -> covered.add(s.routerKey()));
    assertThat(covered).as("routes of the router (add new ones to FuzzRoutes)").isEqualTo(routerKeys());

    fixtures();
    // First uses (the LLM client's DNS resolver, JFR events, serialisers) may hold an event loop once while the fixtures
    // are made; those are not what this test is about. Blocked loops during the fuzzing itself still fail it.
    fitcoach.testing.BlockedThreadDetector.drain();
    DatabaseUrl url = TestDatabase.url();
    db = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    RawRequest http = new RawRequest(app.port(), TIMEOUT_MS);
    Random random = new Random(SEED);
    System.out.println("ApiFuzzTest: seed " + SEED + ", " + REQUESTS + " requests over " + specs.size() + " routes");

    quiesce("fixtures", false, 200);
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Long> spent = new TreeMap<>();
    long t0 = System.nanoTime();
    List<FuzzRoutes.Spec> round = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      if (round.isEmpty()) {
        round.addAll(specs);
        Collections.shuffle(round, random);
        refreshIds();
      }
      FuzzRoutes.Spec spec = round.remove(round.size() - 1);
      long started = System.nanoTime();
      Request request = request(spec, random);
      RawRequest.Response response = http.send(request.method, request.target, request.headers, request.body,
          spec.kind() == FuzzRoutes.Kind.ENDLESS || spec.kind() == FuzzRoutes.Kind.PAGE ? RawRequest.Read.HEADERS : RawRequest.Read.ALL);
      statuses.merge(response.status(), 1, Integer::sum);
      String where = spec.method() + " " + spec.template();
      // An upload refused before its body was read is answered and closed; the client, still sending, may see only the
      // close. That is a refusal, checked like any other for stored changes.
      boolean refusedUnread = response.closedEarly() && request.body != null && request.body.length > 0;
      if (response.timedOut() || (response.status() == 0 && !refusedUnread) || response.status() >= 500) {
        failures.computeIfAbsent(where + " → " + (response.timedOut() ? "no answer" : response.status()), k -> new ArrayList<>())
            .add("#" + i + " " + request + " → " + response);
        quiesce(where, false, 30);
      } else if (response.status() >= 400 || refusedUnread) {
        // Any write takes a transaction id; only when one was taken are the tables compared.
        long xmax = xmax();
        if (xmax != baselineXmax) {
          Map<String, String> after = digest();
          if (!after.equals(baseline)) {
            failures.computeIfAbsent(where + " → " + response.status() + " stored a change", k -> new ArrayList<>())
                .add("#" + i + " " + request + " → " + response + "; changed: " + changed(baseline, after));
          }
          quiesce(where, false, 30);
        }
      } else {
        // After an answer from the coach, a title for the chat may still be asked for and its usage recorded.
        // A write's follow-up work (the load recompute, the analysis worker) moves between threads: give it a moment
        // of quiet longer than one hop under load before taking the new baseline.
        quiesce(where, request.method.equals("GET"), spec.kind() == FuzzRoutes.Kind.SSE ? 200
            : request.method.equals("GET") ? 30 : 100);
      }
      spent.merge(where, (System.nanoTime() - started) / 1_000_000, Long::sum);
    }
    System.out.println("ApiFuzzTest: slowest routes (ms) " + spent.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12).toList());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("ApiFuzzTest: " + REQUESTS + " requests in " + ms + " ms; statuses " + statuses);
    StringBuilder report = new StringBuilder();
    failures.forEach((kind, examples) -> report.append("\n").append(kind).append(" (").append(examples.size()).append("×), e.g. ")
        .append(examples.get(0)));
    System.out.println("ApiFuzzTest failures (seed " + SEED + "):" + report);
    assertThat(failures).as("failures with seed " + SEED + ":" + report).isEmpty();
  }

  /** "METHOD /path" of every endpoint the router serves; sub-routers (the event bus) as "ANY /path/*". */
  private TreeSet<String> routerKeys() {
    TreeSet<String> keys = new TreeSet<>();
    for (Route r : app.routes()) {
      String path = r.getPath() == null ? "*" : r.getPath().replaceAll(":[A-Za-z]+", ":_") + (r.isExactPath() ? "" : "*");
      if (r.methods() == null) {
        if (r.getPath() != null && !r.getPath().startsWith("/api/")) {
          keys.add("ANY " + path);
        }
      } else {
        for (HttpMethod m : r.methods()) {
          keys.add(m.name() + " " + path);
        }
      }
    }
    return keys;
  }

  private void fixtures() throws InterruptedException {
    signedIn();
    assertThat(client.post("/api/settings/apikey", new JsonObject().put("provider", "openai").put("baseUrl", openai.baseUrl())
        .put("model", "llama3.2:latest")).status()).isEqualTo(200);
    for (int d = 1; d <= 3; d++) {
      var r = client.post("/api/activities", new JsonObject().put("sportType", d == 2 ? "Ride" : "Run")
          .put("startLocal", LocalDate.now(ZoneOffset.UTC).minusDays(d) + "T07:00").put("durationS", 1800 * d)
          .put("distanceM", 5000 * d).put("rpe", 4 + d).put("name", "Fixture " + d));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    var upload = client.upload("/api/imports", "files", Map.of("run.gpx", gpx(LocalDate.now(ZoneOffset.UTC).minusDays(5)
        .atTime(8, 0).toInstant(ZoneOffset.UTC), 600).getBytes(StandardCharsets.UTF_8)));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    jobId = upload.json().getString("jobId");
    // The first file in a region loads its time-zone map, seconds on a busy machine.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!"done".equals(client.get("/api/imports/latest").json().getString("state"))) {
      assertThat(System.nanoTime()).as("fixture import done within 60 s").isLessThan(deadline);
      Thread.sleep(25);
    }
    var threshold = client.post("/api/settings/thresholds", new JsonObject().put("kind", "lthr")
        .put("validFrom", LocalDate.now(ZoneOffset.UTC).minusDays(30).toString()).put("value", 170));
    assertThat(threshold.status()).as(threshold.toString()).isEqualTo(201);
    var token = client.post("/api/settings/tokens", new JsonObject().put("name", "Fuzz MCP client"));
    assertThat(token.status()).as(token.toString()).isEqualTo(201);
    mcpToken = token.json().getString("token");
    mcpTokenId = token.json().getString("id");
    var session = client.post("/api/ai/chat/sessions", new JsonObject().put("title", "Fixture chat"));
    assertThat(session.status()).as(session.toString()).isEqualTo(201);
    var workout = client.post("/api/plan/workouts", new JsonObject().put("date", LocalDate.now(ZoneOffset.UTC).toString())
        .put("sport", "Run").put("title", "Easy run").put("durationS", 2700));
    assertThat(workout.status()).as(workout.toString()).isEqualTo(201);
    var event = client.post("/api/plan/events", new JsonObject().put("date", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString())
        .put("name", "Fixture 10k").put("sport", "Run").put("priority", "B"));
    assertThat(event.status()).as(event.toString()).isEqualTo(201);
    var zone = client.post("/api/settings/privacy-zones", new JsonObject().put("name", "Fixture home").put("lat", 46.0)
        .put("lon", 14.5).put("radiusM", 300));
    assertThat(zone.status()).as(zone.toString()).isEqualTo(201);
    refreshIds();
  }

  private void refreshIds() {
    activityIds.clear();
    activityIds.addAll(TestDatabase.query("SELECT id::text FROM activities ORDER BY start_date", FuzzIds::strings));
    sessionIds.clear();
    sessionIds.addAll(TestDatabase.query("SELECT id::text FROM chat_sessions ORDER BY created_at", FuzzIds::strings));
    thresholdIds.clear();
    thresholdIds.addAll(TestDatabase.query("SELECT id::text FROM threshold_history ORDER BY kind, valid_from", FuzzIds::strings));
    tokenIds.clear();
    tokenIds.addAll(TestDatabase.query("SELECT id::text FROM access_tokens ORDER BY created_at", FuzzIds::strings));
    tokenIds.remove(mcpTokenId);
    workoutIds.clear();
    workoutIds.addAll(TestDatabase.query("SELECT id::text FROM planned_workouts ORDER BY created_at", FuzzIds::strings));
    eventIds.clear();
    eventIds.addAll(TestDatabase.query("SELECT id::text FROM planned_events ORDER BY created_at", FuzzIds::strings));
    zoneIds.clear();
    zoneIds.addAll(TestDatabase.query("SELECT id::text FROM privacy_zones ORDER BY created_at", FuzzIds::strings));
  }

  private record Request(String method, String target, Map<String, String> headers, byte[] body) {
    @Override
    public String toString() {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      String shown = text.length() > 200 ? text.substring(0, 200) + "…(" + body.length + " bytes)" : text;
      String t = target.length() > 200 ? target.substring(0, 200) + "…" : target;
      return method + " " + t + " " + headers.getOrDefault("Cookie", "signed out").replaceAll("=.*", "") + " " + shown;
    }
  }

  private Request request(FuzzRoutes.Spec spec, Random random) {
    String method = spec.method().equals("ANY") ? pick(random, List.of("GET", "POST")) : spec.method();
    Map<String, String> query = new LinkedHashMap<>(spec.query());
    // Not every valid parameter every time: absent parameters take other paths.
    query.keySet().removeIf(k -> random.nextInt(4) == 0);
    JsonObject body = spec.body() == null ? null : resolve(spec.body().copy(), random);
    String rawBody = body == null ? null : body.encode();
    byte[] bodyBytes = null;
    String path = pathOf(spec, random, false);
    Map<String, String> headers = new LinkedHashMap<>();
    String contentType = "application/json";
    if (spec.kind() == FuzzRoutes.Kind.CSV) {
      rawBody = pick(random, CSV_BODIES);
      contentType = "text/csv";
    }
    int mutation = random.nextInt(100);
    if (mutation < 12) {
      // unchanged: the happy path changes state too, and the next refused request must not
    } else if (mutation < 40 && body != null && !body.isEmpty()) {
      List<String> fields = new ArrayList<>(body.fieldNames());
      String field = pick(random, fields);
      rawBody = withField(body, field, pick(random, JSON_VALUES));
    } else if (mutation < 48 && body != null) {
      rawBody = random.nextBoolean() || body.isEmpty() ? withField(body, "unknownField", pick(random, JSON_VALUES))
          : withField(body, body.fieldNames().iterator().next(), null);
    } else if (mutation < 58) {
      bodyBytes = pick(random, BODIES);
    } else if (mutation < 78) {
      List<String> keys = new ArrayList<>(spec.query().keySet());
      keys.add("unknown");
      keys.add("%");
      keys.add("a%00b");
      String key = pick(random, keys);
      query.put(key, pick(random, QUERY_VALUES));
    } else if (mutation < 90 && spec.template().contains("{")) {
      path = pathOf(spec, random, true);
    } else {
      contentType = pick(random, List.of("text/plain", "", "application/json; charset=iso-8859-1", "multipart/form-data",
          "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"));
      if (contentType.startsWith("application/x-www-form") && random.nextBoolean()) {
        bodyBytes = bytes(pick(random, List.of("a=%", "%=1", "a=%FF%FE", "a=%00", "a=1&b=2", "=", "&&&")));
      }
    }
    if (bodyBytes == null && rawBody != null) {
      bodyBytes = rawBody.getBytes(StandardCharsets.UTF_8);
    }
    if (spec.kind() == FuzzRoutes.Kind.MULTIPART && random.nextBoolean()) {
      String boundary = "fuzz" + random.nextInt(1_000_000);
      bodyBytes = multipart(boundary, spec.template().contains("restore") ? "file" : "files", random);
      contentType = "multipart/form-data; boundary=" + boundary;
    }
    if (!contentType.isEmpty() && bodyBytes != null) {
      headers.put("Content-Type", contentType);
    }
    if (!method.equals("GET")) {
      headers.put("Origin", "http://127.0.0.1:" + app.port());
    }
    int who = random.nextInt(20);
    // Signing out the fuzzer's own session would turn the rest of the run into 401s.
    boolean mayUseSession = !spec.template().equals("/api/auth/logout");
    if (who < 15 && mayUseSession) {
      headers.put("Cookie", client.cookie());
    } else if (who < 17) {
      headers.put("Cookie", pick(random, List.of("fitcoach_token=x", "fitcoach_token=", "fitcoach_token=%00",
          "fitcoach_token=" + "a".repeat(5000), "fitcoach_token=eyJhbGciOiJIUzI1NiJ9.e30.x")));
    }
    if (spec.template().equals("/mcp") && random.nextInt(10) < 8) {
      headers.put("Authorization", "Bearer " + mcpToken);
    }
    StringBuilder target = new StringBuilder(path);
    if (!query.isEmpty()) {
      target.append('?');
      query.forEach((k, v) -> target.append(target.charAt(target.length() - 1) == '?' ? "" : "&").append(encodeKey(k))
          .append('=').append(spec.query().containsKey(k) && spec.query().get(k).equals(v) ? encode(v) : v));
    }
    return new Request(method, target.toString(), headers, bodyBytes);
  }

  private String pathOf(FuzzRoutes.Spec spec, Random random, boolean hostile) {
    String template = spec.template();
    if (spec.kind() == FuzzRoutes.Kind.PAGE) {
      return switch (template) {
        case "/assets/*" -> "/assets/" + pick(random, List.of("x.js", "%00", "..%2F..%2Fetc%2Fpasswd", "%", "a".repeat(3000)));
        case "*" -> "/" + pick(random, List.of("settings", "activities/42", "%", "%00", "%FF", "a/b/c", "a".repeat(3000)));
        case "/eventbus/*" -> "/eventbus/" + pick(random, List.of("info", "123/abc/xhr_send", "123/abc/xhr", "%", "%00/x/xhr"));
        default -> template;
      };
    }
    Matcher m = Pattern.compile("\\{([a-z]+)\\}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = hostile ? pick(random, PATH_VALUES) : valid(m.group(1), random);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String valid(String kind, Random random) {
    return switch (kind) {
      case "activity" -> activityIds.isEmpty() ? UUID.randomUUID().toString() : pick(random, activityIds);
      case "session" -> sessionIds.isEmpty() ? UUID.randomUUID().toString() : pick(random, sessionIds);
      case "threshold" -> thresholdIds.isEmpty() ? UUID.randomUUID().toString() : pick(random, thresholdIds);
      case "provider" -> pick(random, List.of("openai", "anthropic"));
      case "week" -> pick(random, List.of(WEEK, YESTERDAY));
      case "job" -> jobId;
      case "token" -> tokenIds.isEmpty() ? UUID.randomUUID().toString() : pick(random, tokenIds);
      case "date" -> pick(random, List.of(YESTERDAY, TODAY));
      case "workout" -> workoutIds.isEmpty() ? UUID.randomUUID().toString() : pick(random, workoutIds);
      case "event" -> eventIds.isEmpty() ? UUID.randomUUID().toString() : pick(random, eventIds);
      case "zone" -> zoneIds.isEmpty() ? UUID.randomUUID().toString() : pick(random, zoneIds);
      default -> UUID.randomUUID().toString();
    };
  }

  private JsonObject resolve(JsonObject body, Random random) {
    for (String k : new ArrayList<>(body.fieldNames())) {
      if (body.getValue(k) instanceof String s && s.matches("\\{[a-z]+\\}")) {
        body.put(k, valid(s.substring(1, s.length() - 1), random));
      }
    }
    return body;
  }

  /** The body's JSON with {@code field} set to the JSON text {@code rawValue}, or removed when it is null. */
  private static String withField(JsonObject body, String field, String rawValue) {
    JsonObject copy = body.copy();
    copy.remove(field);
    String rest = copy.encode();
    if (rawValue == null) {
      return rest;
    }
    String member = JsonObject.of(field, 0).encode();
    member = member.substring(1, member.length() - 2) + rawValue;
    return copy.isEmpty() ? "{" + member + "}" : "{" + member + "," + rest.substring(1);
  }

  private static byte[] multipart(String boundary, String field, Random random) {
    String name = pick(random, List.of("run.gpx", "run.fit", "a\u0000b.gpx", "x".repeat(300) + ".gpx", "../../evil.gpx",
        "日本.tcx", "export.zip", "%.gpx"));
    byte[] content = switch (random.nextInt(5)) {
      case 0 -> gpx(java.time.Instant.parse("9999-01-01T08:00:00Z"), 60).getBytes(StandardCharsets.UTF_8);
      case 1 -> gpx(java.time.Instant.parse("1900-01-01T08:00:00Z"), 60).getBytes(StandardCharsets.UTF_8);
      case 2 -> gpx(LocalDate.now(ZoneOffset.UTC).minusDays(30).atTime(6, 0).toInstant(ZoneOffset.UTC), 30)
          .getBytes(StandardCharsets.UTF_8);
      case 3 -> new byte[] {'P', 'K', 3, 4, 0, 0};
      default -> new byte[0];
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** A GPX run of {@code minutes} with a point every 10 s. */
  static String gpx(java.time.Instant start, int minutes) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"fuzz\" "
        + "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>");
    for (int s = 0; s <= minutes * 60; s += 10) {
      sb.append("<trkpt lat=\"").append(46.0 + s * 0.00003).append("\" lon=\"14.5\"><ele>300</ele><time>")
          .append(start.plusSeconds(s)).append("</time></trkpt>");
    }
    return sb.append("</trkseg></trk></gpx>").toString();
  }

  /** The next transaction id PostgreSQL will hand out: unchanged means nothing was written anywhere. */
  private long xmax() throws java.sql.SQLException {
    return count("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint");
  }

  /** Row count and newest row version of every application table: any insert, update or delete changes one of them. */
  private Map<String, String> digest() throws Exception {
    if (digestSql == null) {
      StringBuilder sql = new StringBuilder();
      for (String t : TestDatabase.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
          + "AND tablename <> 'flyway_schema_history' ORDER BY 1", FuzzIds::strings)) {
        sql.append(sql.length() == 0 ? "" : " UNION ALL ").append("SELECT '").append(t)
            .append("', count(*) || ' rows, newest version ' || coalesce(max(xmin::text::bigint), 0) FROM \"").append(t).append('"');
      }
      digestSql = sql.toString();
    }
    Map<String, String> sums = new TreeMap<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(digestSql)) {
      while (rs.next()) {
        sums.put(rs.getString(1), rs.getString(2));
      }
    }
    return sums;
  }

  /**
   * Waits until the work an accepted request started has finished (no answer still streaming, no import file waiting,
   * no fresh webhook event unprocessed, no first chat answer waiting for its title, no write for a moment), then takes
   * the stored state as the new baseline. After a GET that wrote nothing, one look is enough.
   * {@code quietMs}: how long nothing may be written before the work counts as finished.
   */
  private void quiesce(String after, boolean read, long quietMs) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long last = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      boolean busy = count("""
          SELECT (SELECT count(*) FROM chat_messages WHERE status = 'streaming')
               + (SELECT count(*) FROM recommendations WHERE status = 'streaming')
               + (SELECT count(*) FROM weekly_reports WHERE status = 'streaming')
               + (SELECT count(*) FROM activity_insights WHERE status = 'streaming')
               + (SELECT count(*) FROM import_files WHERE state IN ('pending', 'processing'))
               + (SELECT count(*) FROM sync_jobs j WHERE state IN ('queued', 'running')
                   AND (kind = 'strava' OR EXISTS (SELECT 1 FROM import_files f WHERE f.job_id = j.id)))
               + (SELECT count(*) FROM webhook_events WHERE processed_at IS NULL AND received_at > now() - interval '5 seconds')
               + (SELECT count(*) FROM activity_streams s WHERE s.fetched_at > now() - interval '10 seconds'
                   AND NOT EXISTS (SELECT 1 FROM activity_curves c WHERE c.activity_id = s.activity_id))
               + (SELECT count(*) FROM chat_sessions s WHERE s.title = 'New chat' AND (SELECT m.status FROM chat_messages m
                   WHERE m.session_id = s.id AND m.role = 'assistant' ORDER BY m.seq LIMIT 1) = 'complete')""") > 0;
      long now = xmax();
      if (busy || now != last) {
        quietSince = System.nanoTime();
      }
      boolean quiet = !busy && now == last && System.nanoTime() - quietSince >= TimeUnit.MILLISECONDS.toNanos(quietMs);
      if (quiet || (read && !busy && now == baselineXmax)) {
        if (now != baselineXmax || baseline == null) {
          baseline = digest();
          baselineXmax = now;
        }
        return;
      }
      last = busy ? -1 : now;
      Thread.sleep(10);
    }
    failures.computeIfAbsent(after + " → work left unfinished", k -> new ArrayList<>()).add("not settled within 10 s: "
        + TestDatabase.query("SELECT string_agg(kind || ':' || state, ',') FROM sync_jobs", rs -> rs.next() ? rs.getString(1) : "")
        + " " + TestDatabase.query("SELECT string_agg(status, ',') FROM chat_messages", rs -> rs.next() ? rs.getString(1) : ""));
    baseline = digest();
    baselineXmax = xmax();
  }

  private long count(String sql) throws java.sql.SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String changed(Map<String, String> before, Map<String, String> after) {
    List<String> tables = new ArrayList<>();
    after.forEach((t, sum) -> {
      if (!sum.equals(before.get(t))) {
        tables.add(t + " " + before.get(t) + " → " + sum);
      }
    });
    return String.join(", ", tables);
  }

  private static String encode(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  private static String encodeKey(String k) {
    return k.contains("%") ? k : encode(k);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A list cursor as the server encodes one, for any instant text. */
  static String cursor(String instant) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString((instant + "|" + new UUID(1, 2))
        .getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads one text column. */
  private static final class FuzzIds {
    static List<String> strings(ResultSet rs) throws java.sql.SQLException {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
