package fitcoach.coach;

import fitcoach.llm.LlmCall;
import fitcoach.llm.LlmException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One answer being written: every token kept in order (so a reconnecting client gets what it missed), the frame that
 * ended it, and how many clients are listening. Shared by the event loops that relay it, hence the locking.
 */
final class Generation {
  final String id;
  final UUID userId;
  final String address;
  final JsonObject startInfo;
  // All tokens in one string builder with their end offsets: a fraction of the memory of a list of small strings.
  private final StringBuilder text = new StringBuilder(1024);
  private int[] ends = new int[64];
  private int count;
  private JsonObject end;
  /** Frames other than text in the token sequence (tool lookups), by sequence number; they add no text. */
  private java.util.Map<Integer, JsonObject> frames = java.util.Map.of();
  private final long startedNanos = System.nanoTime();
  private long firstTokenNanos;
  private LlmCall call;
  private boolean cancelRequested;
  private int listeners;
  private volatile int bridgeSubscribers;
  private long graceTimer = -1;
  /** Arrival times of the latest tokens (a ring), kept only while a recording measures relay latency. */
  private long[] receivedAt;
  private static final int RECEIVED_RING = 1024;

  Generation(String id, UUID userId, JsonObject startInfo) {
    this.id = id;
    this.userId = userId;
    this.address = CoachStreams.address(userId, id);
    this.startInfo = startInfo;
  }

  /** Adds a token; {@code receivedNanos} is when its bytes arrived, 0 when no one measures that. */
  synchronized int append(String token, long receivedNanos) {
    if (firstTokenNanos == 0) {
      firstTokenNanos = System.nanoTime();
    }
    text.append(token);
    if (count == ends.length) {
      ends = java.util.Arrays.copyOf(ends, count * 2);
    }
    ends[count++] = text.length();
    if (receivedNanos != 0) {
      if (receivedAt == null) {
        receivedAt = new long[RECEIVED_RING];
      }
      receivedAt[(count - 1) % RECEIVED_RING] = receivedNanos;
    }
    return count;
  }

  /**
   * Adds a frame that is not text (a tool lookup starting or done) at the next sequence number, so a client resuming
   * with Last-Event-ID gets it in order with the tokens. Returns its sequence number.
   */
  synchronized int appendFrame(JsonObject frame) {
    if (count == ends.length) {
      ends = java.util.Arrays.copyOf(ends, count * 2);
    }
    ends[count++] = text.length();
    if (frames.isEmpty()) {
      frames = new java.util.HashMap<>();
    }
    frames.put(count, frame);
    return count;
  }

  /** Milliseconds from the start to the first text token; null when none came. */
  synchronized Long firstTokenMillis() {
    return firstTokenNanos == 0 ? null : java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(firstTokenNanos - startedNanos);
  }

  long elapsedMillis() {
    return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  /** When the bytes the upstream call is decoding now arrived (see {@link LlmCall#receivedNanos()}). */
  synchronized long receivedNanos() {
    return call == null ? 0 : call.receivedNanos();
  }

  /** When token {@code seq} arrived, or 0 when not recorded (or too long ago). */
  synchronized long receivedAt(long seq) {
    if (receivedAt == null || seq < 1 || seq > count || seq <= count - RECEIVED_RING) {
      return 0;
    }
    return receivedAt[(int) ((seq - 1) % RECEIVED_RING)];
  }

  /**
   * A same-process follower of the answer (the SSE relay). Tokens reach it on its own context: in the very task that
   * read them from upstream when that is its context, followed by {@link #endOfRead()} once the read is done; otherwise
   * one task each on its context, in order, each followed by {@link #endOfRead()}.
   */
  interface Follower {
    io.vertx.core.Context context();

    void token(long seq, String text);

    /** A frame that is not text ({@code type} names its event) at sequence number {@code seq}. */
    void frame(long seq, JsonObject frame);

    /** The tokens passed on so far should be written now. */
    void endOfRead();

    void end(JsonObject frame);
  }

  private static final Follower[] NO_FOLLOWERS = new Follower[0];
  private volatile Follower[] followers = NO_FOLLOWERS;

  /** Registers {@code f} and returns what it missed after {@code seq}, atomically: nothing is lost in between. */
  synchronized Snapshot follow(Follower f, long seq) {
    Follower[] now = java.util.Arrays.copyOf(followers, followers.length + 1);
    now[now.length - 1] = f;
    followers = now;
    return after(seq);
  }

  synchronized void unfollow(Follower f) {
    followers = java.util.Arrays.stream(followers).filter(x -> x != f).toArray(Follower[]::new);
  }

  /** Hands token {@code seq} to every follower: at once on the calling context, as a task on any other. */
  void passOn(long seq, String token) {
    io.vertx.core.Context here = Vertx.currentContext();
    for (Follower f : followers) {
      if (f.context() == here) {
        f.token(seq, token);
      } else {
        f.context().runOnContext(v -> {
          f.token(seq, token);
          f.endOfRead();
        });
      }
    }
  }

  /** Hands a non-text frame to every follower, like a token. */
  void passOnFrame(long seq, JsonObject frame) {
    io.vertx.core.Context here = Vertx.currentContext();
    for (Follower f : followers) {
      if (f.context() == here) {
        f.frame(seq, frame);
      } else {
        f.context().runOnContext(v -> {
          f.frame(seq, frame);
          f.endOfRead();
        });
      }
    }
  }

  /** The upstream read is done: followers on the reading context write what it carried. */
  void endOfRead() {
    io.vertx.core.Context here = Vertx.currentContext();
    for (Follower f : followers) {
      if (f.context() == here) {
        f.endOfRead();
      }
    }
  }

  /**
   * Hands the end frame to every follower, always as a task of its context: tokens that reached it from another event
   * loop are queued tasks there, and the end must not overtake them.
   */
  void passOnEnd(JsonObject frame) {
    for (Follower f : followers) {
      f.context().runOnContext(v -> f.end(frame));
    }
  }

  synchronized String text() {
    return text.toString();
  }

  /** Tokens after {@code seq} (1-based sequence numbers) and the end frame if there is one, taken together. */
  synchronized Snapshot after(long seq) {
    int from = (int) Math.max(0, Math.min(seq, count));
    List<String> missed = new ArrayList<>(count - from);
    java.util.Map<Integer, JsonObject> missedFrames = new java.util.HashMap<>();
    for (int i = from; i < count; i++) {
      missed.add(text.substring(i == 0 ? 0 : ends[i - 1], ends[i]));
      JsonObject frame = frames.get(i + 1);
      if (frame != null) {
        missedFrames.put(i + 1, frame);
      }
    }
    return new Snapshot(missed, from, end, missedFrames);
  }

  /** @param frames the non-text frames among the tokens, by sequence number (their token is empty) */
  record Snapshot(List<String> tokens, int firstSeqMinusOne, JsonObject end, java.util.Map<Integer, JsonObject> frames) {
  }

  /** The final frame; the upstream call is let go, so a kept generation holds only its text. */
  synchronized void ended(JsonObject frame) {
    end = frame;
    call = null;
    receivedAt = null;
  }

  synchronized boolean isEnded() {
    return end != null;
  }

  synchronized void running(LlmCall call) {
    this.call = call;
    if (cancelRequested) {
      call.cancel();
    }
  }

  /** Stops the upstream call (now, or as soon as it exists); the call then fails with kind CANCELLED. */
  void cancel() {
    LlmCall current;
    synchronized (this) {
      cancelRequested = true;
      current = call;
    }
    if (current != null) {
      current.cancel();
    }
  }

  synchronized boolean cancelRequested() {
    return cancelRequested;
  }

  /** Browsers following this answer over the SockJS bridge, which needs every token published on the event bus. */
  synchronized void bridgeSubscribed(int change) {
    bridgeSubscribers = Math.max(0, bridgeSubscribers + change);
  }

  boolean hasBridgeSubscribers() {
    return bridgeSubscribers > 0;
  }

  synchronized int attach(Vertx vertx) {
    listeners++;
    if (graceTimer >= 0) {
      vertx.cancelTimer(graceTimer);
      graceTimer = -1;
    }
    return listeners;
  }

  /** One listener fewer; with none left, the call is cancelled after {@code graceMs} unless someone reconnects. */
  synchronized void detach(Vertx vertx, long graceMs) {
    listeners = Math.max(0, listeners - 1);
    if (listeners == 0 && end == null && graceTimer < 0) {
      graceTimer = vertx.setTimer(graceMs, t -> {
        boolean abandoned;
        synchronized (this) {
          graceTimer = -1;
          abandoned = listeners == 0 && end == null;
        }
        if (abandoned) {
          cancel();
        }
      });
    }
  }

  static boolean isCancel(Throwable err) {
    return err instanceof LlmException e && e.kind() == LlmException.Kind.CANCELLED;
  }
}
