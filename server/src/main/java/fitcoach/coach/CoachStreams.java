package fitcoach.coach;

import fitcoach.app.ApiException;
import fitcoach.app.BridgeSubscriptions;
import fitcoach.llm.DeltaBatches;
import fitcoach.llm.LlmCall;
import fitcoach.llm.LlmException;
import fitcoach.llm.LlmResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs generations apart from their transport. Each token is published on {@code fitcoach.user.<id>.coach.<streamId>}
 * as {@code {type:"token", seq, text}}, then one {@code {type:"done", ...}} or {@code {type:"error", code, message}},
 * for browsers following over the SockJS bridge; token frames go out only while such a subscriber exists, since the
 * SSE relay ({@link SseRelay}) follows the generation directly and a frame per token nobody reads is the largest
 * garbage of a stream. A generation nobody listens to any more (browser gone, and no bridge subscriber) is cancelled
 * after a short grace, so no tokens are paid for nothing; the stop endpoint does the same on purpose. Ended
 * generations stay a while so a client that reconnects with {@code Last-Event-ID} gets the rest.
 */
public final class CoachStreams implements BridgeSubscriptions {
  private static final Logger LOG = LoggerFactory.getLogger(CoachStreams.class);
  private static final String PREFIX = "fitcoach.user.";
  private static final long KEEP_ENDED_MS = 60_000;

  /** Frames are never changed once published, so local consumers may share one instance instead of a copy each. */
  private static final io.vertx.core.eventbus.DeliveryOptions FRAMES =
      new io.vertx.core.eventbus.DeliveryOptions().setCodecName(SharedFrameCodec.NAME);
  private final Vertx vertx;
  private final long graceMs;
  private final long waitForListenerMs;
  private final Map<String, Generation> generations = new ConcurrentHashMap<>();
  private final Map<Object, Set<String>> bridgeSockets = new ConcurrentHashMap<>();
  private final Map<String, Runnable> awaitingListener = new ConcurrentHashMap<>();

  /**
   * @param graceMs how long a generation with no listener keeps running, so a reconnect can pick it up
   * @param waitForListenerMs how long a bridge-only generation waits for its subscriber before giving up unstarted
   */
  public CoachStreams(Vertx vertx, long graceMs, long waitForListenerMs) {
    this.vertx = vertx;
    this.graceMs = graceMs;
    this.waitForListenerMs = waitForListenerMs;
    SharedFrameCodec.register(vertx);
  }

  Vertx vertx() {
    return vertx;
  }

  /** A client follows {@code g} (an SSE relay or a bridge subscriber): it no longer risks being cancelled. */
  void attach(Generation g) {
    g.attach(vertx);
  }

  /** A client of {@code g} left; with none left, the call is cancelled after the grace unless someone comes back. */
  void detach(Generation g) {
    g.detach(vertx, graceMs);
  }

  public static String address(UUID userId, String streamId) {
    return PREFIX + userId + ".coach." + streamId;
  }

  /** Registers a new generation; {@code startInfo} goes into the start frame (e.g. the message id). */
  Generation create(UUID userId, JsonObject startInfo) {
    String id = UUID.randomUUID().toString();
    Generation g = new Generation(id, userId, startInfo.copy().put("streamId", id));
    generations.put(id, g);
    return g;
  }

  /**
   * Starts the model call now. The answer's {@code finish} stores the outcome and returns the payload of the final
   * frame; it runs before that frame is published, so "done" means stored.
   */
  void run(CoachAnswer.Live answer) {
    Generation g = answer.generation();
    Function<Outcome, Future<JsonObject>> finish = answer.finish();
    LlmCall call;
    try {
      call = answer.launch().apply(new DeltaBatches() {
        @Override
        public void accept(String token) {
          if (g.cancelRequested()) {
            return;
          }
          int seq = g.append(token, TokenRelayRecording.on() ? g.receivedNanos() : 0);
          g.passOn(seq, token);
          // A frame per token is garbage when no browser follows over the bridge (the SSE relay follows directly).
          if (g.hasBridgeSubscribers()) {
            vertx.eventBus().publish(g.address, new JsonObject().put("type", "token").put("seq", seq).put("text", token),
                FRAMES);
          }
        }

        @Override
        public void endOfRead() {
          g.endOfRead();
        }
      });
    } catch (RuntimeException e) {
      end(g, new Outcome(Outcome.Status.ERROR, "", null, new LlmException(LlmException.Kind.UPSTREAM, 0, e.getMessage(), false)),
          finish);
      return;
    }
    g.running(call);
    call.result().onComplete(done -> {
      Outcome outcome;
      if (done.succeeded()) {
        LlmResult r = done.result();
        outcome = new Outcome(Outcome.Status.COMPLETE, g.text(), r, null);
      } else if (Generation.isCancel(done.cause()) || g.cancelRequested()) {
        outcome = new Outcome(Outcome.Status.INTERRUPTED, g.text(), null,
            done.cause() instanceof LlmException le ? le : null);
      } else {
        LlmException e = done.cause() instanceof LlmException le ? le
            : new LlmException(LlmException.Kind.UPSTREAM, 0, String.valueOf(done.cause().getMessage()), !g.text().isEmpty());
        outcome = new Outcome(Outcome.Status.ERROR, g.text(), null, e);
      }
      end(g, outcome, finish);
    });
  }

  /**
   * Sends a non-text frame of {@code g} (type {@code tool} or {@code tool_done}) to its followers in order with the
   * tokens, and over the bridge when someone follows there.
   */
  void frame(Generation g, JsonObject frame) {
    if (g.cancelRequested() || g.isEnded()) {
      return;
    }
    int seq = g.appendFrame(frame);
    g.passOnFrame(seq, frame);
    g.endOfRead();
    if (g.hasBridgeSubscribers()) {
      vertx.eventBus().publish(g.address, frame.copy().put("seq", seq), FRAMES);
    }
  }

  /**
   * Starts the model call once a bridge subscriber shows up (so it misses nothing), or ends the generation unstarted
   * as interrupted if none comes in time.
   */
  void runWhenListened(CoachAnswer.Live answer) {
    Generation g = answer.generation();
    long timer = vertx.setTimer(waitForListenerMs, t -> {
      if (awaitingListener.remove(g.id) != null) {
        end(g, new Outcome(Outcome.Status.INTERRUPTED, "", null, null), answer.finish());
      }
    });
    awaitingListener.put(g.id, () -> {
      vertx.cancelTimer(timer);
      run(answer);
    });
  }

  private void end(Generation g, Outcome outcome, Function<Outcome, Future<JsonObject>> finish) {
    Future<JsonObject> stored;
    try {
      stored = finish.apply(outcome);
    } catch (RuntimeException e) {
      stored = Future.failedFuture(e);
    }
    stored.onComplete(saved -> {
      JsonObject frame;
      if (saved.failed()) {
        LOG.error("Storing the answer of stream {} for user {} failed", g.id, g.userId, saved.cause());
        frame = new JsonObject().put("type", "error").put("code", "not_stored")
            .put("message", "The answer could not be saved. Try again.");
      } else if (outcome.status() == Outcome.Status.ERROR) {
        frame = saved.result().copy().put("type", "error").put("code", CoachErrors.code(outcome.error()))
            .put("message", CoachErrors.message(outcome.error())).put("partial", !outcome.text().isEmpty());
      } else {
        frame = saved.result().copy().put("type", "done").put("status", outcome.status() == Outcome.Status.COMPLETE
            ? "complete" : "interrupted");
      }
      g.ended(frame);
      g.passOnEnd(frame);
      vertx.eventBus().publish(g.address, frame, FRAMES);
      vertx.setTimer(KEEP_ENDED_MS, t -> generations.remove(g.id));
    });
  }

  /** The user's generation, or 404 (also for another athlete's stream id). */
  Generation find(UUID userId, String streamId) {
    Generation g = streamId == null ? null : generations.get(streamId);
    if (g == null || !g.userId.equals(userId)) {
      throw ApiException.notFound("No such answer stream (it ended more than a minute ago, or never existed)");
    }
    return g;
  }

  /** The stream still writing the answer stored as {@code messageId}, if any (its start frame names the message). */
  java.util.Optional<String> liveStreamOf(UUID userId, UUID messageId) {
    String id = messageId.toString();
    return generations.values().stream()
        .filter(g -> g.userId.equals(userId) && !g.isEnded() && id.equals(g.startInfo.getString("messageId")))
        .map(g -> g.id).findFirst();
  }

  void stop(UUID userId, String streamId) {
    Generation g = find(userId, streamId);
    Runnable pending = awaitingListener.remove(g.id);
    if (pending != null) {
      g.cancel();
      pending.run();
    } else {
      g.cancel();
    }
  }

  // Bridge subscribers count as listeners: a browser following the stream over /eventbus keeps it alive.

  @Override
  public void registered(Object socket, String address) {
    Generation g = forAddress(address);
    if (g == null) {
      return;
    }
    if (!bridgeSockets.computeIfAbsent(socket, s -> ConcurrentHashMap.newKeySet()).add(g.id)) {
      return;
    }
    g.bridgeSubscribed(1);
    attach(g);
    Runnable pending = awaitingListener.remove(g.id);
    if (pending != null) {
      // Started in a later task: the bridge registers the subscriber's consumer once this hook returns.
      vertx.getOrCreateContext().runOnContext(v -> pending.run());
    }
  }

  @Override
  public void unregistered(Object socket, String address) {
    Generation g = forAddress(address);
    Set<String> ids = bridgeSockets.get(socket);
    if (g != null && ids != null && ids.remove(g.id)) {
      g.bridgeSubscribed(-1);
      detach(g);
    }
  }

  @Override
  public void closed(Object socket) {
    Set<String> ids = bridgeSockets.remove(socket);
    if (ids != null) {
      ids.forEach(id -> {
        Generation g = generations.get(id);
        if (g != null) {
          g.bridgeSubscribed(-1);
          detach(g);
        }
      });
    }
  }

  private Generation forAddress(String address) {
    int at = address == null ? -1 : address.lastIndexOf(".coach.");
    if (at < 0) {
      return null;
    }
    Generation g = generations.get(address.substring(at + ".coach.".length()));
    return g != null && g.address.equals(address) ? g : null;
  }
}
