package fitcoach.metrics;

import fitcoach.llm.LlmClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** {@link Meters} in a Micrometer registry: names as Prometheus shows them are in the README's Metrics section. */
final class PrometheusMeters implements Meters {
  private static final Set<String> FORMATS = Set.of("fit", "gpx", "tcx", "zip");
  private final MeterRegistry registry;

  PrometheusMeters(MeterRegistry registry) {
    this.registry = registry;
    // Series a dashboard expects exist from the start, at zero.
    for (String job : new String[] {"sync", "refresh"}) {
      pages(job);
    }
    for (String provider : new String[] {"anthropic", "openai"}) {
      MeteredLlmClient.meters(registry, provider);
    }
  }

  @Override
  public void stravaPage(String job) {
    pages(job).increment();
  }

  private Counter pages(String job) {
    return Counter.builder("fitcoach.strava.pages").description("Pages of activities fetched from Strava")
        .tag("job", job).register(registry);
  }

  @Override
  public void stravaRateLimitWait(String job, Duration wait) {
    Timer.builder("fitcoach.strava.rate.limit.wait").description("Waits for Strava's rate limit, and how long they were")
        .tag("job", job).register(registry).record(wait);
  }

  @Override
  public void importFinished(String fileName, boolean failed) {
    String format = format(fileName);
    Counter.builder("fitcoach.imports.files").description("Imported files done with, failed or not")
        .tag("format", format).register(registry).increment();
    if (failed) {
      Counter.builder("fitcoach.imports.failures").description("Imported files that failed")
          .tag("format", format).register(registry).increment();
    }
  }

  /** fit, gpx, tcx, zip (a .gz suffix aside), or other: a fixed set whatever names athletes upload. */
  static String format(String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return FORMATS.contains(extension) ? extension : "other";
  }

  @Override
  public LlmClient llm(String provider, LlmClient client) {
    return new MeteredLlmClient(client, MeteredLlmClient.meters(registry, provider));
  }
}
