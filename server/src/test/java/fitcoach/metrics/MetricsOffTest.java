package fitcoach.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.AppProcess;
import fitcoach.testing.TestApp;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Metrics off (the default): no /metrics, no metrics in Vert.x, and no need for Micrometer at all. */
class MetricsOffTest extends ApiTest {

  @Test
  @DisplayName("/metrics answers 404 in JSON, from loopback too, and Vert.x runs without metrics")
  void notServed() {
    var r = client.get("/metrics");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("not_found");
    assertThat(client.header("Authorization", "Bearer anything").get("/metrics").status()).isEqualTo(404);
    assertThat(app.vertx().isMetricsEnabled()).isFalse();
  }

  @Test
  @DisplayName("FitCoach starts and serves without the Micrometer libraries on its class path when metrics are off")
  void startsWithoutMicrometer() throws Exception {
    String classPath = Arrays.stream(AppProcess.appClassPath().split(File.pathSeparator))
        .filter(entry -> !entry.contains("micrometer") && !entry.contains("prometheus") && !entry.contains("HdrHistogram")
            && !entry.contains("LatencyUtils"))
        .collect(Collectors.joining(File.pathSeparator));
    assertThat(classPath).isNotEqualTo(AppProcess.appClassPath());
    Path work = TestApp.tempDir();
    Map<String, String> env = TestApp.env(TestDatabase.url());
    try (AppProcess process = AppProcess.start(classPath, work, "out.log", env)) {
      int port = process.awaitListening(Duration.ofSeconds(90));
      assertThat(new TestClient(port).get("/api/health").status()).isEqualTo(200);
      assertThat(new TestClient(port).get("/metrics").status()).isEqualTo(404);
      process.stop();
      assertThat(process.output()).contains("FitCoach stopped").doesNotContain("NoClassDefFoundError")
          .doesNotContain("ClassNotFoundException");
    }
  }
}
