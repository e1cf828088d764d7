package fitcoach.llm;

import fitcoach.llm.LlmException.Kind;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams an answer that may call tools, provider-neutral. A round is one streamed call; when it ends with tool calls,
 * they run one at a time in the model's order, the assistant turn (its text and calls) and one results turn are
 * appended, and the next round streams. Text of every round reaches {@code onDelta} as it arrives.
 *
 * <p>Limits: after {@link Limits#maxRounds} tool rounds, or once the answer's time or token budget is spent, the next
 * round is sent with {@link LlmRequest#toolsOff()} and the loop ends after it whatever it returns. If the first round
 * fails with {@link Kind#TOOLS_UNSUPPORTED}, the {@code fallback} request (the fixed context, no tools) is streamed
 * instead. {@link LlmCall#cancel()} stops the running round or the waiting tool and fails the result with
 * {@link Kind#CANCELLED}.
 *
 * <pre>{@code
 * LlmCall call = ToolLoop.run(client, withTools, withoutTools, registry::run, Limits.defaults(), sse::write);
 * call.result().onSuccess(r -> store(r.toolCalls(), r.toolRounds(), r.usage()));
 * }</pre>
 */
public final class ToolLoop {
  private static final Logger LOG = LoggerFactory.getLogger(ToolLoop.class);

  /**
   * @param maxRounds rounds that may run tools; the round after the last one must answer in text
   * @param maxTime   time from the start after which no more tools run
   * @param maxTokens tokens (input, cache writes and reads, output, summed over rounds) after which no more tools run
   */
  public record Limits(int maxRounds, Duration maxTime, long maxTokens) {
    public Limits {
      Objects.requireNonNull(maxTime, "maxTime");
      if (maxRounds < 0 || maxTokens < 0 || maxTime.isNegative()) {
        throw new IllegalArgumentException("tool loop limits must not be negative");
      }
    }

    /** 6 tool rounds, 180 s, 150,000 tokens. */
    public static Limits defaults() {
      return new Limits(6, Duration.ofSeconds(180), 150_000);
    }
  }

  /** Runs one tool call. A failed future (or an exception) becomes an {@code is_error} result for the model. */
  public interface Tools {
    Future<LlmToolResult> run(LlmToolCall call);
  }

  private ToolLoop() {
  }

  /**
   * Starts the loop. {@code first} carries the tools and the conversation; {@code fallback} (may be null) is what to
   * ask instead when the server refuses tools. {@code onDelta} may be a {@link DeltaBatches}: it keeps hearing where
   * each network read ends.
   */
  public static LlmCall run(LlmClient client, LlmRequest first, LlmRequest fallback, Tools tools, Limits limits,
      Consumer<String> onDelta) {
    Loop loop = new Loop(client, first, fallback, tools, limits, onDelta);
    // No tool rounds allowed at all: the first round already has to answer in text.
    LlmRequest opening = limits.maxRounds() == 0 && !first.tools().isEmpty() ? first.withToolsOff(true) : first;
    loop.onContext(() -> loop.round(opening));
    return loop;
  }

  private static final class Loop implements LlmCall {
    private final LlmClient client;
    private final LlmRequest fallback;
    private final Tools tools;
    private final Limits limits;
    private final Consumer<String> onDelta;
    private final long startNanos = System.nanoTime();
    private final Promise<LlmResult> result = Promise.promise();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<LlmMessage> messages;
    private final List<LlmToolCall> calls = new ArrayList<>();
    private volatile Context context;
    private volatile LlmCall current;
    private volatile boolean textDelivered;
    private volatile LlmUsage usage = LlmUsage.NONE;
    private int rounds;
    private int toolRounds;
    private boolean toolsRejected;

    Loop(LlmClient client, LlmRequest first, LlmRequest fallback, Tools tools, Limits limits,
        Consumer<String> onDelta) {
      this.client = client;
      this.fallback = fallback;
      this.tools = tools;
      this.limits = limits;
      this.onDelta = onDelta;
      this.messages = new ArrayList<>(first.messages());
      this.context = Vertx.currentContext();
    }

    @Override
    public Future<LlmResult> result() {
      return result.future();
    }

    @Override
    public int toolRounds() {
      return toolRounds;
    }

    @Override
    public long receivedNanos() {
      LlmCall round = current;
      return round == null ? 0 : round.receivedNanos();
    }

    @Override
    public void cancel() {
      if (cancelled.compareAndSet(false, true)) {
        LlmCall round = current;
        if (round != null) {
          round.cancel();
        }
        result.tryFail(LlmErrors.cancelled(textDelivered).withUsage(usage));
      }
    }

    /** Continuations hop back to the caller's context (or the first round's, when the caller had none). */
    void onContext(Runnable action) {
      Context target = context;
      if (target == null || Vertx.currentContext() == target) {
        action.run();
      } else {
        target.runOnContext(v -> action.run());
      }
    }

    void round(LlmRequest request) {
      if (cancelled.get()) {
        return;
      }
      rounds++;
      RoundText text = new RoundText();
      LlmCall call;
      try {
        call = client.stream(request, text);
      } catch (RuntimeException e) {
        fail(new LlmException(Kind.UPSTREAM, 0, "The answer could not start: " + e.getMessage(), textDelivered));
        return;
      }
      current = call;
      if (cancelled.get()) {
        call.cancel();
        return;
      }
      call.result().onComplete(ar -> {
        if (context == null) {
          context = Vertx.currentContext();
        }
        onContext(() -> roundEnded(request, text, ar));
      });
    }

    private void roundEnded(LlmRequest request, RoundText text, AsyncResult<LlmResult> ar) {
      current = null;
      if (cancelled.get()) {
        return;
      }
      if (ar.failed()) {
        LlmException error = ar.cause() instanceof LlmException e ? e
            : new LlmException(Kind.UPSTREAM, 0, String.valueOf(ar.cause().getMessage()), text.delivered);
        if (rounds == 1 && error.kind() == Kind.TOOLS_UNSUPPORTED && fallback != null && !toolsRejected) {
          LOG.info("The model refused tools ({}); answering from the fixed context instead", error.getMessage());
          toolsRejected = true;
          usage = usage.plus(error.usage());
          round(fallback);
          return;
        }
        fail(error.withUsage(usage.plus(error.usage())).withAfterFirstToken(textDelivered || error.afterFirstToken()));
        return;
      }
      LlmResult round = ar.result();
      usage = usage.plus(round.usage());
      if (round.toolCalls().isEmpty() || request.toolsOff() || toolsRejected) {
        if (!round.toolCalls().isEmpty()) {
          LOG.info("The model asked for {} tool call(s) in a round that allowed none; ending with its text",
              round.toolCalls().size());
        }
        result.tryComplete(new LlmResult(round.model(), round.stopReason(), usage, calls, toolRounds, toolsRejected));
        return;
      }
      toolRounds++;
      calls.addAll(round.toolCalls());
      runTools(round.toolCalls(), 0, new ArrayList<>(), results -> {
        messages.add(LlmMessage.assistant(text.text.toString(), round.toolCalls()));
        messages.add(LlmMessage.toolResults(results));
        LlmRequest next = request.withMessages(messages);
        round(spent() ? next.withToolsOff(true) : next);
      });
    }

    /** Whether no more tools may run: round limit, time or token budget. */
    private boolean spent() {
      return toolRounds >= limits.maxRounds() || usage.total() >= limits.maxTokens()
          || System.nanoTime() - startNanos >= limits.maxTime().toNanos();
    }

    private void runTools(List<LlmToolCall> pending, int i, List<LlmToolResult> results,
        Consumer<List<LlmToolResult>> done) {
      if (cancelled.get()) {
        return;
      }
      if (i == pending.size()) {
        done.accept(results);
        return;
      }
      LlmToolCall call = pending.get(i);
      Future<LlmToolResult> running;
      try {
        running = Objects.requireNonNull(tools.run(call), "the tool returned no future");
      } catch (RuntimeException e) {
        running = Future.failedFuture(e);
      }
      running.onComplete(ar -> onContext(() -> {
        results.add(resultOf(call, ar));
        runTools(pending, i + 1, results, done);
      }));
    }

    private static LlmToolResult resultOf(LlmToolCall call, AsyncResult<LlmToolResult> ar) {
      if (ar.succeeded() && ar.result() != null) {
        LlmToolResult result = ar.result();
        // Whatever the tool says, the answer must name the call it answers.
        return result.toolCallId().equals(call.id()) ? result
            : new LlmToolResult(call.id(), result.content(), result.isError());
      }
      String reason = ar.failed() && ar.cause().getMessage() != null ? ar.cause().getMessage() : "no result";
      LOG.warn("Tool {} failed: {}", call.name(), reason, ar.failed() ? ar.cause() : null);
      return new LlmToolResult(call.id(), "The tool " + call.name() + " failed: " + reason, true);
    }

    private void fail(LlmException error) {
      result.tryFail(error);
    }

    /** Collects a round's text for its assistant turn, and passes deltas and ends of reads through. */
    private final class RoundText implements DeltaBatches {
      final StringBuilder text = new StringBuilder();
      boolean delivered;

      @Override
      public void accept(String delta) {
        text.append(delta);
        delivered = true;
        textDelivered = true;
        onDelta.accept(delta);
      }

      @Override
      public void endOfRead() {
        if (onDelta instanceof DeltaBatches batches) {
          batches.endOfRead();
        }
      }
    }
  }
}
