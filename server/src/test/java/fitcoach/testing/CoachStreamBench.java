package fitcoach.testing;

import fitcoach.testing.llm.FakeAnthropic;
import fitcoach.testing.llm.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The coach-streaming benchmark (bench/coach-streams.sh): STREAMS concurrent chat answers of TOKENS tokens each, sent
 * by the fake Anthropic at full speed through the real app's SSE endpoint. Every token carries the fake's
 * {@code System.nanoTime()} at the moment it was written, and this JVM reads the stream too, so the difference is the
 * latency the app added (upstream parse, event bus, SSE write, loopback both ways). At full speed the fake puts whole
 * answers into the socket buffers at once, so that latency is mostly the time to work through 100,000 queued tokens;
 * run 2 sends at a realistic pace (50 tokens/s per stream), which shows the latency an athlete sees, and holds the
 * streams open to measure the app's live heap per open stream with {@code jcmd}.
 *
 * <p>Args: appPort fakePort appPid [streams] [tokens].
 */
public final class CoachStreamBench {
  private static final int WARM_UP_PACED_TOKENS = 750;
  /** With DUMP=file, every measured token's times (fake write, app read, app write, reader read; ns) go there. */
  private static final java.io.PrintStream DUMP = dump();

  private static java.io.PrintStream dump() {
    try {
      return System.getenv("DUMP") == null ? null : new java.io.PrintStream(System.getenv("DUMP"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
  private CoachStreamBench() {
  }

  public static void main(String[] args) throws Exception {
    int appPort = Integer.parseInt(args[0]);
    int fakePort = Integer.parseInt(args[1]);
    long appPid = Long.parseLong(args[2]);
    int streams = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    int tokens = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
    Vertx vertx = Vertx.vertx();
    FakeAnthropic fake = FakeAnthropic.start(vertx, fakePort).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    TestClient client = new TestClient(appPort);
    var setup = client.post("/api/auth/setup", new JsonObject().put("email", "bench@example.com").put("password", "benchmark password"));
    if (setup.status() != 201) {
      throw new IllegalStateException("setup failed: " + setup);
    }
    client.post("/api/demo", new JsonObject().put("years", 1));
    Vertx readers = Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(1));
    try {
      // Chat titles (a 20-token call after each first answer) get a short reply, so only the answers' tokens are counted.
      fake.replyWith(request -> request.body().getInteger("max_tokens", 0) <= 20 ? Reply.text("Bench", " title")
          : Reply.tokens(tokens).stamped());
      // Warm-up, so the numbers are the server's steady state rather than its JIT compiler at work (a profile of a cold
      // run shows a third of the app's CPU in C2): connection pools, the full-speed path, then the paced path.
      // The recording runs from here on: starting one makes the JVM throw away compiled code (a storm of "made not
      // entrant"), which must not fall inside a measured run. Each run then reads the events of its own time window.
      startRecording(appPid, "bench");
      run(readers, client, appPort, 10, tokens, false);
      fake.replyWith(request -> request.body().getInteger("max_tokens", 0) <= 20 ? Reply.text("Bench", " title")
          : Reply.tokens(WARM_UP_PACED_TOKENS).stamped().slow(Duration.ofMillis(20)).jittered());
      run(readers, client, appPort, streams, WARM_UP_PACED_TOKENS, false);
      fake.replyWith(request -> request.body().getInteger("max_tokens", 0) <= 20 ? Reply.text("Bench", " title")
          : Reply.tokens(tokens).stamped());
      List<Measured> measured = new ArrayList<>();
      if (System.getenv("PACED_ONLY") == null) {
        long heapBefore = heapAfterGc(appPid);
        long[] cpu0 = cpuMillis(appPid);
        long t0 = System.nanoTime();
        List<Tokens> results = run(readers, client, appPort, streams, tokens, true);
        double seconds = (System.nanoTime() - t0) / 1e9;
        phase("full speed", t0);
        System.out.printf("full speed: %d × %d tokens, all complete and in order, in %.2f s (%,.0f tokens/s)%n", streams,
            tokens, seconds, (double) streams * tokens / seconds);
        printCpu(appPid, cpu0, (long) streams * tokens);
        measured.add(new Measured("full speed (at full speed the fake writes whole answers into the socket buffers at "
            + "once, so the time from its write is mostly the queue in those buffers; the server's own part is the held "
            + "time)", results));
        long heapEnded = heapAfterGc(appPid);
        System.out.printf("heap held per finished answer (kept 60 s for Last-Event-ID resumes): %.1f KB%n",
            (heapEnded - heapBefore) / 1024.0 / streams);
      }

      // Paced latency before the heap measurement below, which forces full collections. Two paces: every stream writing
      // in the same instant every 20 ms (a burst of 100 tokens at once, the worst case), and streams whose pace varies
      // around 20 ms per token as a model's does, so they drift apart.
      for (boolean jitter : new boolean[] {false, true}) {
        fake.replyWith(request -> request.body().getInteger("max_tokens", 0) <= 20 ? Reply.text("Bench", " title")
            : jitter ? Reply.tokens(tokens).stamped().slow(Duration.ofMillis(20)).jittered()
            : Reply.tokens(tokens).stamped().slow(Duration.ofMillis(20)));
        settle();
        long[] cpu0 = cpuMillis(appPid);
        long pacedStart = System.nanoTime();
        List<Tokens> paced = run(readers, client, appPort, streams, tokens, true);
        phase(jitter ? "paced, jittered" : "paced, lock-step", pacedStart);
        String name = String.format("paced at 50 tokens/s per stream (%,d tokens/s in all), %s", streams * 50,
            jitter ? "each stream's pace varying 10-30 ms per token" : "all streams in lock-step");
        System.out.println(name + ":");
        printCpu(appPid, cpu0, (long) streams * tokens);
        measured.add(new Measured(name, paced));
      }

      // One dump of the recording for all runs: a dump in between makes the JVM drop compiled code as a start does.
      Map<String, Relayed> relayed = relayed(appPid);
      double fullSpeedHeldP99 = Double.NaN;
      for (Measured m : measured) {
        System.out.println("latency per token, " + m.name() + ":");
        double heldP99 = report(m.tokens(), relayed);
        if (m.name().startsWith("full speed")) {
          fullSpeedHeldP99 = heldP99;
        }
      }

      if (System.getenv("PACED_ONLY") == null) {
        long heapIdle = heapAfterGc(appPid);
        histogram(appPid, "idle");
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<List<Tokens>> open = background.submit(() -> run(readers, client, appPort, streams, tokens, false));
        Thread.sleep(tokens * 20L / 2);
        long heapOpen = heapAfterGc(appPid);
        double perStreamKb = (heapOpen - heapIdle) / 1024.0 / streams;
        System.out.printf("heap per open stream (%d streams, about %d tokens in): %.1f KB%n", streams, tokens / 2,
            perStreamKb);
        System.out.printf("goal (issue #6: at full speed, p99 server-added latency under 5 ms, under 100 KB per stream): "
            + "p99 %.2f ms, %.1f KB per open stream: %s%n", fullSpeedHeldP99, perStreamKb,
            fullSpeedHeldP99 < 5 && perStreamKb < 100 ? "met" : "NOT met");
        histogram(appPid, "open");
        open.get(10, TimeUnit.MINUTES);
        background.shutdown();
      }
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    } finally {
      if (DUMP != null) {
        DUMP.close();
      }
      readers.close();
      vertx.close();
    }
    System.exit(0);
  }

  private record Measured(String name, List<Tokens> tokens) {
  }

  /**
   * One answer as this reader saw it: the stream id, per token the fake's write time and this reader's read time, and
   * the time from sending the request to reading the first token.
   */
  private record Tokens(String streamId, long[] written, long[] read, long firstTokenNanos) {
  }

  /**
   * Runs {@code n} chat answers at once on one Vert.x HTTP client (an event loop, not a thread per stream, so the
   * reader costs little next to the app); returns what each stream saw when {@code measure}.
   */
  private static List<Tokens> run(Vertx vertx, TestClient client, int port, int n, int tokens, boolean measure) throws Exception {
    io.vertx.core.http.HttpClient http = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions(),
        new io.vertx.core.http.PoolOptions().setHttp1MaxSize(n));
    List<java.util.concurrent.CompletableFuture<Tokens>> futures = new ArrayList<>();
    // Started on the readers' event loop: from this plain thread, a response could deliver its first bytes before the
    // handler that reads them is attached.
    io.vertx.core.Context context = vertx.getOrCreateContext();
    for (int i = 0; i < n; i++) {
      int index = i;
      io.vertx.core.Promise<Tokens> promise = io.vertx.core.Promise.promise();
      context.runOnContext(v -> one(http, client, port, index, tokens).onComplete(promise));
      futures.add(promise.future().toCompletionStage().toCompletableFuture());
    }
    List<Tokens> results = new ArrayList<>();
    for (var f : futures) {
      results.add(f.get(10, TimeUnit.MINUTES));
    }
    http.close();
    return measure ? results : List.of();
  }

  private static io.vertx.core.Future<Tokens> one(io.vertx.core.http.HttpClient http, TestClient client, int port, int index,
                                                  int tokens) {
    long[] written = new long[tokens];
    long[] read = new long[tokens];
    String[] streamId = {null};
    int[] seen = {0};
    long[] sentAt = {0};
    StringBuilder pending = new StringBuilder();
    return http.request(new io.vertx.core.http.RequestOptions().setMethod(io.vertx.core.http.HttpMethod.POST)
            .setHost("127.0.0.1").setPort(port).setURI("/api/ai/chat")
            .putHeader("Cookie", client.cookie()).putHeader("Origin", client.base()).putHeader("Content-Type", "application/json"))
        .compose(req -> {
          sentAt[0] = System.nanoTime();
          return req.send(new JsonObject().put("message", "Bench question " + index).encode());
        })
        .compose(res -> {
          io.vertx.core.Promise<Tokens> done = io.vertx.core.Promise.promise();
          res.handler(buf -> {
            long now = System.nanoTime();
            pending.append(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
            int end;
            while ((end = pending.indexOf("\n\n")) >= 0) {
              String frame = pending.substring(0, end);
              pending.delete(0, end + 2);
              if (frame.contains("event: token")) {
                int at = frame.indexOf("\"text\":\"") + 8;
                long sent = Long.parseLong(frame.substring(at, frame.indexOf(' ', at)));
                long id = Long.parseLong(frame.substring(4, frame.indexOf('\n')));
                if (id != seen[0] + 1) {
                  done.tryFail("stream " + index + ": token " + id + " after " + seen[0]);
                }
                written[seen[0]] = sent;
                read[seen[0]++] = now;
              } else if (frame.startsWith("event: start")) {
                streamId[0] = new JsonObject(frame.substring(frame.indexOf("data: ") + 6)).getString("streamId");
              } else if (frame.contains("event: error")) {
                done.tryFail("stream " + index + " failed: " + frame);
              }
            }
          });
          res.endHandler(v -> {
            if (seen[0] == tokens) {
              done.tryComplete(new Tokens(streamId[0], written, read, read[0] - sentAt[0]));
            } else {
              done.tryFail("stream " + index + " ended after " + seen[0] + " tokens");
            }
          });
          res.exceptionHandler(done::tryFail);
          return done.future();
        });
  }

  /**
   * Prints, per token: the time from the fake's write to the app's SSE write (what the server adds: the kernel hand-over
   * on loopback, waiting for the app's event loop, and the time the app holds it), the held time alone, and the time
   * to this reader's read (which adds this JVM's own delays). Joined by stream id and sequence number.
   */
  /** Returns the p99 of the held time in ms. */
  private static double report(List<Tokens> streams, Map<String, Relayed> relayed) {
    List<Long> added = new ArrayList<>();
    List<Long> held = new ArrayList<>();
    List<Long> endToEnd = new ArrayList<>();
    List<Long> firstToken = new ArrayList<>();
    int missing = 0;
    for (Tokens t : streams) {
      firstToken.add(t.firstTokenNanos());
      Relayed r = relayed.get(t.streamId());
      for (int i = 0; i < t.written().length; i++) {
        endToEnd.add(t.read()[i] - t.written()[i]);
        int seq = i + 1;
        if (r == null || seq >= r.written().length || r.written()[seq] == 0) {
          missing++;
        } else {
          added.add(r.written()[seq] - t.written()[i]);
          held.add(r.held()[seq]);
          if (DUMP != null) {
            DUMP.printf("%d %d %d %d%n", t.written()[i], r.written()[seq] - r.held()[seq], r.written()[seq], t.read()[i]);
          }
        }
      }
    }
    System.out.println("  " + percentiles("fake write → app's SSE write (server-added)", added)
        + (missing > 0 ? String.format(" [%,d tokens without a relay event]", missing) : ""));
    System.out.println("  " + percentiles("  of which held by the app (its read → its write)", held));
    System.out.println("  " + percentiles("fake write → this reader's read (end to end)", endToEnd));
    System.out.println("  " + percentiles("request sent → first token read (all streams starting at once)", firstToken)
        .replace(" tokens)", " streams)"));
    long[] sorted = held.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted.length == 0 ? Double.NaN : sorted[(int) (sorted.length * 0.99)] / 1e6;
  }

  private static String percentiles(String what, List<Long> values) {
    long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
    if (v.length == 0) {
      return what + ": no data";
    }
    return String.format("%s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%,d tokens)", what, v[v.length / 2] / 1e6,
        v[(int) (v.length * 0.9)] / 1e6, v[(int) (v.length * 0.99)] / 1e6, v[v.length - 1] / 1e6, v.length);
  }

  /** With HISTOGRAM=dir set, saves the app's live-object histogram as dir/histogram-NAME.txt (to compare states). */
  private static void histogram(long pid, String name) throws Exception {
    String dir = System.getenv("HISTOGRAM");
    if (dir != null) {
      new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram")
          .redirectOutput(java.nio.file.Path.of(dir, "histogram-" + name + ".txt").toFile()).start().waitFor();
    }
  }

  /**
   * Lets the work that follows a run (each new chat's title, another model call, and its storage) finish before the
   * next run starts, so one run's tail does not land in the next one's numbers.
   */
  private static void settle() throws InterruptedException {
    Thread.sleep(3_000);
  }

  /** With PHASE_TIMES set, prints a phase's start and end on the monotonic clock, to match with `perf record -k 1`. */
  private static void phase(String name, long startNanos) {
    if (System.getenv("PHASE_TIMES") != null) {
      System.out.printf("# %s: --time %.6f,%.6f%n", name, startNanos / 1e9, System.nanoTime() / 1e9);
    }
  }

  /** Starts a flight recording in the app of only its token-relay events (bench/token-latency.jfc, path in $JFC). */
  private static void startRecording(long pid, String name) throws Exception {
    jcmd(pid, "JFR.start", "name=" + name, "settings=" + System.getenv("JFC"));
  }

  /** Per stream and sequence number, when the app wrote each token and how long it held it. */
  private record Relayed(long[] written, long[] held) {
  }

  /** The app's relay events so far (from a dump of the running recording), by stream id (new for every answer). */
  private static Map<String, Relayed> relayed(long pid) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("token-latency-", ".jfr");
    try {
      jcmd(pid, "JFR.dump", "name=bench", "filename=" + file);
      Map<String, Relayed> byStream = new java.util.HashMap<>();
      for (var e : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
        if (!e.getEventType().getName().equals("fitcoach.TokenRelayed")) {
          continue;
        }
        int seq = (int) e.getLong("seq");
        Relayed r = byStream.compute(e.getString("stream"), (k, old) -> old != null && old.written().length > seq ? old
            : old == null ? new Relayed(new long[seq + 1024], new long[seq + 1024])
            : new Relayed(Arrays.copyOf(old.written(), seq * 2), Arrays.copyOf(old.held(), seq * 2)));
        r.written()[seq] = e.getLong("writtenNanos");
        r.held()[seq] = e.getLong("heldNanos");
      }
      return byStream;
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  private static void jcmd(long pid, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(pid)));
    line.addAll(List.of(command));
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0 || out.contains("Could not") || out.contains("rror")) {
      throw new IllegalStateException(String.join(" ", line) + ": " + out);
    }
  }

  /** User and system CPU time of a process so far (Linux /proc), in milliseconds. */
  private static long[] cpuMillis(long pid) throws Exception {
    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new long[] {Long.parseLong(f[11]) * 10, Long.parseLong(f[12]) * 10};
  }

  private static void printCpu(long pid, long[] before, long tokens) throws Exception {
    long[] now = cpuMillis(pid);
    long user = now[0] - before[0];
    long system = now[1] - before[1];
    System.out.printf("  app CPU: %.1f µs per token (%.1f user, %.1f kernel; all threads incl. the database client); "
            + "load average %s%n", (user + system) * 1000.0 / tokens, user * 1000.0 / tokens, system * 1000.0 / tokens,
        new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).split(" ")[0]);
  }

  /**
   * The app's live heap in bytes: the total of {@code jcmd GC.class_histogram}, which counts reachable objects after a
   * full GC. (jstat's used columns count whole G1 regions, which overstates small differences severalfold.)
   */
  private static long heapAfterGc(long pid) throws Exception {
    Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    for (String line : out.split("\n")) {
      if (line.trim().startsWith("Total")) {
        String[] f = line.trim().split("\\s+");
        return Long.parseLong(f[2]);
      }
    }
    throw new IllegalStateException("no histogram total in: " + out.substring(0, Math.min(200, out.length())));
  }
}
