package fitcoach.coach;

/**
 * The athlete's AI choice and what is in effect now: {@code active} is the provider and models the coach would call,
 * or null with {@code problem} saying what is missing, and whether its model can look things up with tools.
 */
public record AiSettingsView(String provider, String model, String fastModel, Active active, String problem,
                             Boolean toolsSupported) {
  /** @param toolsSupported false once the model refused tools: the coach then gives it a fixed summary instead */
  public record Active(String provider, String model, String fastModel, boolean toolsSupported) {
  }
}
