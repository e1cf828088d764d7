package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.SocketAddress;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which browser origins may write, judged against the configuration and the connection, never the Host header. */
class RequestGuardTest {
  private static final SocketAddress LOOPBACK = SocketAddress.inetSocketAddress(8080, "127.0.0.1");
  private static final SocketAddress LAN = SocketAddress.inetSocketAddress(8080, "192.168.1.5");

  private static RequestGuard guard(String... env) {
    Map<String, String> vars = new java.util.HashMap<>();
    for (int i = 0; i < env.length; i += 2) {
      vars.put(env[i], env[i + 1]);
    }
    return new RequestGuard(AppConfig.fromEnv(vars));
  }

  @Test
  @DisplayName("On a loopback bind the loopback origins on the connection's port may write, nothing else")
  void loopback() {
    RequestGuard g = guard();
    assertThat(g.allowed("http://127.0.0.1:8080", LOOPBACK)).isTrue();
    assertThat(g.allowed("http://localhost:8080", LOOPBACK)).isTrue();
    assertThat(g.allowed("http://LOCALHOST:8080", LOOPBACK)).isTrue();
    assertThat(g.allowed("http://[::1]:8080", LOOPBACK)).isTrue();
    assertThat(g.allowed("http://localhost:5173", LOOPBACK)).as("another local server").isFalse();
    assertThat(g.allowed("http://localhost", LOOPBACK)).isFalse();
    assertThat(g.allowed("https://127.0.0.1:8080", LOOPBACK)).isFalse();
    assertThat(g.allowed("http://evil.example:8080", LOOPBACK)).isFalse();
    assertThat(g.allowed("null", LOOPBACK)).isFalse();
    assertThat(g.allowed("http://127.0.0.1:8080/path", LOOPBACK)).isFalse();
    assertThat(g.allowed("not a url at all", LOOPBACK)).isFalse();
  }

  @Test
  @DisplayName("On HOST=0.0.0.0 the address a connection came in on is an origin too, but no name is")
  void wildcard() {
    RequestGuard g = guard("HOST", "0.0.0.0");
    assertThat(g.allowed("http://192.168.1.5:8080", LAN)).isTrue();
    assertThat(g.allowed("http://192.168.1.6:8080", LAN)).isFalse();
    assertThat(g.allowed("http://192.168.1.5:8080", LOOPBACK)).isFalse();
    assertThat(g.allowed("http://localhost:8080", LAN)).as("a container port mapped to the host's localhost").isTrue();
    assertThat(g.allowed("http://nas.local:8080", LAN)).isFalse();
  }

  @Test
  @DisplayName("A specific HOST (address or name) is an origin on the bound port")
  void specificHost() {
    assertThat(guard("HOST", "nas.local").allowed("http://nas.local:8080", LAN)).isTrue();
    assertThat(guard("HOST", "nas.local").allowed("http://nas.local:9090", LAN)).isFalse();
    assertThat(guard("HOST", "192.168.1.5").allowed("http://192.168.1.5:8080", LAN)).isTrue();
    assertThat(guard("HOST", "fe80::1").allowed("http://[fe80::1]:8080", LAN)).isTrue();
  }

  @Test
  @DisplayName("FRONTEND_URL and FITCOACH_ALLOWED_ORIGINS are origins whatever the connection, default ports spelled or not")
  void configured() {
    RequestGuard g = guard("FRONTEND_URL", "https://coach.example.com/fitcoach",
        "FITCOACH_ALLOWED_ORIGINS", "http://nas.local:8080,https://coach.example.org:8443");
    assertThat(g.allowed("https://coach.example.com", LOOPBACK)).isTrue();
    assertThat(g.allowed("https://coach.example.com:443", LOOPBACK)).isTrue();
    assertThat(g.allowed("https://COACH.example.com", LAN)).isTrue();
    assertThat(g.allowed("http://coach.example.com", LOOPBACK)).isFalse();
    assertThat(g.allowed("https://coach.example.com:8443", LOOPBACK)).isFalse();
    assertThat(g.allowed("http://nas.local:8080", LOOPBACK)).isTrue();
    assertThat(g.allowed("https://coach.example.org:8443", LOOPBACK)).isTrue();
    assertThat(g.allowed("https://evil.coach.example.com", LOOPBACK)).isFalse();
  }

  @Test
  @DisplayName("A tile template's CSP source is its scheme, host and port, a {s} subdomain as a wildcard; odd hosts give none")
  void tileSources() {
    assertThat(RequestGuard.tileSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).contains("https://tile.openstreetmap.org");
    assertThat(RequestGuard.tileSource("https://{s}.tile.example.com/{z}/{x}/{y}.png")).contains("https://*.tile.example.com");
    assertThat(RequestGuard.tileSource("http://127.0.0.1:8099/{z}/{x}/{y}.png")).contains("http://127.0.0.1:8099");
    assertThat(RequestGuard.tileSource("https://evil.example;script-src *@x/{z}/{x}/{y}")).isEmpty();
    assertThat(RequestGuard.tileSource("https://a b/{z}/{x}/{y}")).isEmpty();
    assertThat(RequestGuard.tileSource("no scheme")).isEmpty();
  }
}
