package fitcoach.llm;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GETs one JSON document from a provider (model lists) with the same timeouts, retries and error wording as streams. */
final class JsonGet {
  private static final Logger LOG = LoggerFactory.getLogger(JsonGet.class);
  private final Vertx vertx;
  private final HttpClient http;
  private final LlmOptions options;
  private final RetryPolicy retry;
  private final LlmErrors errors;
  private final String requestIdHeader;

  JsonGet(Vertx vertx, HttpClient http, LlmOptions options, LlmErrors errors, String requestIdHeader) {
    this.vertx = vertx;
    this.http = http;
    this.options = options;
    this.retry = new RetryPolicy(options);
    this.errors = errors;
    this.requestIdHeader = requestIdHeader;
  }

  /**
   * {@code request} supplies a fresh request (URL and headers) for every attempt. The attempts run on a Vert.x context
   * even when the caller is not on one: from a plain thread, the response could otherwise end on the event loop before
   * the body handler is attached, and the call would never complete.
   */
  Future<JsonObject> get(Supplier<RequestOptions> request) {
    Context context = vertx.getOrCreateContext();
    Promise<JsonObject> promise = Promise.promise();
    if (Vertx.currentContext() == context) {
      attempt(request, 0, promise);
    } else {
      context.runOnContext(v -> attempt(request, 0, promise));
    }
    return promise.future();
  }

  private void attempt(Supplier<RequestOptions> request, int retriesTaken, Promise<JsonObject> promise) {
    RequestOptions options = request.get().setMethod(HttpMethod.GET)
        .setConnectTimeout(this.options.connectTimeout().toMillis())
        .setIdleTimeout(this.options.idleTimeout().toMillis());
    http.request(options)
        .compose(req -> req.send())
        .compose(response -> response.body().map(body -> new Answer(response, body)))
        .onComplete(ar -> {
          if (ar.failed()) {
            retryOrFail(request, retriesTaken, promise, errors.unreachable(ar.cause()), true, null);
            return;
          }
          Answer answer = ar.result();
          int status = answer.response.statusCode();
          if (status / 100 != 2) {
            retryOrFail(request, retriesTaken, promise, errors.http(status, UpstreamError.parse(answer.body)),
                RetryPolicy.retryable(status, answer.response.headers()), answer.response);
            return;
          }
          try {
            promise.complete(new JsonObject(answer.body));
          } catch (RuntimeException e) {
            promise.fail(errors.malformed("the model list is not a JSON object", false));
          }
        });
  }

  private void retryOrFail(Supplier<RequestOptions> request, int retriesTaken, Promise<JsonObject> promise,
      LlmException error, boolean retryable, HttpClientResponse response) {
    String requestId = response == null ? null : response.getHeader(requestIdHeader);
    if (retryable && retriesTaken < retry.maxRetries()) {
      long delay = retry.delayMillis(retriesTaken, response == null ? null : response.headers());
      vertx.setTimer(Math.max(1, delay), id -> attempt(request, retriesTaken + 1, promise));
      return;
    }
    LOG.warn("Listing models at {} failed: {} (status {}, request-id {}): {}", errors.name(), error.kind(),
        error.status(), requestId, error.getMessage());
    promise.fail(error);
  }

  private record Answer(HttpClientResponse response, Buffer body) {}
}
