package fitcoach.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A logback appender that remembers Vert.x blocked-thread warnings, so tests can fail on them. */
public final class BlockedThreadDetector extends AppenderBase<ILoggingEvent> {
  private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getLoggerName().contains("BlockedThreadChecker")) {
      WARNINGS.add(event.getFormattedMessage());
    }
  }

  /** Returns and forgets what was seen so far. */
  public static List<String> drain() {
    List<String> seen = List.copyOf(WARNINGS);
    WARNINGS.clear();
    return seen;
  }
}
