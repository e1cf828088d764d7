package fitcoach.testing;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent-event response read on its own thread, frame by frame as the server flushes them, so tests can see
 * tokens arrive one at a time, disconnect part way, or read a JSON error body when the stream never started.
 */
public final class SseStream implements AutoCloseable {
  /** One frame: its {@code id:} (null if none), {@code event:} name and the data parsed as JSON (or raw text). */
  public record Event(String id, String event, String data, long receivedNanos) {
    public JsonObject json() {
      return new JsonObject(data);
    }
  }

  private static final Event END = new Event(null, "__end__", "", 0);
  private final int status;
  private final Map<String, List<String>> headers;
  private final InputStream body;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final StringBuilder raw = new StringBuilder();
  private final List<String> comments = new ArrayList<>();
  /** Told of every frame a test reads (the API contract's check), as (event, data). */
  private java.util.function.BiConsumer<String, String> onFrame = (event, data) -> { };

  SseStream(int status, Map<String, List<String>> headers, InputStream body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    if (isEventStream()) {
      Thread reader = new Thread(this::read, "sse-test-reader");
      reader.setDaemon(true);
      reader.start();
    }
  }

  SseStream checkingFrames(java.util.function.BiConsumer<String, String> check) {
    this.onFrame = check;
    return this;
  }

  public int status() {
    return status;
  }

  public String header(String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
        .map(e -> e.getValue().get(0)).orElse(null);
  }

  public boolean isEventStream() {
    String type = header("content-type");
    return status == 200 && type != null && type.startsWith("text/event-stream");
  }

  /** The body of a response that is not an event stream (e.g. a JSON error). */
  public JsonObject errorBody() {
    try {
      return new JsonObject(new String(body.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The next frame, or null when the stream ended; fails after {@code timeout} without one. */
  public Event next(Duration timeout) {
    try {
      Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (e == null) {
        throw new AssertionError("No event within " + timeout + "; received so far: " + raw());
      }
      if (e == END) {
        events.add(END);
        return null;
      }
      onFrame.accept(e.event(), e.data());
      return e;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
  }

  /** Reads until an event named {@code name} (inclusive); fails if the stream ends first. */
  public List<Event> until(String name, Duration timeout) {
    List<Event> seen = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Event e = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (e == null) {
        throw new AssertionError("Stream ended before '" + name + "'; got " + seen);
      }
      seen.add(e);
      if (e.event().equals(name)) {
        return seen;
      }
    }
  }

  /** Every frame until the server ends the response. */
  public List<Event> rest(Duration timeout) {
    List<Event> seen = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Event e; (e = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) != null; ) {
      seen.add(e);
    }
    return seen;
  }

  public synchronized String raw() {
    return raw.toString();
  }

  public synchronized List<String> comments() {
    return List.copyOf(comments);
  }

  /** Drops the connection, as a browser tab that goes away. */
  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String id = null;
      String event = "message";
      StringBuilder data = new StringBuilder();
      for (String line; (line = in.readLine()) != null; ) {
        synchronized (this) {
          raw.append(line).append('\n');
        }
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Event(id, event, data.toString(), System.nanoTime()));
          }
          id = null;
          event = "message";
          data.setLength(0);
        } else if (line.startsWith(":")) {
          synchronized (this) {
            comments.add(line.substring(1).trim());
          }
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          if (data.length() > 0) {
            data.append('\n');
          }
          data.append(line.substring(5).stripLeading());
        }
      }
    } catch (IOException closed) {
      // the test closed the stream, or the server dropped it
    } finally {
      events.add(END);
    }
  }
}
