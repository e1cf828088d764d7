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

  static List<LlmMessage> fit(List<ChatMessageView> stored, String newMessage, int budgetTokens) {
    List<LlmMessage> turns = new ArrayList<>();
    for (ChatMessageView m : stored) {
      if (m.content() != null && !m.content().isBlank()) {
        add(turns, "user".equals(m.role()) ? LlmMessage.Role.USER : LlmMessage.Role.ASSISTANT, m.content());
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

  private static void add(List<LlmMessage> turns, LlmMessage.Role role, String content) {
    if (!turns.isEmpty() && turns.get(turns.size() - 1).role() == role) {
      LlmMessage last = turns.remove(turns.size() - 1);
      turns.add(new LlmMessage(role, last.content() + "\n\n" + content));
    } else {
      turns.add(new LlmMessage(role, content));
    }
  }
}
