package fitcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Messages API decoder's text path, fed raw bytes through {@link SseParser} as the client feeds it. */
class AnthropicStreamTest {
  private static final String START = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":"
      + "{\"model\":\"claude-test\",\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n";
  private static final String STOP = "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

  /** A {@code content_block_delta} whose delta is this JSON object text. */
  private static String delta(String deltaJson) {
    return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":" + deltaJson
        + "}\n\n";
  }

  private static String text(String jsonString) {
    return delta("{\"type\":\"text_delta\",\"text\":" + jsonString + "}");
  }

  @Test
  @DisplayName("JSON escapes in a delta's text are undone: quotes, backslash, slash, control characters, \\u escapes "
      + "and surrogate pairs")
  void escapes() {
    String stream = START
        + text("\"Line\\nbreak \\\"quoted\\\" \\\\ \\/ \\t\\r\\b\\f\\u0001\"")
        + text("\"Gr\\u00fc\\u00dfe \\ud83d\\udca4 and \\u2028\"")
        + STOP;

    assertThat(decode(List.of(bytes(stream))))
        .containsExactly("Line\nbreak \"quoted\" \\ / \t\r\b\f\u0001", "Grüße 💤 and \u2028");
  }

  @Test
  @DisplayName("A stream with raw UTF-8 and escapes cut into two pieces at every byte gives the same deltas")
  void splitAtEveryByte() {
    byte[] all = bytes(START + text("\"Zone 2 — Grüße \"") + text("\"💤💤\"") + text("\"\\\"ok\\\"\\n\\u00e9\"") + STOP);
    List<String> expected = List.of("Zone 2 — Grüße ", "💤💤", "\"ok\"\né");
    for (int split = 0; split <= all.length; split++) {
      List<byte[]> pieces = List.of(Arrays.copyOfRange(all, 0, split), Arrays.copyOfRange(all, split, all.length));
      assertThat(decode(pieces)).as("split at byte %d", split).containsExactlyElementsOf(expected);
    }
  }

  @Test
  @DisplayName("Other delta types and a text that is not a string are skipped; unknown fields of any type are ignored")
  void skipped() {
    String stream = START
        + delta("{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\":\"}")
        + delta("{\"type\":\"thinking_delta\",\"thinking\":\"hmm\"}")
        + text("42")
        + delta("{\"type\":\"text_delta\"}")
        + delta("{\"meta\":{\"a\":[{}, null, -2.5e3]},\"type\":\"text_delta\",\"text\":\"kept\",\"n\":true}")
        + STOP;

    assertThat(decode(List.of(bytes(stream)))).containsExactly("kept");
  }

  @Test
  @DisplayName("A content_block_delta that is not a JSON object fails the stream as malformed")
  void malformed() {
    for (String data : List.of("not json", "[]", "{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\","
        + "\"text\":\"open}}", "{\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}} trailing")) {
      String stream = START + "event: content_block_delta\ndata: " + data + "\n\n" + STOP;
      assertThatThrownBy(() -> decode(List.of(bytes(stream)))).as(data)
          .isInstanceOf(LlmException.class).hasMessageContaining("malformed stream: unreadable content_block_delta event");
    }
  }

  /** The deltas of a complete stream (one that reaches message_stop). */
  private static List<String> decode(List<byte[]> pieces) {
    AnthropicStream decoder = new AnthropicStream(new LlmErrors("The Anthropic API", true));
    List<String> deltas = new ArrayList<>();
    List<LlmResult> results = new ArrayList<>();
    SseParser parser = new SseParser(event -> {
      LlmResult result = decoder.onEvent(event, deltas::add);
      if (result != null) {
        results.add(result);
      }
    });
    pieces.forEach(parser::feed);
    parser.end();
    assertThat(results).as("message_stop reached").hasSize(1);
    assertThat(results.get(0).model()).isEqualTo("claude-test");
    return deltas;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
