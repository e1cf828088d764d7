package fitcoach.coach;

import fitcoach.readiness.ReadinessCard;
import fitcoach.readiness.Signal;
import fitcoach.readiness.Verdict;
import java.util.Locale;

/**
 * The decision card as the recommendation prompt gives it to the model: the verdict already decided, each signal in
 * the card's own words, the confidence and what would change it. The model narrates it; the numbers are the card's.
 */
final class CardText {
  private CardText() {
  }

  static String of(ReadinessCard card) {
    StringBuilder text = new StringBuilder();
    text.append("verdict: ").append(label(card.verdict())).append('\n');
    text.append("headline: ").append(card.headline()).append('\n');
    text.append("signals:\n");
    for (Signal s : card.signals()) {
      if ("missing".equals(s.status())) {
        continue;
      }
      text.append("- ").append(s.label()).append(": ").append(s.detail());
      if ("learning".equals(s.status())) {
        text.append(" (no usual yet: still learning)");
      } else if (!"neutral".equals(s.direction())) {
        text.append(" (").append(s.direction().replace('_', ' ')).append(')');
      }
      if (!s.rules().isEmpty()) {
        text.append(" [rule: ").append(String.join(", ", s.rules())).append(']');
      }
      text.append('\n');
    }
    text.append("confidence: ").append(card.confidence().level()).append(" — ").append(card.confidence().summary()).append('\n');
    if (!card.whatWouldChange().isEmpty()) {
      text.append("what would change it:\n");
      card.whatWouldChange().forEach(line -> text.append("- ").append(line).append('\n'));
    }
    return text.toString();
  }

  /** The verdict's one-line label, as the dashboard shows it and the model must start with. */
  static String label(String verdict) {
    return Verdict.valueOf(verdict.toUpperCase(Locale.ROOT)).label();
  }
}
