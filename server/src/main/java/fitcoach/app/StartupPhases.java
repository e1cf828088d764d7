package fitcoach.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long each step of start-up took, for one line in the log ({@code bench/startup.sh} reads it): where a slow
 * start goes is then visible on the athlete's own machine, not only on ours. Steps that run side by side (Vert.x booting
 * while the database starts) are each timed from the start, so the figures may add up to more than the total.
 */
public final class StartupPhases {
  private final long t0 = System.nanoTime();
  private final List<String> phases = new ArrayList<>();
  private long last = t0;

  /** Records the time since the previous mark (or the start) under {@code name}. */
  public synchronized void mark(String name) {
    long now = System.nanoTime();
    phases.add(name + " " + TimeUnit.NANOSECONDS.toMillis(now - last));
    last = now;
  }

  /** Records a step that ran beside the others: its end, measured from the start. */
  public synchronized void markParallel(String name, long endNanos) {
    phases.add(name + " (in parallel) " + TimeUnit.NANOSECONDS.toMillis(endNanos - t0));
  }

  public long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
  }

  /** e.g. "JVM 310, lock and secrets 12, database 840, ..." (milliseconds). */
  @Override
  public synchronized String toString() {
    return String.join(", ", phases);
  }
}
