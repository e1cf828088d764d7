package fitcoach.app;

/** A configuration problem the athlete must fix before FitCoach can start; its message names the variable. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
