package fitcoach.boot;

import fitcoach.app.AppConfig;

/**
 * {@code java -jar fitcoach.jar demo [--remove] [--years N]}: loads (or removes) the demo athlete for the instance's
 * account, then exits. Run it while the server is stopped: it starts the same database the server uses.
 */
final class DemoCommand {
  private DemoCommand() {
  }

  static int run(AppConfig config, String[] args) {
    boolean remove = false;
    int years = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--remove" -> remove = true;
        case "--years" -> {
          if (i + 1 >= args.length) {
            System.err.println("--years needs a number from 1 to 10");
            return 2;
          }
          try {
            years = Integer.parseInt(args[++i]);
          } catch (NumberFormatException e) {
            years = -1;
          }
          if (years < 1 || years > 10) {
            System.err.println("--years needs a number from 1 to 10");
            return 2;
          }
        }
        default -> {
          System.err.println("Unknown option " + args[i] + ". Usage: demo [--remove] [--years N]");
          return 2;
        }
      }
    }
    AppConfig offline = config.withPort(0).withHost("127.0.0.1");
    FitCoachApp started = Main.startClosingOnShutdown(offline);
    if (started == null) {
      return 130;
    }
    try (FitCoachApp app = started) {
      String message = app.demo(remove, years);
      System.out.println(message);
      return message.startsWith("Error") ? 1 : 0;
    }
  }
}
