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
    text.append(plan(card.plan()));
    return text.toString();
  }

  /** Today's plan as the card gives it: each session with its load and whether it is hard, and the card's advice. */
  static String plan(fitcoach.readiness.PlanLine plan) {
    StringBuilder text = new StringBuilder("planned today:");
    if (plan.today().isEmpty()) {
      return text.append(" nothing\n").toString();
    }
    text.append('\n');
    for (fitcoach.readiness.PlanLine.Session s : plan.today()) {
      text.append("- ").append(s.title()).append(" (").append(s.sport());
      if (s.durationS() != null) {
        text.append(", ").append(Math.round(s.durationS() / 60.0)).append(" min");
      }
      if (s.targetLoad() != null) {
        text.append(", load ").append(s.targetLoad());
      }
      text.append(s.hard() ? ", hard" : ", not hard").append(")\n");
    }
    return text.append("plan: ").append(plan.suggestion()).append(" — ").append(plan.text()).append('\n').toString();
  }

  /** The verdict's one-line label, as the dashboard shows it and the model must start with. */
  static String label(String verdict) {
    return Verdict.valueOf(verdict.toUpperCase(Locale.ROOT)).label();
  }
}
