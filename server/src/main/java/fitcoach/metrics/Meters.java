package fitcoach.metrics;

import fitcoach.llm.LlmClient;
import java.time.Duration;

/**
 * FitCoach's own measurements, beside what Vert.x measures. Labels are a few fixed words (a job, a file format, a
 * provider, an error kind), never user ids or paths. {@link #NONE} does nothing: what features get when metrics are off.
 */
public interface Meters {
  Meters NONE = new Meters() {
    @Override
    public void stravaPage(String job) {
    }

    @Override
    public void stravaRateLimitWait(String job, Duration wait) {
    }

    @Override
    public void importFinished(String fileName, boolean failed) {
    }

    @Override
    public LlmClient llm(String provider, LlmClient client) {
      return client;
    }
  };

  /** A page of activities a Strava job ({@code sync} or {@code refresh}) fetched. */
  void stravaPage(String job);

  /** A Strava job stops for the rate limit, for {@code wait}. */
  void stravaRateLimitWait(String job, Duration wait);

  /** An imported file is done with; its format is taken from the name's extension. */
  void importFinished(String fileName, boolean failed);

  /** {@code client}, counting its calls, tokens, first-token latency and errors under {@code provider}. */
  LlmClient llm(String provider, LlmClient client);
}
