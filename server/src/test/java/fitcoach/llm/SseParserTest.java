package fitcoach.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SseParserTest {
  /** LF, CRLF and lone CR line endings, a comment, a multi-line data field, a BOM, and multi-byte UTF-8. */
  private static final String STREAM = "\uFEFFevent: message_start\r\ndata: {\"a\":\"Grüße 💤\"}\r\n\r\n"
      + ": keep-alive\n\n"
      + "event: content_block_delta\ndata: first line\ndata: second ✓\n\n"
      + "data:no space\rid: 7\r\r"
      + "event: ping\r\ndata: {}\r\n\r\n";

  private static final List<SseEvent> EXPECTED = List.of(
      new SseEvent("message_start", "{\"a\":\"Grüße 💤\"}", ""),
      new SseEvent("content_block_delta", "first line\nsecond ✓", ""),
      new SseEvent("message", "no space", "7"),
      new SseEvent("ping", "{}", "7"));

  @Test
  @DisplayName("A stream fed in one piece yields every event with its type, joined data lines and last id")
  void wholeStream() {
    assertThat(parse(List.of(bytes(STREAM)))).containsExactlyElementsOf(EXPECTED);
  }

  @Test
  @DisplayName("Splitting the stream into two chunks at every byte offset yields the same events")
  void everySplitPoint() {
    byte[] all = bytes(STREAM);
    for (int split = 0; split <= all.length; split++) {
      List<byte[]> chunks = List.of(Arrays.copyOfRange(all, 0, split), Arrays.copyOfRange(all, split, all.length));
      assertThat(parse(chunks)).as("split at byte %d", split).containsExactlyElementsOf(EXPECTED);
    }
  }

  @Test
  @DisplayName("Feeding one byte at a time, or random small pieces, yields the same events")
  void byteByByteAndRandomPieces() {
    byte[] all = bytes(STREAM);
    List<byte[]> single = new ArrayList<>();
    for (byte b : all) {
      single.add(new byte[] {b});
    }
    assertThat(parse(single)).containsExactlyElementsOf(EXPECTED);

    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<byte[]> pieces = new ArrayList<>();
      for (int from = 0; from < all.length; ) {
        int to = Math.min(all.length, from + 1 + random.nextInt(6));
        pieces.add(Arrays.copyOfRange(all, from, to));
        from = to;
      }
      assertThat(parse(pieces)).as("round %d", round).containsExactlyElementsOf(EXPECTED);
    }
  }

  @Test
  @DisplayName("A CR at the end of one chunk and the LF at the start of the next make a single line break")
  void crlfAcrossChunks() {
    List<SseEvent> events = parse(List.of(bytes("data: a\r"), bytes("\ndata: b\r"), bytes("\n\r"), bytes("\n")));
    assertThat(events).containsExactly(new SseEvent("message", "a\nb", ""));
  }

  @Test
  @DisplayName("Field rules follow WHATWG: one leading space stripped, field without colon, unknown fields and empty data")
  void fieldRules() {
    List<SseEvent> events = parse(List.of(bytes("data:  two spaces\nfoo: bar\ndata\n\nevent: x\n\ndata:\n\n")));
    assertThat(events).containsExactly(new SseEvent("message", " two spaces\n", ""), new SseEvent("message", "", ""));
  }

  @Test
  @DisplayName("An event type without data is dropped and does not leak into the next event")
  void typeWithoutDataIsReset() {
    assertThat(parse(List.of(bytes("event: lonely\n\ndata: x\n\n")))).containsExactly(new SseEvent("message", "x", ""));
  }

  @Test
  @DisplayName("At the end of the stream a final event without its blank line is still dispatched, as the SDKs do")
  void finalEventWithoutBlankLine() {
    List<SseEvent> events = new ArrayList<>();
    SseParser parser = new SseParser(events::add);
    parser.feed(bytes("event: message_stop\ndata: {\"type\":\"message_stop\"}"));
    assertThat(events).isEmpty();
    parser.end();
    assertThat(events).containsExactly(new SseEvent("message_stop", "{\"type\":\"message_stop\"}", ""));
  }

  @Test
  @DisplayName("A retry field with digits only is remembered; anything else is ignored")
  void retryField() {
    SseParser parser = new SseParser(event -> { });
    parser.feed(bytes("retry: 1500\n\nretry: soon\n\n"));
    assertThat(parser.retryMillis()).isEqualTo(1500);
  }

  private static List<SseEvent> parse(List<byte[]> chunks) {
    List<SseEvent> events = new ArrayList<>();
    SseParser parser = new SseParser(events::add);
    chunks.forEach(parser::feed);
    parser.end();
    return events;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
