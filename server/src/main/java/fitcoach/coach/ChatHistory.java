package fitcoach.coach;

import fitcoach.llm.LlmMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversation sent to the model: stored turns plus the new message, within a token budget, dropping the oldest
 * turns first. Turns are merged so roles alternate and the conversation starts with the athlete (both APIs want that).
 */
final class ChatHistory {
  /** A deliberately cautious estimate: about 3.5 characters per token for English text. */
  static int estimateTokens(String text) {
    return (int) Math.ceil(text.length() / 3.5);
  }

  private ChatHistory() {
  }

  /** What replaces an earlier answer the data policy in force now would not let the model see. */
  static final String LEFT_OUT = "[An earlier answer, left out here: it drew on Strava API data, which the athlete's data "
      + "policy now keeps from the AI.]";

  static List<LlmMessage> fit(List<ChatMessageView> stored, String newMessage, int budgetTokens) {
    return fit(stored, newMessage, budgetTokens, true);
  }

  /**
   * @param stravaApiAllowedNow the data policy in force now: earlier answers written from Strava API data (or of
   *                            unknown basis) are sent as a one-line placeholder when it no longer allows that data
   */
  static List<LlmMessage> fit(List<ChatMessageView> stored, String newMessage, int budgetTokens, boolean stravaApiAllowedNow) {
    List<LlmMessage> turns = new ArrayList<>();
    for (ChatMessageView m : stored) {
      if (m.content() != null && !m.content().isBlank()) {
        boolean user = "user".equals(m.role());
        String content = user || stravaApiAllowedNow || !drewOnStravaApi(m) ? m.content() : LEFT_OUT;
        add(turns, user ? LlmMessage.Role.USER : LlmMessage.Role.ASSISTANT, content);
      }
    }
    add(turns, LlmMessage.Role.USER, newMessage);
    int total = turns.stream().mapToInt(t -> estimateTokens(t.content())).sum();
    int first = 0;
    // Keep the last turn whatever its size; drop whole turns from the front, never leaving an assistant turn first.
    while (first < turns.size() - 1 && (total > budgetTokens || turns.get(first).role() != LlmMessage.Role.USER)) {
      total -= estimateTokens(turns.get(first).content());
      first++;
    }
    return List.copyOf(turns.subList(first, turns.size()));
  }

  /** Whether an answer may quote Strava API data: its basis says the coach read some, or it predates kept bases. */
  static boolean drewOnStravaApi(ChatMessageView answer) {
    AnswerBasis basis = answer.basis();
    return basis == null || (basis.stravaApiAllowed() && basis.stravaApi() > 0);
  }

  private static void add(List<LlmMessage> turns, LlmMessage.Role role, String content) {
    if (!turns.isEmpty() && turns.get(turns.size() - 1).role() == role) {
      LlmMessage last = turns.remove(turns.size() - 1);
      turns.add(new LlmMessage(role, last.content() + "\n\n" + content));
    } else {
      turns.add(new LlmMessage(role, content));
    }
  }
}
