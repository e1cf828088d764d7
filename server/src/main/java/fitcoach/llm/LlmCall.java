package fitcoach.llm;

import io.vertx.core.Future;

/** A running completion: its outcome, and a way to stop it so no more tokens are paid for. */
public interface LlmCall {

  /** Completes with usage and stop reason, or fails with an {@link LlmException} (kind CANCELLED after {@link #cancel()}). */
  Future<LlmResult> result();

  /** Closes the upstream connection at once; idempotent. */
  void cancel();
}
