package fitcoach.coach;

import fitcoach.app.ApiException;
import fitcoach.llm.LlmMessage;
import fitcoach.llm.LlmRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat sessions and turns. Each turn stores the athlete's message and an empty answer first, streams the answer with
 * the context rebuilt for today and as much history as the budget allows, and fills the answer in before "done".
 * The first answer of a session also gets the session a short title from the fast model.
 */
public final class ChatService {
  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);
  static final int MAX_TOKENS = 2048;
  static final int TITLE_MAX_TOKENS = 20;

  private final Vertx vertx;
  private final CoachService coach;
  private final ChatRepository chats;
  private final int historyBudgetTokens;

  public ChatService(Vertx vertx, io.vertx.sqlclient.Pool pool, CoachService coach, int historyBudgetTokens) {
    this.vertx = vertx;
    this.coach = coach;
    this.chats = new ChatRepository(pool);
    this.historyBudgetTokens = historyBudgetTokens;
  }

  /** The address where a session's new title is announced: {@code fitcoach.user.<id>.chat}. */
  public static String address(UUID userId) {
    return "fitcoach.user." + userId + ".chat";
  }

  Future<List<ChatSessionView>> sessions(UUID userId) {
    return chats.sessions(userId);
  }

  Future<ChatSessionView> create(UUID userId, String title) {
    return chats.create(userId, title == null ? ChatRepository.DEFAULT_TITLE : title);
  }

  Future<ChatSessionView> rename(UUID userId, UUID id, String title) {
    return chats.rename(userId, id, title).map(found -> found.orElseThrow(ChatService::noSession));
  }

  Future<Void> delete(UUID userId, UUID id) {
    return chats.delete(userId, id).compose(deleted -> deleted ? Future.succeededFuture() : Future.failedFuture(noSession()));
  }

  Future<List<ChatMessageView>> messages(UUID userId, UUID sessionId) {
    return chats.session(userId, sessionId).compose(found -> found.isPresent()
        ? chats.messages(userId, sessionId) : Future.failedFuture(noSession()))
        .map(list -> list.stream().map(m -> "streaming".equals(m.status())
            ? coach.streams().liveStreamOf(userId, m.id()).map(m::withStreamId).orElse(m) : m).toList());
  }

  Future<Integer> markAbandoned() {
    return chats.markAbandoned();
  }

  /**
   * Answers one message, in {@code sessionId} or (when null) in a new session. With {@code retry}, when the session
   * ends with this very message and a failed or interrupted answer to it, that answer is written again in place
   * instead of storing the message a second time.
   */
  Future<CoachAnswer> turn(UUID userId, UUID sessionId, String message, boolean retry) {
    Future<ChatSessionView> session = sessionId == null
        ? Future.succeededFuture(null)
        : chats.session(userId, sessionId).map(found -> found.orElseThrow(ChatService::noSession));
    return session.compose(s -> coach.llm(userId).compose(llm -> coach.prompt(userId, null).compose(prompt -> {
      boolean allowed = prompt.scope().includeStravaApi();
      return coach.activities().counts(userId, allowed, prompt.day())
          .map(c -> new AnswerBasis(c.coachActivities(), c.fileAndExport(), c.stravaApi(), c.keptOut(), allowed))
          .compose(basis -> {
      Future<ChatSessionView> target = s != null ? Future.succeededFuture(s) : chats.create(userId, ChatRepository.DEFAULT_TITLE);
      return target.compose(t -> chats.messages(userId, t.id()).compose(all -> {
        ChatMessageView failed = retry ? failedAnswerTo(all, message) : null;
        List<ChatMessageView> stored = failed == null ? all : all.subList(0, all.size() - 2);
        // Earlier answers are sent as the policy in force now allows: one written from Strava API data becomes a
        // placeholder once that data is off.
        List<LlmMessage> history = ChatHistory.fit(stored, message, historyBudgetTokens, allowed);
        boolean firstTurn = stored.isEmpty();
        List<UUID> known = prompt.card().activityIds();
        Future<UUID> turn = failed == null
            ? chats.startTurn(userId, t.id(), message, llm.provider().id(), llm.model(), known, basis)
            : chats.restartTurn(userId, failed.id(), llm.provider().id(), llm.model(), known, basis)
                .compose(restarted -> restarted ? Future.succeededFuture(failed.id()) : Future.failedFuture(
                    ApiException.conflict("retry_in_progress", "This answer is already being written again")));
        return turn.<CoachAnswer>map(answerId -> {
              JsonObject start = new JsonObject().put("sessionId", t.id().toString()).put("messageId", answerId.toString())
                  .put("basis", fitcoach.app.Json.toJsonObject(basis));
              return coach.generate(userId, "chat", llm, prompt, history, MAX_TOKENS, start, answered -> {
                Outcome outcome = answered.outcome();
                return chats.finish(answerId, outcome.text(), outcome.status().db(), answered.model(llm.model()),
                        outcome.usage().inputTokens(), outcome.usage().outputTokens(), answered.contextIds(),
                        ToolTrace.toJson(answered.tools()))
                    .map(v -> {
                      if (firstTurn && outcome.status() == Outcome.Status.COMPLETE) {
                        title(userId, t.id(), message, llm);
                      }
                      return start.copy();
                    });
              });
            });
      }));
    });
    })));
  }

  /** The last message when it is a failed or interrupted answer to {@code message}, which comes right before it. */
  private static ChatMessageView failedAnswerTo(List<ChatMessageView> messages, String message) {
    int n = messages.size();
    if (n < 2) {
      return null;
    }
    ChatMessageView answer = messages.get(n - 1);
    ChatMessageView question = messages.get(n - 2);
    boolean failed = "assistant".equals(answer.role()) && ("error".equals(answer.status()) || "interrupted".equals(answer.status()));
    return failed && "user".equals(question.role()) && message.equals(question.content()) ? answer : null;
  }

  /** Names the session after its first message; a failed call falls back to the message's opening words. */
  private void title(UUID userId, UUID sessionId, String message, CoachLlm llm) {
    StringBuilder text = new StringBuilder();
    LlmRequest request = new LlmRequest(llm.fastModel(), Prompts.TITLE_SYSTEM, List.of(LlmMessage.user(Prompts.title(message))),
        TITLE_MAX_TOKENS);
    String firstWords = cleanTitle(message.length() > 60 ? message.substring(0, 60) : message);
    long started = System.nanoTime();
    long[] firstToken = {0};
    llm.client().stream(request, delta -> {
      if (firstToken[0] == 0) {
        firstToken[0] = System.nanoTime();
      }
      text.append(delta);
    }).result()
        .compose(result -> coach.usage().record(userId, new fitcoach.usage.LedgerEntry("title", llm.provider().id(),
            result.model() != null ? result.model() : llm.fastModel(), "complete", result.usage().inputTokens(),
            result.usage().outputTokens(), result.usage().cacheWriteTokens(), result.usage().cacheReadTokens(), 0,
            firstToken[0] == 0 ? null : (firstToken[0] - started) / 1_000_000, (System.nanoTime() - started) / 1_000_000))
            .map(v -> cleanTitle(text.toString())))
        .otherwise(err -> {
          LOG.info("Title for chat session {} fell back to the first words: {}", sessionId, err.getMessage());
          return firstWords;
        })
        .map(title -> title.isEmpty() ? firstWords : title)
        .compose(title -> title.isEmpty() ? Future.succeededFuture(false) : chats.title(userId, sessionId, title)
            .onSuccess(changed -> {
              if (changed) {
                vertx.eventBus().publish(address(userId), new JsonObject().put("type", "title")
                    .put("sessionId", sessionId.toString()).put("title", title));
              }
            }))
        .onFailure(err -> LOG.warn("Naming chat session {} failed: {}", sessionId, err.getMessage()));
  }

  static String cleanTitle(String raw) {
    String t = raw.replaceAll("[\\r\\n]+", " ").replaceAll("^[\\s\"'#*]+|[\\s\"'.!?*]+$", "").trim();
    return t.length() > 80 ? t.substring(0, 80).trim() : t;
  }

  private static ApiException noSession() {
    return ApiException.notFound("No such chat session");
  }

  static Optional<UUID> uuid(String value, String field) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(field, "invalid_id", field + " is not a valid id");
    }
  }
}
