package fitcoach;

import fitcoach.app.AppConfig;
import fitcoach.app.ConfigException;
import fitcoach.app.DotEnv;
import fitcoach.app.FitCoachApp;
import java.nio.file.Path;

/** Reads the configuration, starts FitCoach, and stops it cleanly on SIGTERM / Ctrl-C. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    try {
      AppConfig config = AppConfig.fromEnv(DotEnv.merge(Path.of(".env"), System.getenv()));
      if (args.length > 0 && "demo".equals(args[0])) {
        System.exit(DemoCommand.run(config, java.util.Arrays.copyOfRange(args, 1, args.length)));
      }
      if (args.length > 0) {
        System.err.println("Unknown command '" + args[0] + "'. Usage: java -jar fitcoach.jar [demo [--remove] [--years N]]");
        System.exit(2);
      }
      FitCoachApp app = FitCoachApp.start(config);
      Runtime.getRuntime().addShutdownHook(new Thread(app::close, "fitcoach-shutdown"));
    } catch (ConfigException e) {
      System.err.println("FitCoach cannot start: " + e.getMessage());
      System.exit(2);
    }
  }
}
