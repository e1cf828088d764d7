package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.llm.LlmMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChatHistoryTest {
  private static ChatMessageView message(String role, String content) {
    return new ChatMessageView(UUID.randomUUID(), role, content, "complete", null, null, null, List.of(), Instant.EPOCH, null,
        null, List.of());
  }

  @Test
  @DisplayName("Over the budget, the oldest turns go first and the conversation still starts with the athlete")
  void dropsOldestFirst() {
    List<ChatMessageView> stored = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      stored.add(message("user", "question " + i + " " + "x".repeat(340)));
      stored.add(message("assistant", "answer " + i + " " + "y".repeat(340)));
    }
    List<LlmMessage> fitted = ChatHistory.fit(stored, "latest question", 1000);
    assertThat(fitted.get(0).role()).isEqualTo(LlmMessage.Role.USER);
    assertThat(fitted.get(fitted.size() - 1).content()).isEqualTo("latest question");
    int tokens = fitted.stream().mapToInt(m -> ChatHistory.estimateTokens(m.content())).sum();
    assertThat(tokens).isLessThanOrEqualTo(1000);
    assertThat(fitted.get(fitted.size() - 2).content()).startsWith("answer 9");
    assertThat(fitted).noneMatch(m -> m.content().startsWith("question 0"));
    assertThat(fitted.size()).isBetween(3, 9);
  }

  @Test
  @DisplayName("Empty or failed answers are left out and same-role turns are merged, so roles alternate")
  void alternates() {
    List<ChatMessageView> stored = List.of(message("user", "first"), message("assistant", ""), message("user", "again"),
        message("assistant", "answer"));
    List<LlmMessage> fitted = ChatHistory.fit(stored, "next", 10_000);
    assertThat(fitted).extracting(LlmMessage::role).containsExactly(LlmMessage.Role.USER, LlmMessage.Role.ASSISTANT,
        LlmMessage.Role.USER);
    assertThat(fitted.get(0).content()).isEqualTo("first\n\nagain");
  }

  @Test
  @DisplayName("A message larger than the whole budget is still sent, alone")
  void hugeMessage() {
    List<LlmMessage> fitted = ChatHistory.fit(List.of(message("user", "a"), message("assistant", "b")), "z".repeat(50_000), 100);
    assertThat(fitted).hasSize(1);
  }

  private static ChatMessageView answer(String content, AnswerBasis basis) {
    return new ChatMessageView(UUID.randomUUID(), "assistant", content, "complete", null, null, null, List.of(), Instant.EPOCH,
        null, basis, List.of());
  }

  @Test
  @DisplayName("With Strava API data now off, earlier answers written from it go to the model as a placeholder; the "
      + "athlete's own words and answers from their own data go verbatim")
  void policyInForceNow() {
    AnswerBasis fromStrava = new AnswerBasis(40, 10, 30, 0, true);
    AnswerBasis ownOnly = new AnswerBasis(10, 10, 0, 30, false);
    List<ChatMessageView> stored = List.of(message("user", "How was my Strava ride?"),
        answer("Your ride 'Col du Galibier' had 245 W normalized power.", fromStrava),
        message("user", "And my runs?"), answer("Your run 'Parkrun PB' was 19:58.", ownOnly),
        message("user", "Old question"), answer("An answer stored before bases were kept.", null));
    List<LlmMessage> now = ChatHistory.fit(stored, "next", 10_000, false);
    String sent = String.join("\n", now.stream().map(LlmMessage::content).toList());
    assertThat(sent).doesNotContain("Galibier").doesNotContain("245 W").doesNotContain("before bases were kept")
        .contains("Parkrun PB").contains("How was my Strava ride?").contains(ChatHistory.LEFT_OUT);
    assertThat(now).extracting(LlmMessage::role).containsExactly(LlmMessage.Role.USER, LlmMessage.Role.ASSISTANT,
        LlmMessage.Role.USER, LlmMessage.Role.ASSISTANT, LlmMessage.Role.USER, LlmMessage.Role.ASSISTANT, LlmMessage.Role.USER);

    String allowed = String.join("\n", ChatHistory.fit(stored, "next", 10_000, true).stream().map(LlmMessage::content).toList());
    assertThat(allowed).contains("Galibier").contains("before bases were kept").doesNotContain(ChatHistory.LEFT_OUT);
  }
}
