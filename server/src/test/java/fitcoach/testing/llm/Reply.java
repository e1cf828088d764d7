package fitcoach.testing.llm;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a fake LLM server does with one completion request, in provider-neutral terms; {@link FakeAnthropic} and
 * {@link FakeOpenAi} each speak it in their own wire format. Immutable: every modifier returns a copy.
 *
 * <pre>{@code
 * Reply.text("Easy ", "spin ", "today.")              // a normal stream of these deltas
 * Reply.tokens(1_000)                                 // 1,000 cheap deltas at full speed (benchmarks)
 * Reply.cannedAnswer().slow(Duration.ofMillis(50))    // 50 ms before every delta
 * Reply.cannedAnswer().errorAfter(2)                  // in-stream overloaded error after 2 deltas
 * Reply.cannedAnswer().closeAfter(3)                  // TCP connection dropped after 3 deltas
 * Reply.cannedAnswer().endWithoutStop()               // response ends cleanly but without message_stop / [DONE]
 * Reply.cannedAnswer().splitFrames(42)                // every frame written in random 1..5-byte pieces
 * Reply.cannedAnswer().withUnknownEvents()            // unknown event and delta types mixed in
 * Reply.cannedAnswer().stopReason("max_tokens")
 * Reply.rateLimited().retryAfterMillis(20)            // 429 + x-should-retry + retry-after(-ms)
 * Reply.overloaded() / serverError() / unauthorized() / tooLargeHtml() / status(418, "teapot_error", "short")
 * Reply.hangAfterHeaders() / noResponse()
 * Reply.toolUse(ToolUse.call("toolu_1", "search_activities", "{}"))   // a turn that only calls a tool
 * Reply.text("Let me look.").withToolUse(call1, call2)               // text first, then two calls in one turn
 * Reply.toolUse(call1, call2).interleaved()                         // OpenAI: the two calls' fragments alternate
 * Reply.cannedAnswer().usage(12, 40).cache(900, 3000)                 // cache writes and reads reported
 * }</pre>
 */
public final class Reply {
  /** The default answer: a short coaching reply, split the way models split words into tokens. */
  public static final List<String> CANNED_TOKENS = List.of("Your ", "form ", "is ", "-18, ", "so ", "keep ", "today ",
      "easy: ", "45 min", "utes ", "in ", "zone ", "2 ", "and ", "sleep ", "well. 💤");

  enum Kind { STREAM, HTTP_ERROR, HANG_AFTER_HEADERS, NO_RESPONSE }

  // Never changed after a modifier returned the copy, so a Reply can be shared between threads and requests.
  Kind kind;
  List<String> tokens = List.of();
  int generatedTokens;
  Duration tokenDelay = Duration.ZERO;
  boolean jittered;
  String stopReason;
  int errorAfter = -1;
  String streamErrorType;
  String streamErrorMessage;
  int closeAfter = -1;
  boolean endWithoutStop;
  Long splitSeed;
  boolean unknownEvents;
  boolean stamped;
  Long inputTokens;
  Long outputTokens;
  long cacheWriteTokens;
  long cacheReadTokens;
  List<ToolUse> toolUses = List.of();
  boolean interleaved;
  int status = 200;
  String errorType;
  String errorMessage;
  boolean html;
  String retryAfter;
  Long retryAfterMillis;
  Boolean shouldRetry;

  private Reply(Kind kind) {
    this.kind = kind;
  }

  private Reply copy() {
    Reply copy = new Reply(kind);
    copy.tokens = tokens;
    copy.generatedTokens = generatedTokens;
    copy.tokenDelay = tokenDelay;
    copy.jittered = jittered;
    copy.stopReason = stopReason;
    copy.errorAfter = errorAfter;
    copy.streamErrorType = streamErrorType;
    copy.streamErrorMessage = streamErrorMessage;
    copy.closeAfter = closeAfter;
    copy.endWithoutStop = endWithoutStop;
    copy.splitSeed = splitSeed;
    copy.unknownEvents = unknownEvents;
    copy.stamped = stamped;
    copy.inputTokens = inputTokens;
    copy.outputTokens = outputTokens;
    copy.cacheWriteTokens = cacheWriteTokens;
    copy.cacheReadTokens = cacheReadTokens;
    copy.toolUses = toolUses;
    copy.interleaved = interleaved;
    copy.status = status;
    copy.errorType = errorType;
    copy.errorMessage = errorMessage;
    copy.html = html;
    copy.retryAfter = retryAfter;
    copy.retryAfterMillis = retryAfterMillis;
    copy.shouldRetry = shouldRetry;
    return copy;
  }

  private Reply streamCopy() {
    if (kind != Kind.STREAM) {
      throw new IllegalStateException("stream modifiers apply to text(), tokens() and cannedAnswer() replies only");
    }
    return copy();
  }

  private Reply errorCopy() {
    if (kind != Kind.HTTP_ERROR) {
      throw new IllegalStateException("retry headers apply to HTTP error replies only");
    }
    return copy();
  }

  private static Reply stream(List<String> tokens, int generated) {
    Reply reply = new Reply(Kind.STREAM);
    reply.tokens = tokens;
    reply.generatedTokens = generated;
    return reply;
  }

  // ---- Streams

  /** A normal answer made of exactly these deltas. */
  public static Reply text(String... tokens) {
    return text(Arrays.asList(tokens));
  }

  public static Reply text(List<String> tokens) {
    tokens.forEach(Objects::requireNonNull);
    return stream(List.copyOf(tokens), 0);
  }

  /** {@link #CANNED_TOKENS}, what the fakes answer unless scripted otherwise. */
  public static Reply cannedAnswer() {
    return text(CANNED_TOKENS);
  }

  /**
   * {@code count} deltas from a small fixed vocabulary whose frames are encoded once, so a benchmark can run many
   * long streams without the fake costing CPU; see {@link #generatedToken(int)} for the text of delta {@code i}.
   */
  public static Reply tokens(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    return stream(List.of(), count);
  }

  /** The text of delta {@code i} of a {@link #tokens(int)} reply. */
  public static String generatedToken(int i) {
    return VOCABULARY.get(i % VOCABULARY.size());
  }

  /** The whole text of a {@link #tokens(int)} reply. */
  public static String generatedText(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(generatedToken(i));
    }
    return text.toString();
  }

  static final List<String> VOCABULARY = List.of("Ride ", "easy ", "today, ", "zone ", "2 ", "for ", "ninety ",
      "minutes; ", "fuel ", "early ", "and ", "keep ", "cadence ", "high. ");

  /** A turn that only calls these tools (stop reason {@code tool_use} / {@code tool_calls}). */
  public static Reply toolUse(ToolUse... calls) {
    return text(List.of()).withToolUse(calls);
  }

  // ---- HTTP errors (JSON bodies in the provider's error shape)

  public static Reply status(int status, String errorType, String message) {
    Reply reply = new Reply(Kind.HTTP_ERROR);
    reply.status = status;
    reply.errorType = errorType;
    reply.errorMessage = message;
    return reply;
  }

  /** 429 {@code rate_limit_error} with {@code x-should-retry: true} and {@code retry-after: 1}. */
  public static Reply rateLimited() {
    return status(429, "rate_limit_error",
        "This request would exceed your organization's rate limit of 50 requests per minute.")
        .retryAfter("1").shouldRetry(true);
  }

  /** 529 {@code overloaded_error}. */
  public static Reply overloaded() {
    return status(529, "overloaded_error", "Overloaded");
  }

  /** 500 {@code api_error}. */
  public static Reply serverError() {
    return status(500, "api_error", "Internal server error");
  }

  /** 401 {@code authentication_error}, whatever key was sent. */
  public static Reply unauthorized() {
    return status(401, "authentication_error", "invalid x-api-key");
  }

  /** 413 with an HTML body, as Cloudflare answers before the request reaches the API. */
  public static Reply tooLargeHtml() {
    Reply reply = status(413, "request_too_large", "Request Entity Too Large");
    reply.html = true;
    return reply;
  }

  // ---- Silence

  /** 200 and the event-stream headers, then nothing until the client gives up. */
  public static Reply hangAfterHeaders() {
    return new Reply(Kind.HANG_AFTER_HEADERS);
  }

  /** The request is read and never answered. */
  public static Reply noResponse() {
    return new Reply(Kind.NO_RESPONSE);
  }

  // ---- Stream modifiers

  /** Waits this long before every delta. */
  public Reply slow(Duration perToken) {
    Reply copy = streamCopy();
    copy.tokenDelay = Objects.requireNonNull(perToken);
    return copy;
  }

  /**
   * With {@link #slow}, each wait is drawn anew from half to one and a half times the delay, as a real model's pace
   * varies: concurrent streams then drift apart instead of all writing in the same instant.
   */
  public Reply jittered() {
    Reply copy = streamCopy();
    copy.jittered = true;
    return copy;
  }

  /** The wait before the next delta. */
  long nextDelayMillis() {
    long delay = tokenDelay.toMillis();
    return jittered && delay > 0 ? delay / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(delay + 1) : delay;
  }

  /** The provider's stop reason ({@code max_tokens}, {@code refusal}, {@code length}, …) instead of the normal end. */
  public Reply stopReason(String reason) {
    Reply copy = streamCopy();
    copy.stopReason = reason;
    return copy;
  }

  /** After {@code deltas} deltas (0 = before the first), an in-stream {@code overloaded_error}, then the stream ends. */
  public Reply errorAfter(int deltas) {
    return errorAfter(deltas, "overloaded_error", "Overloaded");
  }

  public Reply errorAfter(int deltas, String type, String message) {
    Reply copy = streamCopy();
    copy.errorAfter = deltas;
    copy.streamErrorType = type;
    copy.streamErrorMessage = message;
    return copy;
  }

  /** Drops the TCP connection right after {@code deltas} deltas, without ending the HTTP response. */
  public Reply closeAfter(int deltas) {
    Reply copy = streamCopy();
    copy.closeAfter = deltas;
    return copy;
  }

  /** Ends the HTTP response cleanly but leaves out the final {@code message_stop} (Anthropic) or {@code [DONE]}. */
  public Reply endWithoutStop() {
    Reply copy = streamCopy();
    copy.endWithoutStop = true;
    return copy;
  }

  /** Writes every frame in random pieces of 1 to 5 bytes (splitting CRLFs and UTF-8 characters), each flushed alone. */
  public Reply splitFrames(long seed) {
    Reply copy = streamCopy();
    copy.splitSeed = seed;
    return copy;
  }

  /**
   * Each delta's text becomes the fake's {@code System.nanoTime()} at the moment it is written, then a space: a
   * benchmark in the same JVM subtracts it from the time it received the token to get the latency added in between.
   */
  public Reply stamped() {
    Reply copy = streamCopy();
    copy.stamped = true;
    return copy;
  }

  /** Mixes in event and delta types the client has never heard of, plus SSE comments. */
  public Reply withUnknownEvents() {
    Reply copy = streamCopy();
    copy.unknownEvents = true;
    return copy;
  }

  /** Reports exactly this usage instead of the fake's estimate (input: request characters / 4; output: deltas). */
  public Reply usage(long input, long output) {
    Reply copy = streamCopy();
    copy.inputTokens = input;
    copy.outputTokens = output;
    return copy;
  }

  /** Cache writes and reads to report besides the uncached input (Anthropic fields; OpenAI cached_tokens = reads). */
  public Reply cache(long writes, long reads) {
    Reply copy = streamCopy();
    copy.cacheWriteTokens = writes;
    copy.cacheReadTokens = reads;
    return copy;
  }

  /** After this reply's text, the model calls these tools, in this order, and stops to wait for their results. */
  public Reply withToolUse(ToolUse... calls) {
    if (calls.length == 0) {
      throw new IllegalArgumentException("at least one tool call");
    }
    Reply copy = streamCopy();
    copy.toolUses = List.of(calls);
    return copy;
  }

  /** OpenAI-compatible fake: the argument fragments of the calls alternate instead of one call after the other. */
  public Reply interleaved() {
    Reply copy = streamCopy();
    copy.interleaved = true;
    return copy;
  }

  // ---- Error modifiers

  /** The {@code retry-after} header value (seconds, or an HTTP date); null leaves it out. */
  public Reply retryAfter(String value) {
    Reply copy = errorCopy();
    copy.retryAfter = value;
    return copy;
  }

  /** The non-standard {@code retry-after-ms} header, which clients read before {@code retry-after}. */
  public Reply retryAfterMillis(long millis) {
    Reply copy = errorCopy();
    copy.retryAfterMillis = millis;
    return copy;
  }

  /** The {@code x-should-retry} header; null leaves it out. */
  public Reply shouldRetry(Boolean value) {
    Reply copy = errorCopy();
    copy.shouldRetry = value;
    return copy;
  }

  // ---- Reading (for the fakes)

  /** How many deltas the stream has before any error or close. */
  int deltaCount() {
    return generatedTokens > 0 ? generatedTokens : tokens.size();
  }

  String delta(int i) {
    return generatedTokens > 0 ? generatedToken(i) : tokens.get(i);
  }

  String fullText() {
    return generatedTokens > 0 ? generatedText(generatedTokens) : String.join("", tokens);
  }

  /** The stop reason to send: scripted, else the tool stop when the turn calls tools, else the normal end. */
  String stopReason(String normal, String tools) {
    return stopReason != null ? stopReason : toolUses.isEmpty() ? normal : tools;
  }

  @Override
  public String toString() {
    return "Reply[" + kind + (kind == Kind.HTTP_ERROR ? " " + status : " " + deltaCount() + " deltas") + "]";
  }
}
