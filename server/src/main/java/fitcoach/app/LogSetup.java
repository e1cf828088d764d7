package fitcoach.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * FitCoach's logging, set up in code (found by Logback through META-INF/services) rather than from a logback.xml:
 * reading XML pulled in an XML parser and hundreds of classes on every start. A {@code logback.configurationFile}
 * system property or a {@code logback-test.xml} on the class path (the tests') still wins.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
  /** Libraries whose progress chatter is not the athlete's business; their warnings still show. */
  private static final String[] QUIET = {"io.zonky", "org.flywaydb", "io.netty", "com.password4j"};
  /** Per-page sync and import progress: FITCOACH_SYNC_LOG=DEBUG shows it, WARN hides the routine lines. */
  private static final String[] SYNC = {"fitcoach.strava.SyncVerticle", "fitcoach.analytics.LoadService",
      "fitcoach.imports.ImportVerticle"};

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(context, System.getenv());
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  static void apply(LoggerContext context, Map<String, String> env) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder);
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    for (String name : QUIET) {
      context.getLogger(name).setLevel(Level.WARN);
    }
    Level sync = Level.toLevel(env.get("FITCOACH_SYNC_LOG"), Level.INFO);
    for (String name : SYNC) {
      context.getLogger(name).setLevel(sync);
    }
  }
}
