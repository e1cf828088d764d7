package fitcoach.llm;

/**
 * Why a completion failed, in terms the coach can act on. {@code afterFirstToken} tells whether a partial answer
 * exists (then the stream ends with an error event and the partial text is kept).
 */
public final class LlmException extends RuntimeException {

  public enum Kind {
    /** 401/403: the API key was rejected. */
    KEY_REJECTED,
    /** 429 after the allowed retries. */
    RATE_LIMITED,
    /** 529 / overloaded_error after the allowed retries, or in the stream. */
    OVERLOADED,
    /** 400/404/413/422: the request itself was refused (e.g. an unknown or retired model). */
    BAD_REQUEST,
    /** 5xx, an in-stream api_error, or a malformed stream. */
    UPSTREAM,
    /** The connection failed, closed early, or went silent past the idle timeout. */
    CONNECTION,
    /** {@link LlmCall#cancel()} was called. */
    CANCELLED,
    /**
     * HTTP 400 whose message names tools, functions or tool_choice (e.g. Ollama's "model does not support tools"): the
     * server or model cannot call tools; never retried, the caller falls back to a request without tools.
     */
    TOOLS_UNSUPPORTED
  }

  private final Kind kind;
  private final int status;
  private final boolean afterFirstToken;
  private final LlmUsage usage;

  public LlmException(Kind kind, int status, String message, boolean afterFirstToken) {
    this(kind, status, message, afterFirstToken, LlmUsage.NONE);
  }

  public LlmException(Kind kind, int status, String message, boolean afterFirstToken, LlmUsage usage) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.afterFirstToken = afterFirstToken;
    this.usage = usage == null ? LlmUsage.NONE : usage;
  }

  /** The same failure, with what the provider had reported as used before it happened. */
  public LlmException withUsage(LlmUsage reported) {
    return new LlmException(kind, status, getMessage(), afterFirstToken, reported);
  }

  /** The same failure, saying whether text had reached the caller. */
  public LlmException withAfterFirstToken(boolean delivered) {
    return delivered == afterFirstToken ? this : new LlmException(kind, status, getMessage(), delivered, usage);
  }

  /** What the provider reported as used before the failure (paid for even so); {@link LlmUsage#NONE} if nothing. */
  public LlmUsage usage() {
    return usage;
  }

  public Kind kind() {
    return kind;
  }

  /** The upstream HTTP status, or 0 when there was none (connection failure, in-stream error, cancel). */
  public int status() {
    return status;
  }

  public boolean afterFirstToken() {
    return afterFirstToken;
  }
}
