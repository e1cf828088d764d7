package fitcoach.coach;

import fitcoach.app.EventStream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Sends coach answers to one HTTP client as server-sent events: {@code start} (with the stream id), {@code token}
 * frames with an {@code id:} sequence number (and, in the same sequence, {@code tool} and {@code tool_done} frames
 * for the lookups the coach makes), then {@code done} or {@code error}, and the response ends.
 */
final class SseRelay {
  private static final long HEARTBEAT_MS = 15_000;

  private final CoachStreams streams;

  SseRelay(CoachStreams streams) {
    this.streams = streams;
  }

  /**
   * Relays a generation as server-sent events: the start frame, the tokens after {@code lastEventId}, then live ones,
   * then done or error, and the response ends. A heartbeat comment every 15 s keeps proxies from closing the stream.
   * The relay follows the generation directly rather than through the event bus: an event-bus delivery is a task of
   * its own, which under load waits behind every other connection's reads, while a follower on the reading event loop
   * writes what one upstream read carried before that loop reads anything else.
   */
  void relay(HttpServerResponse res, Generation g, long lastEventId) {
    Vertx vertx = streams.vertx();
    streams.attach(g);
    EventStream.open(res);
    res.write("event: start\ndata: " + g.startInfo.encode() + "\n\n");
    Relay relay = new Relay(res, g, lastEventId, vertx.getOrCreateContext());
    long heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> {
      if (!res.closed()) {
        res.write(": heartbeat\n\n");
      }
    });
    Runnable cleanup = () -> {
      g.unfollow(relay);
      vertx.cancelTimer(heartbeat);
    };
    relay.onEnd = () -> {
      cleanup.run();
      if (!res.closed()) {
        res.end();
      }
    };
    res.closeHandler(v -> {
      cleanup.run();
      if (!relay.finished) {
        streams.detach(g);
      }
    });
    relay.replay(g.follow(relay, lastEventId));
  }

  /**
   * Writes one client's frames in sequence order. Tokens from one upstream read leave in one write when the read ends
   * (one chunk and one syscall, not one per token); a token that came by way of another event loop is written in the
   * task that brought it.
   */
  private static final class Relay implements Generation.Follower {
    private final HttpServerResponse res;
    private final Generation g;
    private final io.vertx.core.Context context;
    private final StringBuilder out = new StringBuilder(256);
    private long written;
    /** The first live token in {@link #out}, for the relay-latency events; 0 when none. */
    private long firstLiveSeq;
    boolean finished;
    Runnable onEnd;

    Relay(HttpServerResponse res, Generation g, long lastEventId, io.vertx.core.Context context) {
      this.res = res;
      this.g = g;
      this.written = lastEventId;
      this.context = context;
    }

    @Override
    public io.vertx.core.Context context() {
      return context;
    }

    void replay(Generation.Snapshot snapshot) {
      long seq = snapshot.firstSeqMinusOne();
      for (String token : snapshot.tokens()) {
        seq++;
        if (seq > written) {
          JsonObject frame = snapshot.frames().get((int) seq);
          if (frame != null) {
            appendFrame(seq, frame);
          } else {
            append(seq, token);
          }
        }
      }
      if (snapshot.end() != null) {
        end(snapshot.end());
      } else {
        flush();
      }
    }

    @Override
    public void token(long seq, String text) {
      if (finished || seq <= written) {
        return;
      }
      if (firstLiveSeq == 0) {
        firstLiveSeq = seq;
      }
      append(seq, text);
    }

    @Override
    public void frame(long seq, JsonObject frame) {
      if (finished || seq <= written) {
        return;
      }
      appendFrame(seq, frame);
    }

    @Override
    public void endOfRead() {
      flush();
    }

    @Override
    public void end(JsonObject frame) {
      if (finished) {
        return;
      }
      JsonObject data = frame.copy();
      String type = (String) data.remove("type");
      out.append("event: ").append(type).append("\ndata: ").append(data.encode()).append("\n\n");
      flush();
      finished = true;
      onEnd.run();
    }

    private void append(long seq, String text) {
      written = seq;
      out.append("id: ").append(seq).append("\nevent: token\ndata: {\"text\":");
      SseText.quote(text, out);
      out.append("}\n\n");
    }

    private void appendFrame(long seq, JsonObject frame) {
      written = seq;
      JsonObject data = frame.copy();
      String type = (String) data.remove("type");
      out.append("id: ").append(seq).append("\nevent: ").append(type).append("\ndata: ").append(data.encode()).append("\n\n");
    }

    private void flush() {
      if (out.length() > 0 && !res.closed()) {
        res.write(out.toString());
        if (firstLiveSeq > 0 && TokenRelayRecording.on()) {
          long now = System.nanoTime();
          for (long seq = firstLiveSeq; seq <= written; seq++) {
            long received = g.receivedAt(seq);
            if (received != 0) {
              TokenRelayEvent.commit(g.id, seq, received, now);
            }
          }
        }
      }
      firstLiveSeq = 0;
      out.setLength(0);
    }
  }

  /** A stored answer as a finished stream: start, the whole text as token 1, done. */
  static void replay(HttpServerResponse res, CoachAnswer.Stored answer) {
    EventStream.open(res).end("event: start\ndata: " + answer.start().encode() + "\n\n"
        + "id: 1\nevent: token\ndata: " + new JsonObject().put("text", answer.text()).encode() + "\n\n"
        + "event: done\ndata: " + answer.done().encode() + "\n\n");
  }
}
