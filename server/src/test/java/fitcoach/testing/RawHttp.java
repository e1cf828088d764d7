package fitcoach.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain loopback socket, for what a well-behaved client never does: trickling header bytes, stopping
 * mid-body, opening many connections, or sending a body the server should refuse before reading it.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  public static RawHttp open(int port) {
    try {
      Socket socket = new Socket("127.0.0.1", port);
      socket.setTcpNoDelay(true);
      return new RawHttp(socket);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot connect to port " + port, e);
    }
  }

  /** Writes and flushes; false once the server has closed the connection (broken pipe or reset). */
  public boolean send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public boolean send(String text) {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A multipart/form-data body of {@code files} (name to bytes) under {@code field}, as a browser's FormData sends it. */
  public static byte[] multipart(String boundary, String field, Map<String, byte[]> files) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    files.forEach((name, bytes) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(bytes);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** The head of a request: request line and headers, ending with the blank line. */
  public static String head(String method, String path, Map<String, String> headers) {
    StringBuilder sb = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
    return sb.append("\r\n").toString();
  }

  /** A response read off the socket; {@code body} is empty when the server closed before sending one. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Reads one response with a Content-Length (every JSON answer of FitCoach); fails after {@code timeout}. */
  public Response readResponse(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
      String statusLine = line();
      if (statusLine == null) {
        throw new IllegalStateException("The server closed the connection without a response");
      }
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String l = line(); l != null && !l.isEmpty(); l = line()) {
        int colon = l.indexOf(':');
        headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Reading the response failed", e);
    }
  }

  /** Reads the status line and headers of a streamed response (e.g. server-sent events) and leaves the body unread. */
  public int readStatus(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
      int status = Integer.parseInt(line().split(" ")[1]);
      for (String l = line(); l != null && !l.isEmpty(); l = line()) {
        // headers are not needed
      }
      return status;
    } catch (IOException e) {
      throw new IllegalStateException("Reading the response failed", e);
    }
  }

  /** Reads and drops whatever arrives, up to {@code max} bytes or {@code timeout}; returns what came. */
  public String readAvailable(int max, Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
      byte[] buffer = new byte[max];
      int n = in.read(buffer);
      return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    } catch (SocketTimeoutException e) {
      return "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the server closes the connection (end of stream or reset), reading and dropping anything it sends;
   * true if it did within {@code deadline}.
   */
  public boolean closedWithin(Duration deadline) {
    Instant end = Instant.now().plus(deadline);
    try {
      while (Instant.now().isBefore(end)) {
        socket.setSoTimeout((int) Math.max(1, Math.min(200, Duration.between(Instant.now(), end).toMillis())));
        try {
          if (in.read() == -1) {
            return true;
          }
        } catch (SocketTimeoutException e) {
          // still open
        }
      }
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  /** An answer: status, headers (lower-case names) and the body as text (chunked bodies decoded). */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * One whole exchange, for requests the JDK client refuses to send (a forged {@code Host} header for DNS rebinding,
   * hand-written SockJS transports): {@code method path} with {@code headers} (each "Name: value") and {@code body}
   * (may be null), read to the end on a connection closed afterwards.
   */
  public static Answer exchange(int port, String method, String path, String body, String... headers) {
    Map<String, String> named = new LinkedHashMap<>();
    for (String h : headers) {
      int colon = h.indexOf(':');
      named.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
    }
    RawRequest.Response r = new RawRequest(port, 30_000).send(method, path, named,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8), RawRequest.Read.ALL);
    if (r.timedOut() || r.closedEarly()) {
      throw new IllegalStateException(method + " " + path + " got no whole answer: " + r);
    }
    return new Answer(r.status(), r.headers(), r.text());
  }
}
