package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.SseStream;
import fitcoach.testing.TestDatabase;
import fitcoach.testing.llm.Reply;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Streaming answers end to end: the real app, a real database, the fake Anthropic server. */
class CoachStreamingTest extends CoachTestBase {

  @Test
  @DisplayName("Today's recommendation streams every token in order, then 'done' once it is stored with model and usage")
  void recommendation() {
    activity("file", "Tempo run", 1, 3600, 12_000, 150);
    client.post("/api/load/recompute", null);
    anthropic.next(Reply.text("Train", " today:", " 45 min", " steady.").usage(900, 4));
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      assertStreamHeaders(s);
      List<SseStream.Event> events = s.rest(WAIT);
      assertThat(events.get(0).event()).isEqualTo("start");
      assertThat(events.get(0).json().getString("streamId")).isNotBlank();
      assertThat(tokens(events)).containsExactly("Train", " today:", " 45 min", " steady.");
      assertThat(events.stream().filter(e -> e.event().equals("token")).map(SseStream.Event::id))
          .containsExactly("1", "2", "3", "4");
      JsonObject done = last(events, "done");
      assertThat(done.getString("status")).isEqualTo("complete");
      assertThat(done.getJsonObject("usage").getLong("inputTokens")).isEqualTo(900);
      assertThat(done.getJsonObject("usage").getLong("outputTokens")).isEqualTo(4);
      assertThat(done.getJsonArray("contextActivityIds")).hasSize(1);
    }
    var request = completions().get(0);
    assertThat(request.model()).isEqualTo("claude-sonnet-5");
    assertThat(request.streaming()).isTrue();
    assertThat(request.body().getInteger("max_tokens")).isEqualTo(1024);
    assertThat(request.system()).contains("## Training load on today").contains("\"name\":\"Tempo run\"");
    assertThat(request.lastUserText()).contains("train or rest today");

    JsonObject stored = client.get("/api/ai/recommendation").json();
    assertThat(stored.getJsonObject("ai").getString("content")).isEqualTo("Train today: 45 min steady.");
    assertThat(stored.getJsonObject("ai").getString("status")).isEqualTo("complete");
    assertThat(stored.getJsonObject("ai").getInteger("outputTokens")).isEqualTo(4);
    assertThat(stored.getJsonObject("rules").getString("source")).isEqualTo("rules");
    JsonObject usage = client.get("/api/ai/usage").json().getJsonArray("usage").getJsonObject(0);
    assertThat(usage.getString("model")).isEqualTo("claude-sonnet-5");
    assertThat(usage.getLong("inputTokens")).isEqualTo(900);
    assertThat(usage.getLong("calls")).isEqualTo(1);
  }

  @Test
  @DisplayName("A chat turn is stored with its answer; turn two sends the history; the session gets a short title")
  void chatTurns() {
    anthropic.next(Reply.text("Hi!", " Ready", " to train?").usage(500, 3));
    anthropic.next(Reply.text("Marathon build questions").usage(40, 3));
    String sessionId;
    try (SseStream s = client.stream("POST", "/api/ai/chat", new JsonObject().put("message", "Hello coach"), null)) {
      List<SseStream.Event> events = s.rest(WAIT);
      sessionId = events.get(0).json().getString("sessionId");
      assertThat(String.join("", tokens(events))).isEqualTo("Hi! Ready to train?");
      assertThat(last(events, "done").getString("messageId")).isEqualTo(events.get(0).json().getString("messageId"));
    }
    eventually("the title", () -> "Marathon build questions".equals(
        string("SELECT title FROM chat_sessions WHERE id = ?::uuid", sessionId)));
    var title = completions().get(1);
    assertThat(title.model()).isEqualTo("claude-haiku-4-5");
    assertThat(title.body().getInteger("max_tokens")).isEqualTo(20);

    anthropic.next(Reply.text("Sure."));
    try (SseStream s = client.stream("POST", "/api/ai/chat", new JsonObject().put("message", "Plan my week")
        .put("sessionId", sessionId), null)) {
      assertThat(tokens(s.rest(WAIT))).containsExactly("Sure.");
    }
    var second = completions().get(2);
    assertThat(second.turns()).extracting(t -> t.getString("role")).containsExactly("user", "assistant", "user");
    assertThat(fitcoach.testing.llm.RecordedRequest.content(second.turns().get(1))).isEqualTo("Hi! Ready to train?");
    assertThat(second.lastUserText()).isEqualTo("Plan my week");

    var messages = client.get("/api/ai/chat/sessions/" + sessionId + "/messages").json().getJsonArray("messages");
    assertThat(messages).hasSize(4);
    JsonObject answer = messages.getJsonObject(1);
    assertThat(answer.getString("role")).isEqualTo("assistant");
    assertThat(answer.getString("status")).isEqualTo("complete");
    assertThat(answer.getString("model")).isEqualTo("claude-sonnet-5");
    assertThat(answer.getInteger("inputTokens")).isEqualTo(500);
    assertThat(answer.getInteger("outputTokens")).isEqualTo(3);
    assertThat(client.get("/api/ai/chat/sessions").json().getJsonArray("sessions").getJsonObject(0).getString("title"))
        .isEqualTo("Marathon build questions");
  }

  @Test
  @DisplayName("When the browser goes away the upstream request is closed within a second and the partial answer is kept")
  void disconnectCancels() {
    anthropic.next(Reply.tokens(200).slow(Duration.ofMillis(50)));
    String messageId;
    long closedAt;
    try (SseStream s = client.stream("POST", "/api/ai/chat", new JsonObject().put("message", "Long answer please"), null)) {
      List<SseStream.Event> seen = s.until("token", WAIT);
      messageId = seen.get(0).json().getString("messageId");
      s.until("token", WAIT);
      closedAt = System.nanoTime();
    }
    await(anthropic.awaitClientDisconnects(1));
    long ms = (System.nanoTime() - closedAt) / 1_000_000;
    assertThat(ms).as("upstream closed %d ms after the browser", ms).isLessThan(1000);
    eventually("the answer marked interrupted", () -> "interrupted".equals(
        string("SELECT status FROM chat_messages WHERE id = ?::uuid", messageId)));
    String content = string("SELECT content FROM chat_messages WHERE id = ?::uuid", messageId);
    assertThat(content).isNotEmpty();
    assertThat(Reply.generatedText(200)).startsWith(content);
  }

  @Test
  @DisplayName("The stop endpoint ends the stream with status interrupted, closes the upstream and keeps the partial text")
  void stop() {
    anthropic.next(Reply.tokens(200).slow(Duration.ofMillis(50)));
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      String streamId = s.next(WAIT).json().getString("streamId");
      s.until("token", WAIT);
      assertThat(client.post("/api/ai/streams/" + streamId + "/stop", null).status()).isEqualTo(200);
      List<SseStream.Event> rest = s.rest(WAIT);
      assertThat(last(rest, "done").getString("status")).isEqualTo("interrupted");
    }
    await(anthropic.awaitClientDisconnects(1));
    assertThat(string("SELECT status FROM recommendations")).isEqualTo("interrupted");
    assertThat(string("SELECT status FROM llm_calls")).isEqualTo("interrupted");
  }

  @Test
  @DisplayName("A client reconnecting with Last-Event-ID gets exactly the tokens it missed, not a new generation")
  void resume() {
    anthropic.next(Reply.tokens(40).slow(Duration.ofMillis(20)));
    String streamId;
    StringBuilder text = new StringBuilder();
    SseStream reconnected;
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      streamId = s.next(WAIT).json().getString("streamId");
      for (int i = 0; i < 3; i++) {
        text.append(s.until("token", WAIT).get(0).json().getString("text"));
      }
      // Reconnected before the first connection drops, as a client does that notices a stall: the test then does not
      // depend on a busy machine reconnecting within the 300 ms grace.
      reconnected = client.stream("GET", "/api/ai/streams/" + streamId, null, "3");
    }
    try (SseStream again = reconnected) {
      assertStreamHeaders(again);
      List<SseStream.Event> events = again.rest(WAIT);
      List<SseStream.Event> tokenEvents = events.stream().filter(e -> e.event().equals("token")).toList();
      assertThat(tokenEvents.get(0).id()).isEqualTo("4");
      tokenEvents.forEach(e -> text.append(e.json().getString("text")));
      assertThat(last(events, "done").getString("status")).isEqualTo("complete");
    }
    assertThat(text.toString()).isEqualTo(Reply.generatedText(40));
    assertThat(completions()).hasSize(1);
  }

  @Test
  @DisplayName("429s before the first token are retried (honouring retry-after) and the answer still arrives")
  void retriesBeforeFirstToken() {
    anthropic.next(Reply.rateLimited().retryAfterMillis(20), 2);
    anthropic.next(Reply.text("Rest", " day."));
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      List<SseStream.Event> events = s.rest(WAIT);
      assertThat(String.join("", tokens(events))).isEqualTo("Rest day.");
      assertThat(last(events, "done").getString("status")).isEqualTo("complete");
    }
    assertThat(completions()).hasSize(3);
  }

  @Test
  @DisplayName("A rejected key ends the stream with an error event that says to check the key; nothing partial is claimed")
  void keyRejected() {
    anthropic.next(Reply.unauthorized());
    try (SseStream s = client.stream("POST", "/api/ai/recommendation", null, null)) {
      JsonObject error = last(s.rest(WAIT), "error");
      assertThat(error.getString("code")).isEqualTo("llm_key_rejected");
      assertThat(error.getString("message")).contains("API key was rejected");
      assertThat(error.getBoolean("partial")).isFalse();
    }
    assertThat(completions()).hasSize(1);
    assertThat(string("SELECT status FROM recommendations")).isEqualTo("error");
  }

  @Test
  @DisplayName("An upstream error after the first tokens ends the stream with an error event; the partial answer is stored as error")
  void errorMidStream() {
    anthropic.next(Reply.text("One", " two", " three", " four").errorAfter(2));
    String messageId;
    try (SseStream s = client.stream("POST", "/api/ai/chat", new JsonObject().put("message", "Count"), null)) {
      List<SseStream.Event> events = s.rest(WAIT);
      messageId = events.get(0).json().getString("messageId");
      assertThat(tokens(events)).containsExactly("One", " two");
      JsonObject error = last(events, "error");
      assertThat(error.getString("code")).isEqualTo("llm_overloaded");
      assertThat(error.getBoolean("partial")).isTrue();
    }
    assertThat(string("SELECT status FROM chat_messages WHERE id = ?::uuid", messageId)).isEqualTo("error");
    assertThat(string("SELECT content FROM chat_messages WHERE id = ?::uuid", messageId)).isEqualTo("One two");
    assertThat(TestDatabase.count("SELECT count(*) FROM chat_messages")).isEqualTo(2);
  }

  @Test
  @DisplayName("Retrying a failed answer writes it again in place: the question is stored once and sent once")
  void retryAfterError() {
    anthropic.next(Reply.text("One", " two", " three").errorAfter(1));
    String sessionId;
    String failedId;
    try (SseStream s = client.stream("POST", "/api/ai/chat", new JsonObject().put("message", "Count"), null)) {
      List<SseStream.Event> events = s.rest(WAIT);
      sessionId = events.get(0).json().getString("sessionId");
      failedId = events.get(0).json().getString("messageId");
      assertThat(last(events, "error").getBoolean("partial")).isTrue();
    }

    anthropic.next(Reply.text("One", " two", " three"));
    JsonObject retry = new JsonObject().put("message", "Count").put("sessionId", sessionId).put("retry", true);
    try (SseStream s = client.stream("POST", "/api/ai/chat", retry, null)) {
      List<SseStream.Event> events = s.rest(WAIT);
      assertThat(events.get(0).json().getString("messageId")).isEqualTo(failedId);
      assertThat(String.join("", tokens(events))).isEqualTo("One two three");
      assertThat(last(events, "done").getString("status")).isEqualTo("complete");
    }
    // The last answer request (a title request for the session may follow it).
    var resent = completions().stream().filter(r -> r.body().getInteger("max_tokens") > 20).reduce((a, b) -> b).orElseThrow();
    assertThat(resent.turns()).extracting(t -> t.getString("role")).containsExactly("user");
    assertThat(resent.lastUserText()).isEqualTo("Count");
    var messages = client.get("/api/ai/chat/sessions/" + sessionId + "/messages").json().getJsonArray("messages");
    assertThat(messages).hasSize(2);
    assertThat(messages.getJsonObject(0).getString("content")).isEqualTo("Count");
    assertThat(messages.getJsonObject(1).getString("content")).isEqualTo("One two three");
    assertThat(messages.getJsonObject(1).getString("status")).isEqualTo("complete");

    // Nothing failed now: a retry of the same words is a new turn, not a rewrite of the good answer.
    anthropic.next(Reply.text("Again: one two three"));
    try (SseStream s = client.stream("POST", "/api/ai/chat", retry, null)) {
      assertThat(last(s.rest(WAIT), "done").getString("messageId")).isNotEqualTo(failedId);
    }
    assertThat(client.get("/api/ai/chat/sessions/" + sessionId + "/messages").json().getJsonArray("messages")).hasSize(4);
    assertThat(client.post("/api/ai/chat", new JsonObject().put("message", "Count").put("retry", "yes")).status())
        .isEqualTo(422);
  }

  @Test
  @DisplayName("A chat answer still being written is listed with its stream id, so a reloaded page can follow the rest")
  void messagesNameTheLiveStream() {
    anthropic.next(Reply.tokens(30).slow(Duration.ofMillis(30)));
    try (SseStream s = client.stream("POST", "/api/ai/chat", new JsonObject().put("message", "Long answer please"), null)) {
      JsonObject start = s.next(WAIT).json();
      s.until("token", WAIT);
      var messages = client.get("/api/ai/chat/sessions/" + start.getString("sessionId") + "/messages").json()
          .getJsonArray("messages");
      assertThat(messages.getJsonObject(0).getValue("streamId")).isNull();
      assertThat(messages.getJsonObject(1).getString("status")).isEqualTo("streaming");
      assertThat(messages.getJsonObject(1).getString("streamId")).isEqualTo(start.getString("streamId"));

      try (SseStream follow = client.stream("GET", "/api/ai/streams/" + start.getString("streamId"), null, null)) {
        List<SseStream.Event> events = follow.rest(WAIT);
        assertThat(String.join("", tokens(events))).isEqualTo(Reply.generatedText(30));
        assertThat(last(events, "done").getString("status")).isEqualTo("complete");
      }
      s.rest(WAIT);
      var after = client.get("/api/ai/chat/sessions/" + start.getString("sessionId") + "/messages").json()
          .getJsonArray("messages").getJsonObject(1);
      assertThat(after.getString("status")).isEqualTo("complete");
      assertThat(after.getValue("streamId")).isNull();
    }
  }

  @Test
  @DisplayName("Several clients following one answer, whichever event loop serves them, each get every token once, in order")
  void manyFollowers() {
    anthropic.next(Reply.tokens(60).slow(Duration.ofMillis(15)));
    try (SseStream s = client.stream("POST", "/api/ai/chat", new JsonObject().put("message", "Long answer please"), null)) {
      String streamId = s.next(WAIT).json().getString("streamId");
      String first = String.join("", tokens(s.until("token", WAIT)));
      // New connections go round-robin to the two HTTP verticles, so some followers sit on another event loop than the
      // upstream call and get tokens handed over as tasks, the others in the same turn as the read.
      List<SseStream> followers = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        followers.add(client.stream("GET", "/api/ai/streams/" + streamId, null, null));
      }
      try {
        for (SseStream f : followers) {
          List<SseStream.Event> events = f.rest(WAIT);
          assertThat(events.stream().filter(e -> e.event().equals("token")).map(SseStream.Event::id))
              .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 60).mapToObj(String::valueOf).toList());
          assertThat(String.join("", tokens(events))).isEqualTo(Reply.generatedText(60));
          assertThat(last(events, "done").getString("status")).isEqualTo("complete");
        }
      } finally {
        followers.forEach(SseStream::close);
      }
      assertThat(first + String.join("", tokens(s.rest(WAIT)))).isEqualTo(Reply.generatedText(60));
    }
  }
}
