package fitcoach.llm;

import fitcoach.llm.LlmException.Kind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed completion, provider-neutral: attempts, retries before the first delta, the idle watchdog and
 * cancellation. Everything except {@link #cancel()} runs on the context that called {@link LlmClient#stream}, so its
 * state needs no locks, and deltas reach the caller on that context.
 */
final class StreamingCall implements LlmCall {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingCall.class);

  private final Vertx vertx;
  private final Context context;
  private final HttpClient http;
  private final StreamProtocol protocol;
  private final LlmOptions options;
  private final RetryPolicy retry;
  private final LlmRequest request;
  private final Consumer<String> onDelta;
  // Kept for retries, which happen only before the first delta: dropped then, it is most of an open stream's memory.
  private Buffer body;
  private final Promise<LlmResult> result = Promise.promise();
  private final AtomicBoolean cancelled = new AtomicBoolean();

  // Confined to the context.
  private boolean done;
  private boolean delivered;
  private long receivedNanos;
  private boolean deltaInRead;
  private int retriesTaken;
  private long retryTimer = -1;
  private Attempt current;

  StreamingCall(Vertx vertx, HttpClient http, StreamProtocol protocol, LlmOptions options, LlmRequest request,
      Consumer<String> onDelta) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.http = http;
    this.protocol = protocol;
    this.options = options;
    this.retry = new RetryPolicy(options);
    this.request = request;
    this.onDelta = onDelta;
    this.body = protocol.body(request);
  }

  StreamingCall start() {
    onContext(this::nextAttempt);
    return this;
  }

  @Override
  public Future<LlmResult> result() {
    return result.future();
  }

  @Override
  public long receivedNanos() {
    return receivedNanos;
  }

  @Override
  public void cancel() {
    // The flag stops further deltas at once, even when cancel() comes from another thread (a delta already being
    // handed over on the context may still finish); the connection is closed on the context.
    if (cancelled.compareAndSet(false, true)) {
      onContext(() -> {
        if (!done) {
          LlmUsage reported = current == null ? LlmUsage.NONE : current.decoder.usage();
          finish(null, LlmErrors.cancelled(delivered).withUsage(reported), null);
        }
      });
    }
  }

  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  private void nextAttempt() {
    retryTimer = -1;
    if (done || cancelled.get()) {
      return;
    }
    current = new Attempt();
    current.start();
  }

  private void deliver(String text) {
    if (done || cancelled.get() || text.isEmpty()) {
      return;
    }
    if (!delivered) {
      delivered = true;
      body = null;
    }
    deltaInRead = true;
    try {
      onDelta.accept(text);
    } catch (RuntimeException e) {
      LOG.error("LLM delta consumer failed; dropping the stream from {} (model {})", protocol.errors().name(),
          request.model(), e);
      finish(null, new LlmException(Kind.CANCELLED, 0, "The answer was abandoned: " + e.getMessage(), true), null);
    }
  }

  private void endOfRead() {
    boolean any = deltaInRead;
    deltaInRead = false;
    if (any && !cancelled.get() && onDelta instanceof DeltaBatches batches) {
      try {
        batches.endOfRead();
      } catch (RuntimeException e) {
        LOG.error("LLM delta consumer failed at the end of a read ({}, model {})", protocol.errors().name(), request.model(), e);
      }
    }
  }

  /** An attempt failed: retry when nothing was delivered yet and the failure allows it, else fail the call. */
  private void failed(Attempt attempt, LlmException error, boolean retryable, MultiMap headers) {
    if (done || attempt != current || cancelled.get()) {
      return;
    }
    // Detached first: closing the connection below fires the attempt's own handlers, which must find it stale.
    current = null;
    attempt.stop(true);
    String requestId = attempt.requestId;
    if (error.kind() == Kind.TOOLS_UNSUPPORTED) {
      retryable = false;
    }
    if (!delivered && retryable && retriesTaken < retry.maxRetries()) {
      long delay = retry.delayMillis(retriesTaken, headers);
      retriesTaken++;
      LOG.info("{} failed ({}, status {}, request-id {}); retry {} of {} in {} ms", protocol.errors().name(),
          error.kind(), error.status(), requestId, retriesTaken, retry.maxRetries(), delay);
      retryTimer = vertx.setTimer(Math.max(1, delay), id -> nextAttempt());
      return;
    }
    // What the provider reported before failing was paid for, so the failure carries it.
    LlmUsage reported = attempt.decoder.usage();
    LlmException failure = error.withAfterFirstToken(delivered);
    if (!reported.equals(LlmUsage.NONE) && failure.usage().equals(LlmUsage.NONE)) {
      failure = failure.withUsage(reported);
    }
    finish(null, failure, requestId);
  }

  private void finish(LlmResult success, LlmException failure, String requestId) {
    if (done) {
      return;
    }
    done = true;
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
      retryTimer = -1;
    }
    Attempt last = current;
    current = null;
    if (last != null) {
      // After a complete answer the response ends by itself and the connection goes back to the pool.
      last.stop(failure != null);
    }
    // Deltas of the read that ended the call are reported as written before anyone hears the call is over.
    endOfRead();
    if (failure == null) {
      result.tryComplete(success);
    } else {
      if (failure.kind() != Kind.CANCELLED) {
        LOG.warn("LLM call to {} failed: {} (status {}, request-id {}, model {}, retries {}, after first token {}): {}",
            protocol.errors().name(), failure.kind(), failure.status(), requestId, request.model(), retriesTaken,
            failure.afterFirstToken(), failure.getMessage());
      }
      result.tryFail(failure);
    }
  }

  /** One HTTP exchange. Callbacks of an attempt that is no longer current are ignored. */
  private final class Attempt {
    final StreamDecoder decoder = protocol.decoder();
    private final SseParser parser = new SseParser(this::onEvent);
    private HttpClientRequest httpRequest;
    private boolean responseEnded;
    private boolean aborted;
    private long lastActivity;
    private long idleTimer = -1;
    private long firstTokenTimer = -1;
    String requestId;

    void start() {
      RequestOptions requestOptions = protocol.request().setConnectTimeout(options.connectTimeout().toMillis());
      http.request(requestOptions).onComplete(ar -> {
        if (ar.failed()) {
          failed(this, protocol.errors().unreachable(ar.cause()), true, null);
          return;
        }
        httpRequest = ar.result();
        if (aborted || this != current || done) {
          httpRequest.reset();
          return;
        }
        touch();
        armWatchdog(options.idleTimeout().toMillis());
        armFirstTokenTimer();
        httpRequest.send(body.copy()).onComplete(response -> {
          if (response.failed()) {
            failed(this, protocol.errors().unreachable(response.cause()), true, null);
          } else {
            onResponse(response.result());
          }
        });
      });
    }

    private void onResponse(HttpClientResponse response) {
      if (this != current || done) {
        return;
      }
      touch();
      requestId = response.getHeader(protocol.requestIdHeader());
      int status = response.statusCode();
      if (status / 100 != 2) {
        response.body().onComplete(bodyResult -> {
          responseEnded = true;
          UpstreamError error = bodyResult.succeeded() ? UpstreamError.parse(bodyResult.result()) : UpstreamError.NONE;
          failed(this, protocol.errors().http(status, error, !request.tools().isEmpty()),
              RetryPolicy.retryable(status, response.headers()), response.headers());
        });
        return;
      }
      String type = response.getHeader("content-type");
      if (type != null && type.toLowerCase().startsWith("application/json")) {
        response.body().onComplete(ignored -> {
          responseEnded = true;
          failed(this, protocol.errors().malformed("expected an event stream, got " + type, false), false, null);
        });
        return;
      }
      response.handler(chunk -> {
        if (this == current && !done) {
          touch();
          receivedNanos = lastActivity;
          try {
            parser.feed(chunk);
          } catch (IllegalStateException tooLong) {
            failed(this, protocol.errors().malformed(tooLong.getMessage(), delivered), false, null);
          }
          endOfRead();
        }
      });
      response.exceptionHandler(error -> failed(this, protocol.errors().connectionLost(delivered), true, null));
      response.endHandler(v -> {
        responseEnded = true;
        if (this != current || done) {
          return;
        }
        parser.end();
        endOfRead();
        if (!done) {
          LlmResult lenient;
          try {
            lenient = decoder.atEnd();
          } catch (LlmException malformed) {
            failed(this, malformed, false, null);
            return;
          }
          if (lenient != null) {
            finish(lenient, null, requestId);
          } else {
            failed(this, protocol.errors().connectionLost(delivered), true, null);
          }
        }
      });
    }

    private void onEvent(SseEvent event) {
      if (this != current || done) {
        return;
      }
      try {
        LlmResult complete = decoder.onEvent(event, StreamingCall.this::deliver);
        if (complete != null) {
          finish(complete, null, requestId);
        }
      } catch (LlmException error) {
        boolean retryable = error.kind() != Kind.BAD_REQUEST && error.kind() != Kind.KEY_REJECTED;
        failed(this, error, retryable, null);
      }
    }

    private void touch() {
      lastActivity = System.nanoTime();
    }

    /** One timer per attempt, re-armed for the remaining time instead of being reset on every chunk. */
    private void armWatchdog(long delayMillis) {
      idleTimer = vertx.setTimer(Math.max(1, delayMillis), id -> {
        idleTimer = -1;
        if (this != current || done) {
          return;
        }
        long idleMillis = options.idleTimeout().toMillis();
        long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActivity);
        if (silentMillis >= idleMillis) {
          failed(this, protocol.errors().silent(idleMillis, delivered), true, null);
        } else {
          armWatchdog(idleMillis - silentMillis);
        }
      });
    }

    /**
     * Pings and empty chunks keep the idle watchdog quiet, so a server that accepts the request and then never answers
     * would hold the call for attempts × idle timeout; this fails the attempt (retryably) when neither text nor a
     * tool call has begun within the first-token timeout of sending the request.
     */
    private void armFirstTokenTimer() {
      long millis = options.firstTokenTimeout().toMillis();
      firstTokenTimer = vertx.setTimer(millis, id -> {
        firstTokenTimer = -1;
        if (this != current || done || delivered || decoder.toolCallsStarted() > 0) {
          return;
        }
        failed(this, protocol.errors().noAnswer(millis), true, null);
      });
    }

    /** Stops the watchdog; with {@code close}, also drops a still-open response so nothing more is read or paid. */
    void stop(boolean close) {
      if (idleTimer >= 0) {
        vertx.cancelTimer(idleTimer);
        idleTimer = -1;
      }
      if (firstTokenTimer >= 0) {
        vertx.cancelTimer(firstTokenTimer);
        firstTokenTimer = -1;
      }
      if (close) {
        abort();
      } else if (!responseEnded) {
        // The answer is complete; a server that then keeps the response open must not hold a pooled connection.
        vertx.setTimer(options.idleTimeout().toMillis(), id -> abort());
      }
    }

    void abort() {
      aborted = true;
      if (httpRequest != null && !responseEnded) {
        responseEnded = true;
        // For HTTP/1.1 a reset closes the connection, which is the only way to tell the provider to stop generating.
        httpRequest.reset();
      }
    }
  }
}
