package fitcoach.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * Writes one FIT ride with the Garmin SDK encoder, for the e2e suite's upload through the Import screen:
 * {@code FitFileMain <out.fit> [days-ago]}. The ride starts at 05:13 UTC that many days back (default 2), 45 minutes with
 * heart rate, power and positions, so it lands in the recent list and gets a route and streams.
 */
public final class FitFileMain {
  private FitFileMain() {
  }

  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    int daysAgo = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(daysAgo)).plus(Duration.ofMinutes(5 * 60 + 13));
    ExportZipMain.writeFit(out, start, 45 * 60, true, new Random(11));
    System.out.println(out);
  }
}
