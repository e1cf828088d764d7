package fitcoach.coach;

import fitcoach.load.FormZone;

/** The form zones in plain words, the same for the athlete's screen and the coach's prompt. */
public final class FormWords {
  private FormWords() {
  }

  public static String of(FormZone zone) {
    return switch (zone) {
      case TRANSITION -> "very fresh after a long easy spell; fitness is fading";
      case FRESH -> "fresh and rested; ready for a race or a hard session";
      case NEUTRAL -> "neither fresh nor tired; maintaining";
      case OPTIMAL -> "tired from productive training; fitness is building";
      case OVERLOAD -> "deeply fatigued; high risk of illness or injury, recovery needed";
    };
  }
}
