package fitcoach.coach;

import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import fitcoach.app.Json;
import fitcoach.app.JsonFields;
import fitcoach.auth.AuthHandler;
import fitcoach.settings.Provider;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.UUID;

/**
 * The AI coach under /api/ai. Answers stream as server-sent events: {@code start} (stream id), {@code token} frames
 * with an {@code id:} sequence number, then {@code done} or {@code error}. {@code GET /api/ai/streams/:id} resumes a
 * stream from {@code Last-Event-ID}; {@code POST /api/ai/streams/:id/stop} stops it, keeping what was written.
 */
public final class CoachRoutes {
  static final int MAX_MESSAGE_CHARS = 10_000;

  private final CoachService coach;
  private final ChatService chat;
  private final AnswerService answers;
  private final AuthHandler requireUser;
  private final SseRelay sse;

  public CoachRoutes(CoachService coach, ChatService chat, AnswerService answers, AuthHandler requireUser) {
    this.coach = coach;
    this.chat = chat;
    this.answers = answers;
    this.requireUser = requireUser;
    this.sse = new SseRelay(coach.streams());
  }

  /** Answers left "streaming" by a stopped server can never finish: they are marked interrupted at start-up. */
  public Future<Void> recover() {
    return chat.markAbandoned().compose(n -> answers.markAbandoned());
  }

  public void mount(Router router) {
    router.route("/api/ai/*").handler(requireUser);
    router.get("/api/ai/settings").handler(this::getSettings);
    router.put("/api/ai/settings").handler(this::putSettings);
    router.get("/api/ai/models").handler(this::models);

    router.get("/api/ai/coverage").handler(ctx -> answers.coverage(userId(ctx)).onSuccess(c -> Json.ok(ctx, c))
        .onFailure(ctx::fail));
    router.get("/api/ai/recommendation").handler(this::getRecommendation);
    router.post("/api/ai/recommendation").handler(ctx -> send(ctx, answers.recommend(userId(ctx))));

    router.get("/api/ai/chat/sessions").handler(this::sessions);
    router.post("/api/ai/chat/sessions").handler(this::createSession);
    router.patch("/api/ai/chat/sessions/:id").handler(this::renameSession);
    router.delete("/api/ai/chat/sessions/:id").handler(this::deleteSession);
    router.get("/api/ai/chat/sessions/:id/messages").handler(this::messages);
    router.post("/api/ai/chat").handler(this::chat);

    router.post("/api/ai/weekly-report").handler(this::weeklyReport);
    router.get("/api/ai/weekly-reports").handler(ctx -> answers.reports(userId(ctx))
        .onSuccess(list -> Json.ok(ctx, Map.of("reports", list))).onFailure(ctx::fail));
    // No report yet is expected (200 with null, like today's answer and an insight); a malformed week is a 422.
    router.get("/api/ai/weekly-reports/:week").handler(ctx -> answers.report(userId(ctx), week(ctx.pathParam("week")))
        .onSuccess(r -> Json.ok(ctx, r.orElse(null))).onFailure(ctx::fail));

    // The week's numbers need no AI: the Reports screen shows them with or without a provider.
    router.route("/api/reports/*").handler(requireUser);
    router.get("/api/reports/week").handler(ctx -> {
      String start = ctx.request().getParam("start");
      answers.weekNumbers(userId(ctx), start == null || start.isBlank() ? null : week(start.strip(), "start"))
          .onSuccess(n -> Json.ok(ctx, n)).onFailure(ctx::fail);
    });

    router.post("/api/ai/activity-insight").handler(this::insight);
    router.get("/api/ai/activity-insight/:activityId").handler(this::cachedInsight);

    router.get("/api/ai/streams/:id").handler(this::resume);
    router.post("/api/ai/streams/:id/stop").handler(this::stop);
  }

  private void getSettings(RoutingContext ctx) {
    UUID userId = userId(ctx);
    coach.settings(userId).onSuccess(found -> coach.activeLlm(userId).onComplete(active -> {
      AiSettingsView.Active now = active.succeeded()
          ? new AiSettingsView.Active(active.result().provider().id(), active.result().model(), active.result().fastModel(),
              active.result().tools())
          : null;
      Json.ok(ctx, new AiSettingsView(found.map(AiSettings::provider).orElse(null), found.map(AiSettings::model).orElse(null),
          found.map(AiSettings::fastModel).orElse(null), now, active.failed() ? active.cause().getMessage() : null,
          now == null ? null : now.toolsSupported()));
    })).onFailure(ctx::fail);
  }

  private void putSettings(RoutingContext ctx) {
    JsonFields f = new JsonFields(Json.body(ctx), "provider", "model", "fastModel");
    Provider provider = Provider.parse(f.requiredString("provider", 20), "provider");
    String model = model(f, "model");
    String fast = model(f, "fastModel");
    coach.saveSettings(userId(ctx), provider, model, fast).onSuccess(s -> Json.ok(ctx, s)).onFailure(ctx::fail);
  }

  /** A model name, or null (absent or null: the provider's default); a blank one names no model at all. */
  private static String model(JsonFields f, String field) {
    String value = f.optionalString(field, 200);
    if (value != null && value.isBlank()) {
      throw ApiException.invalid(field, "required", "'" + field + "' cannot be blank; send null for the provider's default");
    }
    return value == null ? null : value.strip();
  }

  private void models(RoutingContext ctx) {
    String wanted = ctx.request().getParam("provider");
    UUID userId = userId(ctx);
    Future<Provider> provider = wanted != null ? Future.succeededFuture(Provider.parse(wanted, "provider"))
        : coach.activeLlm(userId).map(CoachLlm::provider);
    provider.compose(p -> coach.models(userId, p).map(list -> Map.of("provider", p.id(), "models", list)))
        .onSuccess(body -> Json.ok(ctx, body)).onFailure(ctx::fail);
  }

  private void getRecommendation(RoutingContext ctx) {
    UUID userId = userId(ctx);
    Future.all(answers.ruleAdvice(userId), answers.todaysRecommendation(userId), answers.card(userId))
        .onSuccess(all -> Json.ok(ctx, new RecommendationView(all.resultAt(0), all.<java.util.Optional<AnswerView>>resultAt(1)
            .orElse(null), all.resultAt(2))))
        .onFailure(ctx::fail);
  }

  private void sessions(RoutingContext ctx) {
    chat.sessions(userId(ctx)).onSuccess(list -> Json.ok(ctx, Map.of("sessions", list))).onFailure(ctx::fail);
  }

  private void createSession(RoutingContext ctx) {
    JsonFields f = new JsonFields(Json.body(ctx), "title");
    String title = f.optionalString("title", 200);
    chat.create(userId(ctx), title == null || title.isBlank() ? null : title.trim())
        .onSuccess(s -> Json.send(ctx, 201, s)).onFailure(ctx::fail);
  }

  private void renameSession(RoutingContext ctx) {
    JsonFields f = new JsonFields(Json.body(ctx), "title");
    String title = f.requiredString("title", 200).trim();
    if (title.isEmpty()) {
      throw ApiException.invalid("title", "required", "Give the session a title");
    }
    chat.rename(userId(ctx), id(ctx.pathParam("id"), "id"), title).onSuccess(s -> Json.ok(ctx, s)).onFailure(ctx::fail);
  }

  private void deleteSession(RoutingContext ctx) {
    chat.delete(userId(ctx), id(ctx.pathParam("id"), "id")).onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void messages(RoutingContext ctx) {
    chat.messages(userId(ctx), id(ctx.pathParam("id"), "id")).onSuccess(list -> Json.ok(ctx, Map.of("messages", list)))
        .onFailure(ctx::fail);
  }

  private void chat(RoutingContext ctx) {
    JsonFields f = new JsonFields(Json.body(ctx), "sessionId", "message", "retry");
    String message = f.requiredString("message", MAX_MESSAGE_CHARS).strip();
    if (message.isEmpty()) {
      throw ApiException.invalid("message", "required", "Write a message");
    }
    UUID sessionId = ChatService.uuid(f.optionalString("sessionId", 40), "sessionId").orElse(null);
    send(ctx, chat.turn(userId(ctx), sessionId, message, f.optionalBoolean("retry", false)));
  }

  private void weeklyReport(RoutingContext ctx) {
    io.vertx.core.buffer.Buffer raw = ctx.body().buffer();
    JsonObject body = raw == null || raw.length() == 0 ? new JsonObject() : Json.body(ctx);
    JsonFields f = new JsonFields(body, "week");
    String week = f.optionalString("week", 20);
    send(ctx, answers.weeklyReport(userId(ctx), week == null ? null : week(week)));
  }

  private void insight(RoutingContext ctx) {
    JsonFields f = new JsonFields(Json.body(ctx), "activityId", "regenerate");
    UUID activityId = id(f.requiredString("activityId", 40), "activityId");
    boolean regenerate = Boolean.TRUE.equals(Json.body(ctx).getValue("regenerate"));
    send(ctx, answers.insight(userId(ctx), activityId, regenerate));
  }

  private void cachedInsight(RoutingContext ctx) {
    answers.cachedInsight(userId(ctx), id(ctx.pathParam("activityId"), "activityId"))
        .onSuccess(found -> {
          // No insight yet (or the activity changed since) is expected: 200 with null. An unknown activity is a 404.
          Json.ok(ctx, found.orElse(null));
        }).onFailure(ctx::fail);
  }

  private void resume(RoutingContext ctx) {
    CoachStreams streams = coach.streams();
    Generation g = streams.find(userId(ctx), ctx.pathParam("id"));
    long last = 0;
    String header = ctx.request().getHeader("Last-Event-ID");
    if (header != null && !header.isBlank()) {
      try {
        last = Long.parseLong(header.trim());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("invalid_last_event_id", "Last-Event-ID must be a token sequence number");
      }
    }
    sse.relay(ctx.response(), g, Math.max(0, last));
  }

  private void stop(RoutingContext ctx) {
    coach.streams().stop(userId(ctx), ctx.pathParam("id"));
    Json.ok(ctx, Map.of("stopping", true));
  }

  /**
   * Sends what the coach produced. A live answer streams as server-sent events on this request, or, with
   * {@code ?transport=eventbus}, is answered at once (202, the stream id and address) while its tokens go to the
   * bridge subscriber; either way the transport is in place before the model call starts. A stored answer is sent as
   * a finished stream.
   */
  private void send(RoutingContext ctx, Future<CoachAnswer> answer) {
    answer.map(a -> {
      if (a instanceof CoachAnswer.Stored stored) {
        SseRelay.replay(ctx.response(), stored);
      } else if (a instanceof CoachAnswer.Live live) {
        Generation g = live.generation();
        if ("eventbus".equals(ctx.request().getParam("transport"))) {
          ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
              .end(g.startInfo.copy().put("address", g.address).encode());
          coach.streams().runWhenListened(live);
        } else {
          sse.relay(ctx.response(), g, 0);
          coach.streams().run(live);
        }
      }
      return null;
    }).onFailure(ctx::fail);
  }

  /** An ISO week ({@code 2026-W47}) or any date in the week ({@code 2026-11-18}), in the {@link DateWindow}. */
  static LocalDate week(String value) {
    return week(value, "week");
  }

  static LocalDate week(String value, String field) {
    return DateWindow.require(field, parseWeek(value, field));
  }

  private static LocalDate parseWeek(String value, String field) {
    try {
      if (value.matches("\\d{4}-W\\d{2}")) {
        int year = Integer.parseInt(value.substring(0, 4));
        int week = Integer.parseInt(value.substring(6));
        LocalDate probe = LocalDate.of(year, 6, 1);
        if (week < 1 || week > probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
          throw ApiException.invalid(field, "invalid_week", "No week " + week + " in " + year);
        }
        return probe.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(java.time.DayOfWeek.MONDAY);
      }
      return LocalDate.parse(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw ApiException.invalid(field, "invalid_week", "Give the week as 2026-W47 or as a date in it, 2026-11-18");
    }
  }

  private static UUID id(String value, String field) {
    return ChatService.uuid(value, field).orElseThrow(() -> ApiException.invalid(field, "required", field + " is required"));
  }

  private static UUID userId(RoutingContext ctx) {
    return AuthHandler.signedIn(ctx).userId();
  }
}
