package fitcoach.testing;

import io.vertx.core.Vertx;

/**
 * Runs the fake Strava on its own for benchmarks and manual work: {@code FakeStravaMain <activities> [port-file]}.
 * Prints the base URL and writes it to the port file, then serves until killed.
 */
public final class FakeStravaMain {
  private FakeStravaMain() {
  }

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    FakeStrava fake = FakeStrava.start(Vertx.vertx()).history(count, 42);
    fake.rateLimits(1_000_000, 10_000_000);
    System.out.println(fake.baseUrl());
    if (args.length > 1) {
      java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), fake.baseUrl());
    }
    Thread.currentThread().join();
  }
}
