package fitcoach.llm;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a call's outcome from the test thread, with a deadline instead of sleeps. */
final class Outcomes {
  static final long TIMEOUT_SECONDS = 30;

  private Outcomes() {
  }

  static <T> T success(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected success, got " + e.getCause(), e.getCause());
    } catch (TimeoutException | InterruptedException e) {
      throw new AssertionError("no outcome within " + TIMEOUT_SECONDS + " s", e);
    }
  }

  static LlmException failure(Future<?> future) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError("expected an LlmException, got success: " + value);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LlmException llm) {
        return llm;
      }
      throw new AssertionError("expected an LlmException, got " + e.getCause(), e.getCause());
    } catch (TimeoutException | InterruptedException e) {
      throw new AssertionError("no outcome within " + TIMEOUT_SECONDS + " s", e);
    }
  }
}
