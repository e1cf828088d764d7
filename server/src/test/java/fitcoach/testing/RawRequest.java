package fitcoach.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for requests no well-behaved client sends: a lone
 * {@code %} or raw bytes in the request target, invalid UTF-8 in a body. Server-sent-event streams are read to their end
 * (or only to their headers, when asked) so a test knows when the work behind them is done.
 */
public final class RawRequest {
  private final int port;
  private final int timeoutMs;

  public RawRequest(int port, int timeoutMs) {
    this.port = port;
    this.timeoutMs = timeoutMs;
  }

  /** A response; {@code timedOut} when the server sent nothing for {@code timeoutMs}. */
  /** {@code closedEarly}: the server closed the connection while the body was still being sent, and no answer was readable. */
  public record Response(int status, Map<String, String> headers, byte[] body, boolean timedOut, boolean closedEarly) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      String text = text();
      return (timedOut ? "TIMEOUT " : "") + (closedEarly ? "CLOSED EARLY " : "") + status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
  }

  /** How much of a response to read: all of it (a stream to its end), or only the headers (streams that never end). */
  public enum Read { ALL, HEADERS }

  /** Sends {@code method target} (the target's bytes are sent exactly as given, ISO-8859-1) with {@code headers} and {@code body}. */
  public Response send(String method, String target, Map<String, String> headers, byte[] body, Read read) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMs);
      socket.setSoTimeout(timeoutMs);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      boolean hostGiven = headers.keySet().stream().anyMatch("host"::equalsIgnoreCase);
      request.writeBytes((method + " " + target + " HTTP/1.1\r\n" + (hostGiven ? "" : "Host: 127.0.0.1:" + port + "\r\n")
          + "Connection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
      headers.forEach((k, v) -> request.writeBytes((k + ": " + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
      if (body != null) {
        request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        request.writeBytes(body);
      }
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.toByteArray());
        out.flush();
      } catch (IOException e) {
        // The server answered before it read the whole body (a refused upload) and closed: its answer may still be there.
        try {
          return read(socket.getInputStream(), read == Read.HEADERS);
        } catch (IOException reset) {
          return new Response(0, Map.of(), new byte[0], false, true);
        }
      }
      return read(socket.getInputStream(), read == Read.HEADERS);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + target + " failed: " + e, e);
    }
  }

  private static Response read(InputStream in, boolean headersOnly) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int status = 0;
    Map<String, String> headers = new LinkedHashMap<>();
    try {
      int b;
      int matched = 0;
      while (matched < 4 && (b = in.read()) != -1) {
        head.write(b);
        matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
      }
      String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
      if (lines.length == 0 || lines[0].isEmpty()) {
        return new Response(0, headers, new byte[0], false, false);
      }
      status = Integer.parseInt(lines[0].split(" ")[1]);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
      }
      if (headersOnly) {
        return new Response(status, headers, new byte[0], false, false);
      }
      // Connection: close, so the body ends with the stream.
      byte[] body = in.readAllBytes();
      return new Response(status, headers, "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(body) : body, false, false);
    } catch (SocketTimeoutException e) {
      return new Response(status, headers, new byte[0], true, false);
    }
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < chunked.length) {
      int lineEnd = i;
      while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String sizeText = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int size;
      try {
        size = Integer.parseInt(sizeText, 16);
      } catch (NumberFormatException e) {
        break;
      }
      int start = lineEnd + 2;
      if (size == 0 || start + size > chunked.length) {
        out.write(chunked, Math.min(start, chunked.length), Math.max(0, Math.min(size, chunked.length - start)));
        break;
      }
      out.write(chunked, start, size);
      i = start + size + 2;
    }
    return out.toByteArray();
  }
}
