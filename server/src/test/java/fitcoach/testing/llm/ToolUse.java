package fitcoach.testing.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One tool call a fake model makes (see {@link Reply#toolUse(ToolUse...)}): the call id, the tool name, and its
 * arguments as JSON text, which the fake streams in pieces of {@link #pieceSize} characters (default 3, so that keys,
 * strings and escapes are cut in the middle).
 *
 * <pre>{@code
 * ToolUse.call("toolu_1", "search_activities", "{\"sport\":\"run\",\"sort\":\"distance\"}")
 * ToolUse.call("toolu_2", "get_activity", "{\"id\":\"…\"}").pieceSize(1)   // one character per delta
 * }</pre>
 */
public record ToolUse(String id, String name, String argumentsJson, int pieceSize) {
  public ToolUse {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(argumentsJson, "argumentsJson");
    if (pieceSize < 1) {
      throw new IllegalArgumentException("pieceSize must be at least 1");
    }
  }

  public static ToolUse call(String id, String name, String argumentsJson) {
    return new ToolUse(id, name, argumentsJson, 3);
  }

  public ToolUse pieceSize(int size) {
    return new ToolUse(id, name, argumentsJson, size);
  }

  /** The arguments cut into pieces (surrogate pairs kept whole: the wire carries them as JSON strings). */
  List<String> pieces() {
    List<String> pieces = new ArrayList<>();
    int i = 0;
    while (i < argumentsJson.length()) {
      int end = Math.min(argumentsJson.length(), i + pieceSize);
      if (end < argumentsJson.length() && Character.isHighSurrogate(argumentsJson.charAt(end - 1))) {
        end++;
      }
      pieces.add(argumentsJson.substring(i, end));
      i = end;
    }
    return pieces;
  }
}
