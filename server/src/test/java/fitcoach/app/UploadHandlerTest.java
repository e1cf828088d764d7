package fitcoach.app;

import fitcoach.testing.DataFolder;
import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.RawHttp;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Uploads (imports and restore) stream to disk only once the request is known to be wanted: signed in, same origin,
 * within the size limit. Whatever is refused, cut off or fails leaves no file behind.
 */
class UploadHandlerTest extends ApiTest {
  private static final int LIMIT_MB = 8;
  private static final String BOUNDARY = "----fitcoach-test-boundary";
  private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    env.put("FITCOACH_MAX_UPLOAD_MB", Integer.toString(LIMIT_MB));
    return env;
  }

  private Path uploads() {
    return app.config().dataDir().resolve("uploads");
  }


  private static void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within 20 s: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** What happened to a big upload the server should refuse: its answer, and how much of the body it took. */
  private record Refusal(RawHttp.Response response, long sent, long total, boolean filesCreated) {
  }

  /**
   * Sends a multipart upload of one {@code megabytes} file on a raw socket from a second thread while this one reads
   * the answer; watches the uploads folder for any file created meanwhile.
   */
  private Refusal bigUpload(String path, Map<String, String> headers, int megabytes) throws Exception {
    Files.createDirectories(uploads());
    byte[] partHead = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.fit\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    long total = partHead.length + megabytes * 1024L * 1024L + tail.length;
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", MULTIPART);
    all.putIfAbsent("Content-Length", Long.toString(total));
    AtomicLong sent = new AtomicLong();
    try (WatchService watch = FileSystems.getDefault().newWatchService(); RawHttp http = RawHttp.open(app.port())) {
      uploads().register(watch, StandardWatchEventKinds.ENTRY_CREATE);
      http.send(RawHttp.head("POST", path, all));
      Thread writer = new Thread(() -> {
        if (!http.send(partHead)) {
          return;
        }
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < megabytes * 16; i++) {
          if (!http.send(chunk)) {
            return;
          }
          sent.addAndGet(chunk.length);
        }
        http.send(tail);
      }, "upload-writer");
      writer.setDaemon(true);
      writer.start();
      RawHttp.Response response = http.readResponse(Duration.ofSeconds(30));
      // The server hangs up instead of reading (and dropping) the rest.
      assertThat(http.closedWithin(Duration.ofSeconds(10))).as("connection closed after the refusal").isTrue();
      writer.join(Duration.ofSeconds(10).toMillis());
      assertThat(writer.isAlive()).as("the client could not go on sending").isFalse();
      var key = watch.poll();
      boolean created = key != null && !key.pollEvents().isEmpty();
      return new Refusal(response, sent.get(), total, created);
    }
  }

  private void assertNothingStored() {
    assertThat(TestDatabase.count("SELECT count(*) FROM import_files")).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM sync_jobs")).isZero();
    await("no temporary upload left", () -> DataFolder.regularFiles(uploads()) == 0);
    assertThat(DataFolder.regularFiles(app.config().dataDir().resolve("imports"))).isZero();
  }

  @Test
  @DisplayName("An unauthenticated 50 MB upload is answered 401 before its body is read: no file is written and the connection is closed")
  void unauthenticatedUploadCostsNothing() throws Exception {
    for (String path : new String[] {"/api/imports", "/api/export/restore"}) {
      Refusal r = bigUpload(path, Map.of(), 50);
      assertThat(r.response().status()).as(path + ": " + r.response()).isEqualTo(401);
      assertThat(new JsonObject(r.response().body()).getJsonObject("error").getString("code")).isEqualTo("unauthorized");
      assertThat(r.filesCreated()).as(path + ": a file was created in the uploads folder").isFalse();
      assertThat(r.sent()).as(path + ": bytes the server let the client send").isLessThan(r.total() / 2);
      assertNothingStored();
    }
  }

  @Test
  @DisplayName("An upload from a foreign origin is answered 403 before its body is read")
  void foreignOriginCostsNothing() throws Exception {
    signedIn();
    Refusal r = bigUpload("/api/imports", Map.of("Cookie", client.cookie(), "Origin", "http://evil.example"), 50);
    assertThat(r.response().status()).as(r.response().toString()).isEqualTo(403);
    assertThat(r.filesCreated()).isFalse();
    assertThat(r.sent()).isLessThan(r.total() / 2);
    assertNothingStored();
  }

  @Test
  @DisplayName("An upload whose Content-Length is over the limit is answered 413 before its body is read, naming the limit")
  void declaredLengthOverTheLimit() throws Exception {
    signedIn();
    Refusal r = bigUpload("/api/imports", Map.of("Cookie", client.cookie()), 50);
    assertThat(r.response().status()).as(r.response().toString()).isEqualTo(413);
    JsonObject error = new JsonObject(r.response().body()).getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("payload_too_large");
    assertThat(error.getString("message")).contains(LIMIT_MB + " MB");
    assertThat(r.filesCreated()).isFalse();
    assertNothingStored();
  }

  @Test
  @DisplayName("A chunked upload that grows past the limit is cut off with 413 and its partial file is removed")
  void chunkedBodyOverTheLimit() throws Exception {
    signedIn();
    try (RawHttp http = RawHttp.open(app.port())) {
      http.send(RawHttp.head("POST", "/api/imports", Map.of("Cookie", client.cookie(), "Content-Type", MULTIPART,
          "Transfer-Encoding", "chunked")));
      Thread writer = new Thread(() -> {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.fit\"\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
        if (!http.send(chunk(head))) {
          return;
        }
        byte[] data = chunk(new byte[64 * 1024]);
        for (int i = 0; i < (LIMIT_MB + 4) * 16; i++) {
          if (!http.send(data)) {
            return;
          }
        }
        http.send("0\r\n\r\n");
      }, "chunked-writer");
      writer.setDaemon(true);
      writer.start();
      RawHttp.Response response = http.readResponse(Duration.ofSeconds(30));
      assertThat(response.status()).as(response.toString()).isEqualTo(413);
      assertThat(new JsonObject(response.body()).getJsonObject("error").getString("message")).contains(LIMIT_MB + " MB");
      assertThat(http.closedWithin(Duration.ofSeconds(10))).isTrue();
    }
    assertNothingStored();
  }

  private static byte[] chunk(byte[] data) {
    byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + data.length + 2];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(data, 0, out, head.length, data.length);
    out[out.length - 2] = '\r';
    out[out.length - 1] = '\n';
    return out;
  }

  @Test
  @DisplayName("An upload the client abandons mid-body leaves no file behind and stores nothing")
  void abortedUploadLeavesNothing() throws Exception {
    signedIn();
    try (RawHttp http = RawHttp.open(app.port())) {
      http.send(RawHttp.head("POST", "/api/imports", Map.of("Cookie", client.cookie(), "Content-Type", MULTIPART,
          "Content-Length", Long.toString(6L * 1024 * 1024))));
      http.send(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.fit\"\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 32; i++) {
        http.send(new byte[64 * 1024]);
      }
      await("the upload is being written", () -> DataFolder.regularFiles(uploads()) == 1);
    }
    assertNothingStored();
  }

  private static Map<String, byte[]> files(int count) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      files.put("file-" + i + ".fit", new byte[] {(byte) i});
    }
    return files;
  }

  @Test
  @DisplayName("More than 256 files in one upload is a 413 saying so, and nothing is stored; 256 are accepted")
  void tooManyFiles() {
    signedIn();
    var tooMany = client.upload("/api/imports", "files", files(257));
    assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(413);
    assertThat(tooMany.errorCode()).isEqualTo("too_many_files");
    assertThat(tooMany.errorField()).isEqualTo("files");
    assertThat(tooMany.json().getJsonObject("error").getString("message")).contains("256");
    assertNothingStored();

    var most = client.upload("/api/imports", "files", files(256));
    assertThat(most.status()).as(most.toString()).isEqualTo(202);
    assertThat(most.json().getInteger("files")).isEqualTo(256);
  }

  @Test
  @DisplayName("A restore takes exactly one file: two are a 422 and leave nothing behind")
  void restoreTakesOneFile() {
    signedIn();
    var two = client.upload("/api/export/restore", "file", Map.of("a.zip", new byte[10], "b.zip", new byte[10]));
    assertThat(two.status()).as(two.toString()).isEqualTo(422);
    assertThat(two.errorField()).isEqualTo("file");
    assertNothingStored();
  }

  @Test
  @DisplayName("File names over 255 characters or with control characters are a 422 naming the file, and nothing is stored")
  void badFileNames() {
    signedIn();
    String longName = "x".repeat(252) + ".gpx";
    for (String name : new String[] {longName, "nul\u0000byte.gpx", "bell\u0007.gpx", "..", "folder/"}) {
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put("fine.gpx", new byte[] {1});
      files.put(name, new byte[] {1});
      var r = client.upload("/api/imports", "files", files);
      assertThat(r.status()).as(name + ": " + r).isEqualTo(422);
      assertThat(r.errorField()).isEqualTo("files");
      assertThat(r.errorCode()).isEqualTo("invalid_file_name");
      String shown = name.replaceAll("\\p{Cntrl}", "?");
      assertThat(r.json().getJsonObject("error").getString("message")).contains(shown.substring(0, Math.min(40, shown.length())));
      assertNothingStored();
    }
  }

  @Test
  @DisplayName("A file name with a path keeps only its last part: nothing is written outside the data folder")
  void pathsInFileNames() {
    signedIn();
    var r = client.upload("/api/imports", "files", Map.of("../../../escape.gpx", "not a gpx".getBytes(StandardCharsets.UTF_8),
        "c:\\Users\\me\\run.gpx", "not a gpx".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    String names = TestDatabase.query("SELECT string_agg(original_name, ',' ORDER BY original_name) FROM import_files",
        rs -> rs.next() ? rs.getString(1) : null);
    assertThat(names).isEqualTo("escape.gpx,run.gpx");
    Path data = app.config().dataDir();
    assertThat(data.getParent().resolve("escape.gpx")).doesNotExist();
    assertThat(data.getParent().getParent().resolve("escape.gpx")).doesNotExist();
  }
}
