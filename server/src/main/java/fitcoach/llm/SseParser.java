package fitcoach.llm;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An incremental server-sent events parser following the WHATWG "event stream interpretation" rules, fed with network
 * chunks that may split a frame anywhere: inside a UTF-8 character, between {@code \r} and {@code \n}, or inside a
 * field name. Lines are cut on bytes (CR, LF and CRLF are ASCII, so they never occur inside a multi-byte character)
 * and decoded only once complete. Not thread-safe: feed it from one context.
 *
 * <p>One deliberate deviation: {@link #end()} dispatches a final event that lacks its blank line, as the official
 * Anthropic SDKs do, so a {@code message_stop} written without the trailing blank line still counts.
 */
public final class SseParser {
  /** A single line longer than this is not a sane LLM stream; fail instead of buffering without bound. */
  private static final int MAX_LINE_BYTES = 8 * 1024 * 1024;
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final Consumer<SseEvent> onEvent;
  private byte[] line = new byte[256];
  private int lineLength;
  private boolean skipLineFeed;
  private boolean firstLine = true;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String eventType = "";
  private String lastEventId = "";
  private long retryMillis = -1;

  public SseParser(Consumer<SseEvent> onEvent) {
    this.onEvent = onEvent;
  }

  /** Parses a chunk; complete events are dispatched before this returns. */
  public void feed(Buffer chunk) {
    feed(chunk.getBytes());
  }

  public void feed(byte[] bytes) {
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (skipLineFeed) {
        skipLineFeed = false;
        if (b == LF) {
          // Second half of a CRLF whose CR ended the previous line (possibly in the previous chunk).
          start = i + 1;
          continue;
        }
      }
      if (b == CR || b == LF) {
        append(bytes, start, i);
        start = i + 1;
        skipLineFeed = b == CR;
        completeLine();
      }
    }
    append(bytes, start, bytes.length);
  }

  /** The stream ended: dispatches a pending event that had data but no closing blank line. */
  public void end() {
    if (lineLength > 0) {
      completeLine();
    }
    dispatch();
  }

  /** The reconnection time the stream asked for with {@code retry:}, or -1. Kept for completeness; we never reconnect. */
  public long retryMillis() {
    return retryMillis;
  }

  private void append(byte[] bytes, int from, int to) {
    int count = to - from;
    if (count <= 0) {
      return;
    }
    if (lineLength + count > MAX_LINE_BYTES) {
      throw new IllegalStateException("SSE line longer than " + MAX_LINE_BYTES + " bytes");
    }
    if (lineLength + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
    }
    System.arraycopy(bytes, from, line, lineLength, count);
    lineLength += count;
  }

  private void completeLine() {
    int offset = 0;
    if (firstLine) {
      firstLine = false;
      // A UTF-8 byte order mark at the very start of the stream is not part of the first field.
      if (lineLength >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
        offset = 3;
      }
    }
    String text = new String(line, offset, lineLength - offset, StandardCharsets.UTF_8);
    lineLength = 0;
    if (text.isEmpty()) {
      dispatch();
    } else if (text.charAt(0) != ':') {
      int colon = text.indexOf(':');
      if (colon < 0) {
        field(text, "");
      } else {
        int valueStart = colon + 1;
        if (valueStart < text.length() && text.charAt(valueStart) == ' ') {
          valueStart++;
        }
        field(text.substring(0, colon), text.substring(valueStart));
      }
    }
  }

  private void field(String name, String value) {
    switch (name) {
      case "event" -> eventType = value;
      case "data" -> {
        data.append(value).append('\n');
        hasData = true;
      }
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastEventId = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
          try {
            retryMillis = Long.parseLong(value);
          } catch (NumberFormatException tooLong) {
            // Ignored like any other invalid retry value.
          }
        }
      }
      default -> {
        // Unknown fields are ignored.
      }
    }
  }

  private void dispatch() {
    if (!hasData) {
      eventType = "";
      return;
    }
    data.setLength(data.length() - 1);
    SseEvent event = new SseEvent(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId);
    data.setLength(0);
    hasData = false;
    eventType = "";
    onEvent.accept(event);
  }
}
