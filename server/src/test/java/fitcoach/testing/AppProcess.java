package fitcoach.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FitCoach as the athlete runs it: {@code fitcoach.boot.Main} in a JVM of its own, in a working folder (so ./data is its data
 * folder unless FITCOACH_DATA_DIR says otherwise), its output in a log file there. Can be stopped with SIGTERM or killed
 * with SIGKILL, as the Linux OOM killer would.
 */
public final class AppProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("FitCoach is listening on http://127\\.0\\.0\\.1:(\\d+)");
  private final Process process;
  private final Path log;

  private AppProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * The test run's class path without the libraries only tests use: ical4j registers a time-zone rules provider that
   * would load (and log) inside the app, which the app as shipped never has.
   */
  public static String appClassPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !entry.contains("ical4j"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  /** Starts {@code java fitcoach.boot.Main args} in {@code workDir} with {@code env} on top of a clean FitCoach environment. */
  public static AppProcess start(Path workDir, String logName, Map<String, String> env, String... args) throws IOException {
    return start(appClassPath(), workDir, logName, env, args);
  }

  /** Like {@link #start(Path, String, Map, String...)} on another class path (e.g. without an optional library). */
  public static AppProcess start(String classPath, Path workDir, String logName, Map<String, String> env, String... args)
      throws IOException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(javaBin, "-cp", classPath, "fitcoach.boot.Main"));
    command.addAll(List.of(args));
    Path log = workDir.resolve(logName);
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("FITCOACH_") || k.startsWith("STRAVA_") || k.equals("DATABASE_URL")
        || k.equals("PORT") || k.equals("HOST") || k.equals("JWT_SECRET") || k.equals("API_KEY_ENCRYPTION_KEY"));
    pb.environment().putAll(env);
    return new AppProcess(pb.start(), log);
  }

  public Process process() {
    return process;
  }

  public long pid() {
    return process.pid();
  }

  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for the "listening" line and returns the port it names (the app was started with PORT=0). */
  public int awaitListening(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Matcher m = LISTENING.matcher(output());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError("FitCoach exited (" + process.exitValue() + ") before listening:\n" + output());
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new AssertionError("FitCoach did not listen within " + timeout + ":\n" + output());
  }

  /** SIGKILL: no shutdown hook runs, nothing is stopped or flushed by FitCoach. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("FitCoach survived SIGKILL");
    }
  }

  /** SIGTERM, as Ctrl-C or a service manager stops it; returns the exit code. */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("FitCoach did not stop on SIGTERM:\n" + output());
    }
    return process.exitValue();
  }

  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("FitCoach still runs after " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
