package fitcoach.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Reads the text of a {@code content_block_delta} event with Jackson's streaming parser: this runs once per token, and
 * building a map of the whole event for one string cost more than everything else on the token's way.
 */
final class TextDelta {
  private static final JsonFactory FACTORY = new JsonFactory();

  private TextDelta() {
  }

  /** The delta's text, or null for a delta of another type (e.g. {@code input_json_delta}). */
  static String read(String data, Supplier<LlmException> malformed) {
    try (JsonParser p = FACTORY.createParser(data)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw malformed.get();
      }
      String type = null;
      String text = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("delta".equals(field) && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("type".equals(name) && v == JsonToken.VALUE_STRING) {
              type = p.getText();
            } else if ("text".equals(name) && v == JsonToken.VALUE_STRING) {
              text = p.getText();
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
      return "text_delta".equals(type) ? text : null;
    } catch (IOException e) {
      throw malformed.get();
    }
  }
}
