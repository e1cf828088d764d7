package fitcoach.coach;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SseTextTest {
  @Test
  @DisplayName("Token text is quoted as JSON that parses back to exactly the same string, on one SSE line")
  void roundTrip() {
    String[] samples = {"plain", "say \"hi\"", "back\\slash", "two\nlines\r\n", "tab\there", "\u0001\u001f", "emoji 💤 ok",
        "line\u2028sep\u2029", "ünïcödé – “quotes”", ""};
    for (String s : samples) {
      StringBuilder out = new StringBuilder();
      SseText.quote(s, out);
      assertThat(out.toString()).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u2028");
      assertThat(new JsonObject("{\"text\":" + out + "}").getString("text")).isEqualTo(s);
    }
  }
}
