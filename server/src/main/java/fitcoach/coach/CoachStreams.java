package fitcoach.coach;

import fitcoach.app.ApiException;
import fitcoach.app.BridgeSubscriptions;
import fitcoach.llm.DeltaBatches;
import fitcoach.llm.LlmCall;
import fitcoach.llm.LlmException;
import fitcoach.llm.LlmResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs generations apart from their transport. Each token is published on {@code fitcoach.user.<id>.coach.<streamId>}
 * as {@code {type:"token", seq, text}}, then one {@code {type:"done", ...}} or {@code {type:"error", code, message}},
 * for browsers following over the SockJS bridge; token frames go out only while such a subscriber exists, since the
 * SSE relay follows the generation directly and a frame per token nobody reads is the largest garbage of a stream.
 * A generation nobody listens to any more (browser gone, and no bridge subscriber) is cancelled after a short grace,
 * so no tokens are paid for nothing; the stop endpoint does the same on purpose. Ended generations stay a while so a client that reconnects with {@code Last-Event-ID} gets the rest.
 */
public final class CoachStreams implements BridgeSubscriptions {
  private static final Logger LOG = LoggerFactory.getLogger(CoachStreams.class);
  private static final String PREFIX = "fitcoach.user.";
  private static final long HEARTBEAT_MS = 15_000;
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
   * Starts the model call now. {@code finish} stores the outcome and returns the payload of the final frame; it runs
   * before that frame is published, so "done" means stored.
   */
  void run(Generation g, Function<Consumer<String>, LlmCall> launch, Function<Outcome, Future<JsonObject>> finish) {
    LlmCall call;
    try {
      call = launch.apply(new DeltaBatches() {
        @Override
        public void accept(String token) {
          if (g.cancelRequested()) {
            return;
          }
          int seq = g.append(token, TokenRelayEvent.recording() ? g.receivedNanos() : 0);
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
        outcome = new Outcome(Outcome.Status.INTERRUPTED, g.text(), null, null);
      } else {
        LlmException e = done.cause() instanceof LlmException le ? le
            : new LlmException(LlmException.Kind.UPSTREAM, 0, String.valueOf(done.cause().getMessage()), !g.text().isEmpty());
        outcome = new Outcome(Outcome.Status.ERROR, g.text(), null, e);
      }
      end(g, outcome, finish);
    });
  }

  /**
   * Starts the model call once a bridge subscriber shows up (so it misses nothing), or ends the generation unstarted
   * as interrupted if none comes in time.
   */
  void runWhenListened(Generation g, Function<Consumer<String>, LlmCall> launch, Function<Outcome, Future<JsonObject>> finish) {
    long timer = vertx.setTimer(waitForListenerMs, t -> {
      if (awaitingListener.remove(g.id) != null) {
        end(g, new Outcome(Outcome.Status.INTERRUPTED, "", null, null), finish);
      }
    });
    awaitingListener.put(g.id, () -> {
      vertx.cancelTimer(timer);
      run(g, launch, finish);
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

  /**
   * Relays a generation as server-sent events: the start frame, the tokens after {@code lastEventId}, then live ones,
   * then done or error, and the response ends. A heartbeat comment every 15 s keeps proxies from closing the stream.
   * The relay follows the generation directly rather than through the event bus: an event-bus delivery is a task of
   * its own, which under load waits behind every other connection's reads, while a follower on the reading event loop
   * writes what one upstream read carried before that loop reads anything else.
   */
  void relay(RoutingContext ctx, Generation g, long lastEventId) {
    HttpServerResponse res = ctx.response();
    g.attach(vertx);
    fitcoach.app.EventStream.open(res);
    res.write("event: start\ndata: " + g.startInfo.encode() + "\n\n");
    Relay relay = new Relay(res, g, lastEventId, vertx.getOrCreateContext());
    long heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> {
      if (!res.closed()) {
        res.write(": heartbeat\n\n");
      }
    });
    Runnable cleanup = () -> {
      g.unfollow(relay);
      vertx.cancelTimer(heartbeat);
    };
    relay.onEnd = () -> {
      cleanup.run();
      if (!res.closed()) {
        res.end();
      }
    };
    res.closeHandler(v -> {
      cleanup.run();
      if (!relay.finished) {
        g.detach(vertx, graceMs);
      }
    });
    relay.replay(g.follow(relay, lastEventId));
  }

  /**
   * Writes one client's frames in sequence order. Tokens from one upstream read leave in one write when the read ends
   * (one chunk and one syscall, not one per token); a token that came by way of another event loop is written in the
   * task that brought it.
   */
  private static final class Relay implements Generation.Follower {
    private final HttpServerResponse res;
    private final Generation g;
    private final io.vertx.core.Context context;
    private final StringBuilder out = new StringBuilder(256);
    private long written;
    /** The first live token in {@link #out}, for the relay-latency events; 0 when none. */
    private long firstLiveSeq;
    boolean finished;
    Runnable onEnd;

    Relay(HttpServerResponse res, Generation g, long lastEventId, io.vertx.core.Context context) {
      this.res = res;
      this.g = g;
      this.written = lastEventId;
      this.context = context;
    }

    @Override
    public io.vertx.core.Context context() {
      return context;
    }

    void replay(Generation.Snapshot snapshot) {
      long seq = snapshot.firstSeqMinusOne();
      for (String token : snapshot.tokens()) {
        seq++;
        if (seq > written) {
          append(seq, token);
        }
      }
      if (snapshot.end() != null) {
        end(snapshot.end());
      } else {
        flush();
      }
    }

    @Override
    public void token(long seq, String text) {
      if (finished || seq <= written) {
        return;
      }
      if (firstLiveSeq == 0) {
        firstLiveSeq = seq;
      }
      append(seq, text);
    }

    @Override
    public void endOfRead() {
      flush();
    }

    @Override
    public void end(JsonObject frame) {
      if (finished) {
        return;
      }
      JsonObject data = frame.copy();
      String type = (String) data.remove("type");
      out.append("event: ").append(type).append("\ndata: ").append(data.encode()).append("\n\n");
      flush();
      finished = true;
      onEnd.run();
    }

    private void append(long seq, String text) {
      written = seq;
      out.append("id: ").append(seq).append("\nevent: token\ndata: {\"text\":");
      SseText.quote(text, out);
      out.append("}\n\n");
    }

    private void flush() {
      if (out.length() > 0 && !res.closed()) {
        res.write(out.toString());
        if (firstLiveSeq > 0 && TokenRelayEvent.recording()) {
          long now = System.nanoTime();
          for (long seq = firstLiveSeq; seq <= written; seq++) {
            long received = g.receivedAt(seq);
            if (received != 0) {
              TokenRelayEvent.commit(g.id, seq, received, now);
            }
          }
        }
      }
      firstLiveSeq = 0;
      out.setLength(0);
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
    g.attach(vertx);
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
      g.detach(vertx, graceMs);
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
          g.detach(vertx, graceMs);
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
