package fitcoach.llm;

import io.vertx.core.Future;

/** A running completion: its outcome, and a way to stop it so no more tokens are paid for. */
public interface LlmCall {

  /** Completes with usage and stop reason, or fails with an {@link LlmException} (kind CANCELLED after {@link #cancel()}). */
  Future<LlmResult> result();

  /** Closes the upstream connection at once; idempotent. */
  void cancel();

  /**
   * {@code System.nanoTime()} when the network bytes now being decoded arrived; read inside the delta callback, it
   * dates the delta. 0 when unknown.
   */
  default long receivedNanos() {
    return 0;
  }

  /** Rounds that ran tools so far (a {@link ToolLoop}); also known after a failure, when there is no result. */
  default int toolRounds() {
    return 0;
  }
}
