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
  private String firstData;
  private byte[] lastTypeBytes;
  private String lastType;
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

  private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ID = "id".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RETRY = "retry".getBytes(StandardCharsets.US_ASCII);

  // Lines are taken apart as bytes and only values become strings: this runs several times per token.
  private void completeLine() {
    int from = 0;
    if (firstLine) {
      firstLine = false;
      // A UTF-8 byte order mark at the very start of the stream is not part of the first field.
      if (lineLength >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
        from = 3;
      }
    }
    int to = lineLength;
    lineLength = 0;
    if (from == to) {
      dispatch();
      return;
    }
    if (line[from] == ':') {
      return;
    }
    int colon = from;
    while (colon < to && line[colon] != ':') {
      colon++;
    }
    int valueStart = Math.min(colon + 1, to);
    if (valueStart < to && line[valueStart] == ' ') {
      valueStart++;
    }
    if (is(EVENT, from, colon)) {
      eventType = eventTypeOf(valueStart, to);
    } else if (is(DATA, from, colon)) {
      data(new String(line, valueStart, to - valueStart, StandardCharsets.UTF_8));
    } else if (is(ID, from, colon)) {
      String value = new String(line, valueStart, to - valueStart, StandardCharsets.UTF_8);
      if (value.indexOf('\0') < 0) {
        lastEventId = value;
      }
    } else if (is(RETRY, from, colon)) {
      retry(new String(line, valueStart, to - valueStart, StandardCharsets.UTF_8));
    }
    // Unknown fields are ignored.
  }

  private boolean is(byte[] name, int from, int to) {
    return to - from == name.length && Arrays.equals(line, from, to, name, 0, name.length);
  }

  /** The same few event types come again and again; the last one's string is reused when the bytes match. */
  private String eventTypeOf(int from, int to) {
    if (lastTypeBytes != null && Arrays.equals(line, from, to, lastTypeBytes, 0, lastTypeBytes.length)) {
      return lastType;
    }
    lastTypeBytes = Arrays.copyOfRange(line, from, to);
    lastType = new String(lastTypeBytes, StandardCharsets.UTF_8);
    return lastType;
  }

  private void data(String value) {
    if (!hasData) {
      hasData = true;
      firstData = value;
    } else {
      if (data.length() == 0) {
        data.append(firstData);
      }
      data.append('\n').append(value);
    }
  }

  private void retry(String value) {
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        retryMillis = Long.parseLong(value);
      } catch (NumberFormatException tooLong) {
        // Ignored like any other invalid retry value.
      }
    }
  }

  private void dispatch() {
    if (!hasData) {
      eventType = "";
      return;
    }
    // One data line (every LLM event) is passed on as it is; several are joined by LF.
    SseEvent event = new SseEvent(eventType.isEmpty() ? "message" : eventType,
        data.length() == 0 ? firstData : data.toString(), lastEventId);
    data.setLength(0);
    firstData = null;
    hasData = false;
    eventType = "";
    onEvent.accept(event);
  }
}
