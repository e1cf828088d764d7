package fitcoach.testing.llm;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plays a scripted event stream onto a chunked response: frames in order, optional delays before frames, optionally
 * cut into random tiny pieces, then an ending (end the response, drop the connection, or fall silent). Respects the
 * write queue, so thousands of full-speed frames cost little, and stops as soon as the client goes away.
 */
final class FrameWriter {
  enum Ending { END, CLOSE, HANG }

  /** {@code lazy} frames are encoded when written (their content depends on that moment). */
  private record Frame(Buffer bytes, java.util.function.Supplier<Buffer> lazy, long delayMillis) {
    Buffer encode() {
      return bytes != null ? bytes : lazy.get();
    }
  }

  private static final int MAX_PIECE = 5;
  private final Vertx vertx;
  private final HttpServerResponse response;
  private final Exchange exchange;
  private final Random splitter;
  private final List<Frame> frames = new ArrayList<>();
  private Ending ending = Ending.END;
  private int next;
  private boolean waited;
  private Future<Void> lastWrite = Future.succeededFuture();

  /** {@code splitSeed} null writes whole frames. */
  FrameWriter(Vertx vertx, Exchange exchange, Long splitSeed) {
    this.vertx = vertx;
    this.exchange = exchange;
    this.response = exchange.response();
    this.splitter = splitSeed == null ? null : new Random(splitSeed);
  }

  FrameWriter add(Buffer frame) {
    return add(frame, 0);
  }

  FrameWriter add(Buffer frame, long delayMillis) {
    frames.add(new Frame(frame, null, delayMillis));
    return this;
  }

  FrameWriter add(java.util.function.Supplier<Buffer> frame, long delayMillis) {
    frames.add(new Frame(null, frame, delayMillis));
    return this;
  }

  void play(Ending ending) {
    this.ending = ending;
    pump();
  }

  private void pump() {
    while (!exchange.clientGone()) {
      if (next == frames.size()) {
        finish();
        return;
      }
      Frame frame = frames.get(next);
      if (frame.delayMillis() > 0 && !waited) {
        waited = true;
        vertx.setTimer(frame.delayMillis(), id -> pump());
        return;
      }
      waited = false;
      next++;
      if (splitter != null) {
        writePieces(frame.encode(), 0);
        return;
      }
      lastWrite = response.write(frame.encode());
      if (response.writeQueueFull()) {
        response.drainHandler(v -> pump());
        return;
      }
    }
  }

  /** Each piece waits for the previous one to reach the socket, so they leave as separate TCP segments. */
  private void writePieces(Buffer bytes, int from) {
    if (exchange.clientGone()) {
      return;
    }
    if (from >= bytes.length()) {
      pump();
      return;
    }
    int to = Math.min(bytes.length(), from + 1 + splitter.nextInt(MAX_PIECE));
    lastWrite = response.write(bytes.getBuffer(from, to));
    lastWrite.onComplete(ar -> {
      if (ar.succeeded()) {
        writePieces(bytes, to);
      }
    });
  }

  private void finish() {
    switch (ending) {
      case END -> {
        exchange.finish();
        response.end();
      }
      case CLOSE -> {
        exchange.finish();
        // Only the TCP connection goes: no last chunk, so the client sees a truncated response.
        lastWrite.onComplete(ar -> exchange.closeConnection());
      }
      case HANG -> {
        // Nothing more; the client has to give up.
      }
    }
  }
}
