package fitcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TextDeltaTest {
  private static final Supplier<LlmException> MALFORMED =
      () -> new LlmException(LlmException.Kind.UPSTREAM, 0, "malformed", false);

  /** What a general JSON parser makes of the event: the reference the scanner must agree with. */
  private static String reference(String data) {
    JsonObject delta = new JsonObject(data).getValue("delta") instanceof JsonObject d ? d : null;
    if (delta == null || !"text_delta".equals(delta.getValue("type"))) {
      return null;
    }
    return delta.getValue("text") instanceof String text ? text : null;
  }

  @Test
  void agreesWithAJsonParserOnTheEventsProvidersSend() {
    List<String> events = List.of(
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"\"}}",
        "{\"delta\":{\"text\":\"first\",\"type\":\"text_delta\"},\"type\":\"content_block_delta\",\"index\":12}",
        " { \"type\" : \"content_block_delta\" , \"index\" : 0 , \"delta\" : { \"type\" : \"text_delta\" , \"text\" : \"a b\" } } ",
        "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\":\"}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hmm\"}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Line\\nbreak \\\"quoted\\\" \\\\ \\/ \\t\\r\\b\\f\"}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Gr\\u00fc\\u00dfe \\ud83d\\udca4 and Grüße 💤\"}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"extra\":{\"nested\":[1,-2.5e3,true,false,null,{\"x\":[]}],\"s\":\"}\"},"
            + "\"delta\":{\"meta\":{\"a\":[{}]},\"type\":\"text_delta\",\"text\":\"after nesting\",\"n\":0.5}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":42}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\"}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"one\",\"text\":\"two\"}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":\"not an object\"}",
        "{}");
    for (String event : events) {
      assertThat(TextDelta.read(event, MALFORMED)).as(event).isEqualTo(reference(event));
    }
  }

  @Test
  void agreesWithAJsonParserOnRandomText() {
    Random random = new Random(6);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int k = 0; k < length; k++) {
        text.append((char) switch (random.nextInt(5)) {
          case 0 -> random.nextInt(0x20);
          case 1 -> '"';
          case 2 -> '\\';
          case 3 -> 0x80 + random.nextInt(0x2000);
          default -> 0x20 + random.nextInt(0x5f);
        });
      }
      String event = new JsonObject().put("type", "content_block_delta").put("index", 0)
          .put("delta", new JsonObject().put("type", "text_delta").put("text", text.toString())).encode();
      assertThat(TextDelta.read(event, MALFORMED)).as(event).isEqualTo(text.toString());
    }
  }

  @Test
  void malformedEventsAreRefused() {
    List<String> bad = List.of("", "[]", "{", "{\"delta\":{\"type\":\"text_delta\",\"text\":\"open}}",
        "{\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}} trailing", "{\"a\":tru}", "{\"a\":01x}", "{\"a\":-}",
        "{\"a\":\"bad \\x escape\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"raw\ncontrol\"}", "{\"a\" 1}", "{\"a\":1,}",
        "{a:1}", "{\"a\":[1 2]}");
    for (String event : bad) {
      assertThatThrownBy(() -> TextDelta.read(event, MALFORMED)).as(event).isInstanceOf(LlmException.class);
    }
  }
}
