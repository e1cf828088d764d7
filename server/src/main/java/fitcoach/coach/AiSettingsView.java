package fitcoach.coach;

/**
 * The athlete's AI choice and what is in effect now: {@code active} is the provider and models the coach would call,
 * or null with {@code problem} saying what is missing.
 */
public record AiSettingsView(String provider, String model, String fastModel, Active active, String problem) {
  public record Active(String provider, String model, String fastModel) {
  }
}
