package fitcoach.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BlockedThreadDetectorTest {
  private static final String CHECKER = "io.vertx.core.impl.BlockedThreadChecker";

  @Test
  void anEventLoopCaughtInOurCodeIsReported() throws Exception {
    BlockedThreadDetector.drain();
    Vertx vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(20)
        .setMaxEventLoopExecuteTime(50).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setWarningExceptionTime(50).setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS));
    try {
      vertx.runOnContext(v -> {
        try {
          Thread.sleep(600);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      java.util.List<String> seen = java.util.List.of();
      while (seen.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
        seen = BlockedThreadDetector.drain();
      }
      assertThat(seen).isNotEmpty().allMatch(w -> w.contains("has been blocked for"));
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anIdleEventLoopIsPutDownToABusyMachineUnlessTheWaitWasLong() {
    BlockedThreadDetector.drain();
    BlockedThreadDetector detector = new BlockedThreadDetector();
    detector.setContext(new LoggerContext());
    detector.start();

    detector.doAppend(warning(215, idleStack()));
    assertThat(BlockedThreadDetector.drain()).isEmpty();

    detector.doAppend(warning(1_500, idleStack()));
    assertThat(BlockedThreadDetector.drain()).hasSize(1);

    Exception busy = new Exception("Thread blocked");
    busy.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("java.lang.Thread", "sleep", null, -2),
        new StackTraceElement("fitcoach.auth.Passwords", "hash", "Passwords.java", 42)});
    detector.doAppend(warning(215, busy));
    assertThat(BlockedThreadDetector.drain()).containsExactly(
        "Thread vert.x-eventloop-thread-0 has been blocked for 215 ms, time limit is 200 ms");
  }

  private static Exception idleStack() {
    Exception idle = new Exception("Thread blocked");
    idle.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("sun.nio.ch.EPoll", "wait", null, -2),
        new StackTraceElement("sun.nio.ch.EPollSelectorImpl", "doSelect", "EPollSelectorImpl.java", 118),
        new StackTraceElement("io.netty.channel.nio.NioIoHandler", "select", "NioIoHandler.java", 668)});
    return idle;
  }

  private static LoggingEvent warning(long millis, Throwable stack) {
    Logger logger = new LoggerContext().getLogger(CHECKER);
    return new LoggingEvent(CHECKER, logger, Level.WARN,
        "Thread vert.x-eventloop-thread-0 has been blocked for " + millis + " ms, time limit is 200 ms", stack, null);
  }
}
