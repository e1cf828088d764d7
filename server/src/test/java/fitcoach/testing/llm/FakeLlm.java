package fitcoach.testing.llm;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What both fake LLM servers share: a Vert.x HTTP server on 127.0.0.1, a script of {@link Reply}s, the recording of
 * every request, and the count of streams the client closed before the fake had finished them.
 *
 * <p>Which reply a completion request gets: the next one queued with {@link #next(Reply)}, else the result of the
 * function given to {@link #replyWith(Function)} (default: {@link Reply#cannedAnswer()}). Requests the fake rejects
 * while validating (wrong key, missing fields, unknown model) are recorded but consume no scripted reply.
 * All methods are thread-safe.
 */
public abstract class FakeLlm<F extends FakeLlm<F>> {
  /** Bodies above this get a 413 from the router itself, like Anthropic's 32 MB limit. */
  private static final long BODY_LIMIT = 32L * 1024 * 1024;

  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
  private final AtomicInteger requestIds = new AtomicInteger();
  private final List<Waiter> disconnectWaiters = new ArrayList<>();
  private volatile Function<RecordedRequest, Reply> responder = request -> Reply.cannedAnswer();
  private int disconnects;
  private Vertx vertx;
  private HttpServer server;

  private record Waiter(int count, Promise<Void> promise) {}

  /** Mounts the provider's routes; every route already passed through recording. */
  protected abstract void mount(Router router);

  @SuppressWarnings("unchecked")
  private F self() {
    return (F) this;
  }

  final Future<F> listen(Vertx vertx, int port) {
    this.vertx = vertx;
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(this::record);
    mount(router);
    return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").map(started -> {
      server = started;
      return self();
    });
  }

  final Vertx vertx() {
    return vertx;
  }

  /** {@code http://127.0.0.1:<port>} (FakeOpenAi adds {@code /v1}, like the base URL athletes configure). */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.actualPort();
  }

  /** Stops listening and drops open connections (hanging streams included). */
  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  // ---- Scripting

  /** The next completion request gets {@code reply}; queued replies are used in order. */
  public F next(Reply reply) {
    return next(reply, 1);
  }

  /** The next {@code times} completion requests get {@code reply}, e.g. three 429s and then the default. */
  public F next(Reply reply, int times) {
    Objects.requireNonNull(reply);
    for (int i = 0; i < times; i++) {
      script.add(reply);
    }
    return self();
  }

  /** What every unscripted completion request gets. */
  public F defaultReply(Reply reply) {
    Objects.requireNonNull(reply);
    return replyWith(request -> reply);
  }

  /** Computes the reply from the request, e.g. to echo what the model was given; used when nothing is queued. */
  public F replyWith(Function<RecordedRequest, Reply> responder) {
    this.responder = Objects.requireNonNull(responder);
    return self();
  }

  /** Forgets queued replies, recordings and disconnects, and answers {@link Reply#cannedAnswer()} again. */
  public F reset() {
    script.clear();
    requests.clear();
    responder = request -> Reply.cannedAnswer();
    synchronized (disconnectWaiters) {
      disconnects = 0;
    }
    resetSettings();
    return self();
  }

  /** Subclasses restore their own settings (keys, flavours) on {@link #reset()}. */
  protected void resetSettings() {
  }

  final Reply replyFor(RecordedRequest request) {
    Reply queued = script.poll();
    return queued != null ? queued : responder.apply(request);
  }

  // ---- Recording

  /** Every request received so far (completions, model lists, rejected ones), oldest first. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Requests to one path, e.g. {@code /v1/messages}. */
  public List<RecordedRequest> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  public RecordedRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new IllegalStateException("no request received yet");
    }
    return requests.get(requests.size() - 1);
  }

  private void record(RoutingContext ctx) {
    String raw = ctx.body().length() > 0 ? ctx.body().asString() : null;
    JsonObject json = null;
    if (raw != null) {
      try {
        json = new JsonObject(raw);
      } catch (RuntimeException notJsonObject) {
        // Kept as raw text; validation answers 400.
      }
    }
    RecordedRequest request = new RecordedRequest(requests.size(), ctx.request().method().name(), ctx.request().path(),
        MultiMap.caseInsensitiveMultiMap().addAll(ctx.queryParams()),
        MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().headers()), json, raw);
    requests.add(request);
    ctx.put(RecordedRequest.class.getName(), request);
    ctx.next();
  }

  static RecordedRequest recorded(RoutingContext ctx) {
    return ctx.get(RecordedRequest.class.getName());
  }

  /** A fresh request id in the provider's style. */
  final String requestId(String prefix) {
    return prefix + String.format("%024d", requestIds.incrementAndGet());
  }

  // ---- Client disconnects

  /** Streams (or hanging requests) the client closed before the fake had finished answering. */
  public int clientDisconnects() {
    synchronized (disconnectWaiters) {
      return disconnects;
    }
  }

  /** Completes once {@link #clientDisconnects()} reaches {@code count}; at once if it already has. */
  public Future<Void> awaitClientDisconnects(int count) {
    synchronized (disconnectWaiters) {
      if (disconnects >= count) {
        return Future.succeededFuture();
      }
      Promise<Void> promise = Promise.promise();
      disconnectWaiters.add(new Waiter(count, promise));
      return promise.future();
    }
  }

  final Exchange exchange(RoutingContext ctx) {
    return new Exchange(ctx, this::clientWentAway);
  }

  private void clientWentAway() {
    List<Promise<Void>> ready = new ArrayList<>();
    synchronized (disconnectWaiters) {
      disconnects++;
      disconnectWaiters.removeIf(waiter -> {
        if (disconnects >= waiter.count()) {
          ready.add(waiter.promise());
          return true;
        }
        return false;
      });
    }
    ready.forEach(Promise::tryComplete);
  }
}
