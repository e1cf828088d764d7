package fitcoach.testing;

import fitcoach.testing.llm.FakeAnthropic;
import fitcoach.testing.llm.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
      run(readers, client, appPort, 10, tokens, false); // warm-up: JIT, connection pools
      long heapBefore = heapAfterGc(appPid);
      long cpu0 = cpuMillis(appPid);
      long t0 = System.nanoTime();
      List<long[]> results = run(readers, client, appPort, streams, tokens, true);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long cpu = cpuMillis(appPid) - cpu0;
      long[] all = results.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      System.out.printf("streams: %d × %d tokens, all complete and in order, in %.2f s (%,.0f tokens/s)%n", streams, tokens,
          seconds, all.length / seconds);
      System.out.printf("app CPU for the run: %.2f s (%.1f µs per token, all threads incl. the database client); "
          + "machine load average now: %s%n", cpu / 1000.0, cpu * 1000.0 / ((long) streams * tokens),
          new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).split(" ")[0]);
      System.out.printf("latency added per token (fake write → client read): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6);
      long heapEnded = heapAfterGc(appPid);
      System.out.printf("heap held per finished answer (kept 60 s for Last-Event-ID resumes): %.1f KB%n",
          (heapEnded - heapBefore) / 1024.0 / streams);

      fake.replyWith(request -> request.body().getInteger("max_tokens", 0) <= 20 ? Reply.text("Bench", " title")
          : Reply.tokens(tokens).stamped().slow(Duration.ofMillis(20)));
      // Paced latency first, undisturbed: the heap measurement below forces full collections.
      long[] paced = run(readers, client, appPort, streams, tokens, true).stream().flatMapToLong(Arrays::stream).sorted()
          .toArray();
      System.out.printf("at a realistic pace (50 tokens/s per stream, %,d tokens/s in all) the latency added per token: "
          + "p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", streams * 50, paced[paced.length / 2] / 1e6,
          paced[(int) (paced.length * 0.99)] / 1e6, paced[paced.length - 1] / 1e6);

      long heapIdle = heapAfterGc(appPid);
      histogram(appPid, "idle");
      ExecutorService background = Executors.newSingleThreadExecutor();
      Future<List<long[]>> open = background.submit(() -> run(readers, client, appPort, streams, tokens, false));
      Thread.sleep(tokens * 20L / 2);
      long heapOpen = heapAfterGc(appPid);
      System.out.printf("heap per open stream (%d streams, about %d tokens in): %.1f KB%n", streams, tokens / 2,
          (heapOpen - heapIdle) / 1024.0 / streams);
      histogram(appPid, "open");
      open.get(10, TimeUnit.MINUTES);
      background.shutdown();
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    } finally {
      readers.close();
      vertx.close();
    }
    System.exit(0);
  }

  /**
   * Runs {@code n} chat answers at once on one Vert.x HTTP client (an event loop, not a thread per stream, so the
   * reader costs little next to the app); returns per-stream latencies (ns) when {@code measure}.
   */
  private static List<long[]> run(Vertx vertx, TestClient client, int port, int n, int tokens, boolean measure) throws Exception {
    io.vertx.core.http.HttpClient http = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions(),
        new io.vertx.core.http.PoolOptions().setHttp1MaxSize(n));
    List<java.util.concurrent.CompletableFuture<long[]>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(one(http, client, port, i, tokens).toCompletionStage().toCompletableFuture());
    }
    List<long[]> results = new ArrayList<>();
    for (var f : futures) {
      results.add(f.get(10, TimeUnit.MINUTES));
    }
    http.close();
    return measure ? results : List.of();
  }

  private static io.vertx.core.Future<long[]> one(io.vertx.core.http.HttpClient http, TestClient client, int port, int index,
                                                  int tokens) {
    long[] latencies = new long[tokens];
    int[] seen = {0};
    StringBuilder pending = new StringBuilder();
    return http.request(new io.vertx.core.http.RequestOptions().setMethod(io.vertx.core.http.HttpMethod.POST)
            .setHost("127.0.0.1").setPort(port).setURI("/api/ai/chat")
            .putHeader("Cookie", client.cookie()).putHeader("Origin", client.base()).putHeader("Content-Type", "application/json"))
        .compose(req -> req.send(new JsonObject().put("message", "Bench question " + index).encode()))
        .compose(res -> {
          io.vertx.core.Promise<long[]> done = io.vertx.core.Promise.promise();
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
                latencies[seen[0]++] = now - sent;
              } else if (frame.contains("event: error")) {
                done.tryFail("stream " + index + " failed: " + frame);
              }
            }
          });
          res.endHandler(v -> {
            if (seen[0] == tokens) {
              done.tryComplete(latencies);
            } else {
              done.tryFail("stream " + index + " ended after " + seen[0] + " tokens");
            }
          });
          res.exceptionHandler(done::tryFail);
          return done.future();
        });
  }

  /** With HISTOGRAM=dir set, saves the app's live-object histogram as dir/histogram-NAME.txt (to compare states). */
  private static void histogram(long pid, String name) throws Exception {
    String dir = System.getenv("HISTOGRAM");
    if (dir != null) {
      new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram")
          .redirectOutput(java.nio.file.Path.of(dir, "histogram-" + name + ".txt").toFile()).start().waitFor();
    }
  }

  /** User + system CPU time of a process so far (Linux /proc), in milliseconds. */
  private static long cpuMillis(long pid) throws Exception {
    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return ticks * 1000 / 100;
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
