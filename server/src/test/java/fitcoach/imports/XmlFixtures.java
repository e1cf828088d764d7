package fitcoach.imports;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** GPX and TCX documents built in the tests, and a loopback server that notices any attempt to fetch an entity. */
final class XmlFixtures {
  static final Instant START = Instant.parse("2024-05-04T06:30:00Z");
  static final double LAT0 = 46.05;
  static final double LON0 = 14.5;
  /** Metres per degree of latitude on the sphere the parsers use. */
  static final double METRES_PER_DEGREE = ActivityMetrics.EARTH_RADIUS_M * Math.PI / 180;

  private XmlFixtures() {}

  /** The latitude after moving {@code metres} due north from {@link #LAT0}. */
  static double north(double metres) {
    return LAT0 + metres / METRES_PER_DEGREE;
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.9f", v);
  }

  /** Records requests; anything it serves says "Ride", so a resolved entity would show up as the sport. */
  static final class TrapServer implements AutoCloseable {
    final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;

    TrapServer() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        requests.incrementAndGet();
        byte[] body = "Ride".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
    }

    String url(String path) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
