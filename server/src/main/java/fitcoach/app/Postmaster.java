package fitcoach.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the embedded PostgreSQL server, a child process of FitCoach, started with production durability whatever
 * its postgresql.conf says (command-line settings win over the files).
 */
final class Postmaster {
  /**
   * fsync, full-page writes and synchronous commit keep every acknowledged write across a crash of the server or of the
   * machine; loopback TCP only, no Unix socket; passwords stored as SCRAM verifiers; timestamps in UTC as before.
   */
  static final List<String> SETTINGS = List.of(
      "fsync=on", "full_page_writes=on", "synchronous_commit=on",
      "listen_addresses=127.0.0.1", "unix_socket_directories=", "password_encryption=scram-sha-256", "timezone=UTC");
  private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);
  private static final int OUTPUT_LINES = 30;
  private final Process process;
  private final int port;
  private final Deque<String> output = new ArrayDeque<>();
  private Thread reader;

  private Postmaster(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the server on 127.0.0.1:port and returns once it accepts connections; fails with its last words if it exits. */
  static Postmaster start(PostgresBinaries binaries, Path pgDir, int port, Duration wait) {
    List<String> args = new ArrayList<>(List.of("-D", pgDir.toString(), "-p", Integer.toString(port)));
    for (String setting : SETTINGS) {
      args.add("-c");
      args.add(setting);
    }
    Process process;
    try {
      process = new ProcessBuilder(binaries.serverCommand(args)).redirectErrorStream(true).start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start PostgreSQL: " + e.getMessage(), e);
    }
    Postmaster postmaster = new Postmaster(process, port);
    postmaster.relayOutput();
    try {
      postmaster.awaitReady(pgDir, wait);
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    return postmaster;
  }

  /**
   * PostgreSQL writes its state into postmaster.pid (line 8, as pg_ctl -w reads it): ready once it accepts connections,
   * which may take a while after a crash (it replays its WAL first).
   */
  private void awaitReady(Path pgDir, Duration wait) {
    Path pidFile = pgDir.resolve("postmaster.pid");
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        // Its last words may still be in the pipe: the message is only as good as the output it quotes.
        awaitOutput();
        throw new IllegalStateException("PostgreSQL stopped during start-up (" + describeExit(exitCode()) + "): " + recentOutput());
      }
      try {
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        if (lines.size() >= 8 && lines.get(0).strip().equals(Long.toString(process.pid())) && lines.get(7).strip().equals("ready")) {
          return;
        }
      } catch (IOException e) {
        // Being rewritten; read again.
      }
      try {
        TimeUnit.MILLISECONDS.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while PostgreSQL was starting", e);
      }
    }
    throw new IllegalStateException("PostgreSQL was not ready after " + wait.toSeconds() + " s: " + recentOutput());
  }

  /**
   * The server's own log goes to FitCoach's: its FATAL and PANIC lines (a failed start, refused logins) as warnings, the
   * rest at debug level; the last lines are kept for error messages.
   */
  private void relayOutput() {
    reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (output) {
            output.addLast(line);
            if (output.size() > OUTPUT_LINES) {
              output.removeFirst();
            }
          }
          if (line.contains("FATAL:") || line.contains("PANIC:")) {
            LOG.warn("postgres: {}", line);
          } else {
            LOG.debug("postgres: {}", line);
          }
        }
      } catch (IOException e) {
        // The server is gone.
      }
    }, "postgres-" + process.pid() + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  String recentOutput() {
    return recentOutput(OUTPUT_LINES);
  }

  /** Waits (briefly) until everything the exited server wrote has been read. */
  private void awaitOutput() {
    try {
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The server's last {@code lines} lines of output, joined on one line. */
  String recentOutput(int lines) {
    synchronized (output) {
      List<String> all = new ArrayList<>(output);
      return all.isEmpty() ? "(no output)" : String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
  }

  long pid() {
    return process.pid();
  }

  int port() {
    return port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** Fast shutdown (open sessions are ended, everything written is kept); SIGKILL only if that does not finish. */
  void stop(PostgresBinaries binaries, Path pgDir, Duration timeout) {
    if (!process.isAlive()) {
      return;
    }
    try {
      binaries.run("pg_ctl", List.of("stop", "-D", pgDir.toString(), "-m", "fast", "-w", "-t", Long.toString(timeout.toSeconds())),
          null, timeout.plusSeconds(10));
    } catch (IllegalStateException e) {
      if (process.isAlive()) {
        LOG.warn("PostgreSQL (pid {}) did not stop cleanly ({}); killing it, it will recover on the next start", pid(), e.getMessage());
        process.destroyForcibly();
      }
    }
    try {
      process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Java reports a child ended by a signal as 128 + the signal's number. */
  static String describeExit(int code) {
    if (code > 128 && code <= 128 + 64) {
      return "killed by signal " + (code - 128);
    }
    return "exit code " + code;
  }
}
