package fitcoach.coach;

import fitcoach.llm.LlmException;

/** Failed model calls in words the athlete can act on, with a stable code for the UI. */
final class CoachErrors {
  private CoachErrors() {
  }

  static String code(LlmException e) {
    return switch (e.kind()) {
      case KEY_REJECTED -> "llm_key_rejected";
      case RATE_LIMITED -> "llm_rate_limited";
      case OVERLOADED -> "llm_overloaded";
      case BAD_REQUEST -> "llm_request_refused";
      case TOOLS_UNSUPPORTED -> "llm_tools_unsupported";
      case UPSTREAM -> "llm_upstream_error";
      case CONNECTION -> "llm_unreachable";
      case CANCELLED -> "interrupted";
    };
  }

  static String message(LlmException e) {
    String cut = e.afterFirstToken() ? " The answer stopped part way; what arrived is kept." : "";
    return switch (e.kind()) {
      case KEY_REJECTED -> "Your API key was rejected. Check it in Settings → AI coach.";
      case RATE_LIMITED -> "The AI provider is rate-limiting this key. Wait a minute and try again." + cut;
      case OVERLOADED -> "The AI provider is overloaded right now. Try again in a moment." + cut;
      case BAD_REQUEST -> "The AI provider refused the request: " + e.getMessage()
          + ". If the model was retired, pick another one in Settings → AI coach.";
      case TOOLS_UNSUPPORTED -> "The AI model cannot look things up (it does not support tools): " + e.getMessage() + ".";
      case UPSTREAM -> "The AI provider had an error: " + e.getMessage() + "." + cut;
      case CONNECTION -> "The AI provider could not be reached or stopped answering." + cut;
      case CANCELLED -> "The answer was stopped.";
    };
  }
}
