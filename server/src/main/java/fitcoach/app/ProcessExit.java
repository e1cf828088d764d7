package fitcoach.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a process has ended. {@link ProcessHandle#isAlive()} says yes for a zombie (ended, not yet reaped by its
 * parent); an orphaned PostgreSQL is reaped by whatever adopted it (init, a container's first process), which may take
 * its time or never do it, so a zombie counts as ended here: it holds no memory, files or ports any more.
 */
public final class ProcessExit {
  private ProcessExit() {
  }

  /** True when the process is gone or a zombie. */
  public static boolean hasEnded(long pid) {
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return isZombie(pid);
    }
    return true;
  }

  /** Waits up to {@code timeout} for {@link #hasEnded(long)}; returns whether it did. */
  public static boolean awaitEnd(long pid, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!hasEnded(pid)) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  private static boolean isZombie(long pid) {
    try {
      // "pid (command) state ...": the command may itself hold spaces and parentheses, so read after the last ')'.
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int close = stat.lastIndexOf(')');
      return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
    } catch (IOException | RuntimeException e) {
      return false; // no /proc (not Linux) or the process just went: isAlive() decides next time
    }
  }
}
