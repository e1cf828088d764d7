package fitcoach.readiness;

import java.util.Locale;

/** The answer to "train or rest today?", from the most cautious up; {@link #NONE}: no activity, nothing to judge. */
public enum Verdict {
  NONE, REST, EASY, TRAIN, HARD;

  /** As sent in JSON: rest, easy, train, hard or none. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This verdict held down to {@code cap}: the more cautious of the two ({@link #NONE} stays none). */
  Verdict atMost(Verdict cap) {
    if (this == NONE) {
      return NONE;
    }
    return compareTo(cap) <= 0 ? this : cap;
  }

  /** The one-line label the dashboard has always shown for it. */
  public String label() {
    switch (this) {
      case REST:
        return "Rest day";
      case EASY:
        return "Easy day";
      case TRAIN:
        return "Train";
      case HARD:
        return "Train hard";
      default:
        return "Nothing to judge yet";
    }
  }
}
