package fitcoach.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain JDK HTTP client for tests, independent of the Vert.x code under test. It keeps the session cookie
 * like a browser would and sends the same-origin {@code Origin} header a browser adds to writes.
 */
public final class TestClient {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Map<String, String> extraHeaders = new LinkedHashMap<>();
  private String cookie;
  private boolean browser = true;

  public TestClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public TestClient header(String name, String value) {
    extraHeaders.put(name, value);
    return this;
  }

  /** Behave like curl or a script: no Origin header on writes. */
  public TestClient nonBrowser() {
    this.browser = false;
    return this;
  }

  public String base() {
    return base;
  }

  /** Opens a server-sent-event stream with this client's cookie (and Origin on writes), read as it arrives. */
  public SseStream stream(String method, String path, Object json, String lastEventId) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.toString()))
        .header("Accept", "text/event-stream");
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (browser && !"GET".equals(method)) {
      b.header("Origin", base);
    }
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    try {
      HttpResponse<java.io.InputStream> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      SseStream stream = new SseStream(r.statusCode(), r.headers().map(), r.body());
      // The status and content type now; the frames as the test reads them. An error body stays unread for the test.
      ApiContract.check(method, path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), "");
      return stream.checkingFrames((event, data) -> ApiContract.checkEvent(method, path, event, data));
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  /** A multipart form upload of {@code files} (name → bytes) under one field name, as a browser's FormData sends it. */
  public Response upload(String path, String field, Map<String, byte[]> files) {
    String boundary = "----fitcoach" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    files.forEach((name, bytes) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      body.writeBytes(bytes);
      body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Origin", base)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return checked("POST", path, new Response(r.statusCode(), r.headers().map(), r.body()));
    } catch (Exception e) {
      throw new IllegalStateException("upload to " + path + " failed", e);
    }
  }

  /** A GET whose body is binary (e.g. the export zip). */
  public byte[] download(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    try {
      HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      ApiContract.check("GET", path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
          r.statusCode() == 200 ? "" : new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
      }
      return r.body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    }
  }

  public String cookie() {
    return cookie;
  }

  public TestClient cookie(String value) {
    this.cookie = value;
    return this;
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Response post(String path, Object json) {
    return send("POST", path, json == null ? "" : json.toString(), "application/json");
  }

  public Response put(String path, Object json) {
    return send("PUT", path, json.toString(), "application/json");
  }

  public Response postRaw(String path, String body) {
    return send("POST", path, body, "application/json");
  }

  public Response send(String method, String path, String body, String contentType) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (browser && !"GET".equals(method) && !extraHeaders.containsKey("Origin")) {
      b.header("Origin", base);
    }
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    extraHeaders.forEach(b::header);
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      r.headers().allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith("fitcoach_token="))
          .findFirst()
          .ifPresent(c -> {
            String pair = c.split(";", 2)[0];
            cookie = pair.equals("fitcoach_token=") ? null : pair;
          });
      return checked(method, path, new Response(r.statusCode(), r.headers().map(), r.body()));
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  /** Every response a test receives is held to the API contract (see {@link ApiContract}). */
  private static Response checked(String method, String path, Response r) {
    ApiContract.check(method, path, r.status(), r.header("Content-Type"), r.body());
    return r;
  }

  /** An HTTP response with its body parsed on demand. */
  public record Response(int status, Map<String, List<String>> headers, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray jsonArray(String field) {
      return json().getJsonArray(field);
    }

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst().map(e -> e.getValue().get(0)).orElse(null);
    }

    public List<String> headerValues(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst().map(Map.Entry::getValue).orElse(List.of());
    }

    public String errorCode() {
      return json().getJsonObject("error").getString("code");
    }

    public String errorField() {
      return json().getJsonObject("error").getString("field");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
