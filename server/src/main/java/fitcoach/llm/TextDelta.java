package fitcoach.llm;

import java.util.function.Supplier;

/**
 * Reads the text of a {@code content_block_delta} event ({@code {"type":"content_block_delta","index":0,"delta":
 * {"type":"text_delta","text":"…"}}}) with a scanner made for this one shape: it runs once per token, where a general
 * parser (even Jackson's streaming one, with its context objects per call) was the largest source of garbage on a
 * token's way. Anything that is not well-formed JSON is malformed; unknown fields and values of any type are skipped.
 */
final class TextDelta {
  private final String s;
  private final Supplier<LlmException> malformed;
  private int i;

  private TextDelta(String s, Supplier<LlmException> malformed) {
    this.s = s;
    this.malformed = malformed;
  }

  /** The delta's text, or null for a delta of another type (e.g. {@code input_json_delta}). */
  static String read(String data, Supplier<LlmException> malformed) {
    TextDelta scan = new TextDelta(data, malformed);
    String text = scan.event();
    scan.space();
    if (scan.i != data.length()) {
      throw malformed.get();
    }
    return text;
  }

  private String event() {
    String[] found = new String[2];
    expect('{');
    if (!consume('}')) {
      do {
        String field = string();
        expect(':');
        space();
        if ("delta".equals(field) && peek() == '{') {
          delta(found);
        } else {
          skipValue();
        }
      } while (consume(','));
      expect('}');
    }
    return "text_delta".equals(found[0]) ? found[1] : null;
  }

  /** Fills {@code found} with the delta's type and text (later duplicates win, as with a JSON object). */
  private void delta(String[] found) {
    found[0] = null;
    found[1] = null;
    expect('{');
    if (consume('}')) {
      return;
    }
    do {
      String field = string();
      expect(':');
      space();
      boolean wanted = "type".equals(field) || "text".equals(field);
      if (wanted && peek() == '"') {
        found["type".equals(field) ? 0 : 1] = string();
      } else {
        if (wanted) {
          found["type".equals(field) ? 0 : 1] = null;
        }
        skipValue();
      }
    } while (consume(','));
    expect('}');
  }

  private void skipValue() {
    space();
    char c = peek();
    switch (c) {
      case '"' -> string();
      case '{' -> {
        i++;
        if (!consume('}')) {
          do {
            string();
            expect(':');
            skipValue();
          } while (consume(','));
          expect('}');
        }
      }
      case '[' -> {
        i++;
        if (!consume(']')) {
          do {
            skipValue();
          } while (consume(','));
          expect(']');
        }
      }
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> number();
    }
  }

  private void literal(String word) {
    if (!s.startsWith(word, i)) {
      throw malformed.get();
    }
    i += word.length();
  }

  private void number() {
    if (i < s.length() && s.charAt(i) == '-') {
      i++;
    }
    boolean wellFormed = digits() > 0;
    if (wellFormed && i < s.length() && s.charAt(i) == '.') {
      i++;
      wellFormed = digits() > 0;
    }
    if (wellFormed && i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      wellFormed = digits() > 0;
    }
    if (!wellFormed) {
      throw malformed.get();
    }
  }

  private int digits() {
    int start = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - start;
  }

  /** A JSON string at the cursor (after optional white space), unescaped; a copy only when it holds escapes. */
  private String string() {
    space();
    if (peek() != '"') {
      throw malformed.get();
    }
    int start = ++i;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return s.substring(start, i++);
      }
      if (c == '\\') {
        return escaped(start);
      }
      if (c < 0x20) {
        throw malformed.get();
      }
      i++;
    }
    throw malformed.get();
  }

  private String escaped(int start) {
    StringBuilder out = new StringBuilder(s.length() - start).append(s, start, i);
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw malformed.get();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i >= s.length()) {
        throw malformed.get();
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw malformed.get();
          }
          int code = 0;
          for (int k = 0; k < 4; k++) {
            int digit = Character.digit(s.charAt(i++), 16);
            if (digit < 0) {
              throw malformed.get();
            }
            code = code * 16 + digit;
          }
          out.append((char) code);
        }
        default -> throw malformed.get();
      }
    }
    throw malformed.get();
  }

  private void space() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }

  private char peek() {
    if (i >= s.length()) {
      throw malformed.get();
    }
    return s.charAt(i);
  }

  private void expect(char c) {
    space();
    if (peek() != c) {
      throw malformed.get();
    }
    i++;
  }

  private boolean consume(char c) {
    space();
    if (i < s.length() && s.charAt(i) == c) {
      i++;
      return true;
    }
    return false;
  }
}
