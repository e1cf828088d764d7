package fitcoach.llm;

import fitcoach.llm.LlmException.Kind;

/**
 * Turns upstream failures into {@link LlmException}s whose message an athlete can act on ("check the key in
 * Settings", "try again in a minute"). {@code name} is how the provider is called in a sentence, e.g.
 * "the Anthropic API" or "the AI server at 127.0.0.1:11434".
 */
final class LlmErrors {
  private final String name;
  private final boolean hasKey;

  LlmErrors(String name, boolean hasKey) {
    this.name = name;
    this.hasKey = hasKey;
  }

  String name() {
    return name;
  }

  /** A non-2xx answer to a request without tools. */
  LlmException http(int status, UpstreamError error) {
    return http(status, error, false);
  }

  /**
   * A non-2xx answer. With {@code toolsSent}, a 400, 422 or 500 whose message says tools are not supported means the
   * server or model cannot call tools (Ollama: "… does not support tools"; vLLM: "auto tool choice requires
   * --enable-auto-tool-choice"; llama.cpp: "tools param requires --jinja flag"; OpenAI: "Unsupported parameter:
   * 'tools' …").
   */
  LlmException http(int status, UpstreamError error, boolean toolsSent) {
    String detail = error.message() == null ? "" : ": " + error.message();
    if (toolsSent && refusesTools(status, error.message())) {
      return new LlmException(Kind.TOOLS_UNSUPPORTED, status,
          sentence(name + " cannot use tools with this model (HTTP " + status + ")" + detail), false);
    }
    if (status == 401 || status == 403) {
      return new LlmException(Kind.KEY_REJECTED, status, hasKey
          ? sentence(name + " rejected your API key (HTTP " + status + "). Check it in Settings.")
          : sentence(name + " asks for an API key (HTTP " + status + "). Add one in Settings."), false);
    }
    if (status == 429) {
      return new LlmException(Kind.RATE_LIMITED, status,
          sentence(name + " is rate-limiting this API key. Wait a minute and try again."), false);
    }
    if (status == 529 || "overloaded_error".equals(error.type())) {
      return new LlmException(Kind.OVERLOADED, status,
          sentence(name + " is overloaded right now. Try again in a few minutes."), false);
    }
    if (status == 413 && error.message() == null) {
      return new LlmException(Kind.BAD_REQUEST, status,
          sentence(name + " refused the request as too large (HTTP 413)."), false);
    }
    if (status >= 400 && status < 500 && status != 408 && status != 409) {
      return new LlmException(Kind.BAD_REQUEST, status,
          sentence(name + " refused the request (HTTP " + status + ")" + detail), false);
    }
    return new LlmException(Kind.UPSTREAM, status,
        sentence(name + " failed (HTTP " + status + ")" + detail + ". Try again shortly."), false);
  }

  /** An error reported inside a stream that had already started with HTTP 200. */
  LlmException inStream(UpstreamError error, boolean afterFirstToken) {
    String type = error.type() == null ? "" : error.type();
    String detail = error.message() == null ? type : error.message();
    Kind kind = switch (type) {
      case "overloaded_error" -> Kind.OVERLOADED;
      case "rate_limit_error" -> Kind.RATE_LIMITED;
      case "authentication_error", "permission_error" -> Kind.KEY_REJECTED;
      case "invalid_request_error", "not_found_error", "request_too_large" -> Kind.BAD_REQUEST;
      default -> Kind.UPSTREAM;
    };
    String message = switch (kind) {
      case OVERLOADED -> name + " became overloaded mid-answer (" + detail + "). Try again in a few minutes.";
      case RATE_LIMITED -> name + " is rate-limiting this API key (" + detail + "). Wait a minute and try again.";
      case KEY_REJECTED -> name + " rejected your API key (" + detail + "). Check it in Settings.";
      default -> name + " reported an error mid-answer: " + detail;
    };
    return new LlmException(kind, 0, sentence(message), afterFirstToken);
  }

  LlmException malformed(String what, boolean afterFirstToken) {
    return new LlmException(Kind.UPSTREAM, 0, sentence(name + " sent a malformed stream: " + what), afterFirstToken);
  }

  LlmException unreachable(Throwable cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new LlmException(Kind.CONNECTION, 0, "Could not reach " + name + ": " + reason, false);
  }

  LlmException connectionLost(boolean afterFirstToken) {
    return new LlmException(Kind.CONNECTION, 0,
        sentence(name + " closed the connection before the answer was complete."), afterFirstToken);
  }

  LlmException silent(long millis, boolean afterFirstToken) {
    return new LlmException(Kind.CONNECTION, 0,
        sentence(name + " sent nothing for " + seconds(millis) + "; giving up."), afterFirstToken);
  }

  /** The attempt produced neither text nor a tool call within the first-token timeout. */
  LlmException noAnswer(long millis) {
    return new LlmException(Kind.CONNECTION, 0, sentence(name + " sent no answer within " + seconds(millis)
        + "; giving up."), false);
  }

  /**
   * Only messages that say tools are not supported: a 400 that merely names a tool (e.g. a tool_use without its
   * tool_result, which is our bug) must stay a BAD_REQUEST, or the coach would silently answer without tools.
   */
  static boolean refusesTools(int status, String message) {
    if (message == null || (status != 400 && status != 422 && status != 500)) {
      return false;
    }
    return TOOLS_REFUSED.matcher(message).find();
  }

  private static final java.util.regex.Pattern TOOLS_REFUSED = java.util.regex.Pattern.compile(
      "(does not|doesn't|do not|cannot|can't) (support|use) (tools|tool calling|tool use|function)"
          + "|(tools|tool use|tool calling|function calling|functions)( are| is)? not (supported|enabled|available)"
          + "|unsupported (parameter|value)\\W+'?(tools|tool_choice|functions)"
          + "|enable-auto-tool-choice|tools param requires",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  static LlmException cancelled(boolean afterFirstToken) {
    return new LlmException(Kind.CANCELLED, 0, "The answer was cancelled.", afterFirstToken);
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static String sentence(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
