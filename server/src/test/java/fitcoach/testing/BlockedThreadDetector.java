package fitcoach.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logback appender that remembers Vert.x blocked-thread warnings, so tests can fail on them.
 *
 * <p>Vert.x takes the thread's stack only after it has seen the task run too long. When that stack shows the event
 * loop idle in its selector, the task had already finished: nothing of ours was caught blocking, and on a loaded
 * machine (CI shares its cores) a short task can take a few hundred milliseconds of wall time simply by waiting for a
 * core. Such a warning counts only when it is long enough that no amount of waiting for a core explains it.
 */
public final class BlockedThreadDetector extends AppenderBase<ILoggingEvent> {
  /** Below this, a warning whose stack shows an idle event loop is put down to a busy machine. */
  static final long IDLE_STACK_TOLERANCE_MS = 1_000;
  private static final Set<String> SELECTOR_WAITS = Set.of("sun.nio.ch.EPoll", "sun.nio.ch.KQueue",
      "sun.nio.ch.WEPoll", "io.netty.channel.epoll.Native", "io.netty.channel.kqueue.Native");
  private static final Pattern BLOCKED_FOR = Pattern.compile("blocked for (\\d+) ms");
  private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();

  @Override
  protected void append(ILoggingEvent event) {
    if (!event.getLoggerName().contains("BlockedThreadChecker")) {
      return;
    }
    String message = event.getFormattedMessage();
    if (idleWhenInspected(event.getThrowableProxy()) && blockedMillis(message) < IDLE_STACK_TOLERANCE_MS) {
      return;
    }
    WARNINGS.add(message);
  }

  /** Whether the stack Vert.x took shows the thread waiting in its selector, i.e. the slow task was already over. */
  static boolean idleWhenInspected(IThrowableProxy stack) {
    if (stack == null || stack.getStackTraceElementProxyArray() == null
        || stack.getStackTraceElementProxyArray().length == 0) {
      return false;
    }
    StackTraceElementProxy top = stack.getStackTraceElementProxyArray()[0];
    return SELECTOR_WAITS.contains(top.getStackTraceElement().getClassName());
  }

  static long blockedMillis(String message) {
    Matcher m = BLOCKED_FOR.matcher(message);
    return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
  }

  /** Returns and forgets what was seen so far. */
  public static List<String> drain() {
    List<String> seen = List.copyOf(WARNINGS);
    WARNINGS.clear();
    return seen;
  }
}
