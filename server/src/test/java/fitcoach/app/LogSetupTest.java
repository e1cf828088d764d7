package fitcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSetupTest {
  @Test
  void quietLibrariesAndSyncLevelFromTheEnvironment() {
    LoggerContext context = new LoggerContext();
    LogSetup.apply(context, Map.of("FITCOACH_SYNC_LOG", "debug"));
    assertThat(context.getLogger("ROOT").getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("ROOT").getAppender("STDOUT")).isNotNull();
    assertThat(context.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.flywaydb.core").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("fitcoach.strava.SyncVerticle").getLevel()).isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("fitcoach.boot.FitCoachApp").getEffectiveLevel()).isEqualTo(Level.INFO);

    LoggerContext defaults = new LoggerContext();
    LogSetup.apply(defaults, Map.of());
    assertThat(defaults.getLogger("fitcoach.imports.ImportVerticle").getLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void theTestsOwnLogbackFileStillWins() {
    LogSetup setup = new LogSetup();
    LoggerContext context = new LoggerContext();
    setup.setContext(context);
    assertThat(setup.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger("ROOT").getAppender("STDOUT")).isNull();
  }
}
