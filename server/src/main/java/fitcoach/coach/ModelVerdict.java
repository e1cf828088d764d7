package fitcoach.coach;

import java.util.Locale;

/**
 * The verdict a recommendation's first line gives, read back so an answer that contradicts the decision card can be
 * flagged: the card decides, the model only narrates.
 */
final class ModelVerdict {
  private ModelVerdict() {
  }

  /** rest, easy, train or hard from the first non-empty line; null when it names none (or is ambiguous). */
  static String of(String answer) {
    if (answer == null) {
      return null;
    }
    for (String line : answer.split("\n")) {
      String t = line.replaceAll("[*_#>`\"“”:.!\\-–—]", " ").strip().toLowerCase(Locale.ROOT);
      if (t.isEmpty()) {
        continue;
      }
      // Longer labels first: "train hard" also contains "train", "rest day" is rest.
      if (t.startsWith("verdict")) {
        t = t.substring("verdict".length()).strip();
      }
      if (t.startsWith("train hard") || t.startsWith("hard")) {
        return "hard";
      }
      if (t.startsWith("easy")) {
        return "easy";
      }
      if (t.startsWith("rest")) {
        return "rest";
      }
      if (t.startsWith("train")) {
        return "train";
      }
      return null;
    }
    return null;
  }
}
