package fitcoach.coach;

/** Today's recommendation: the rule-based one, always there, and the AI's stored answer for today if any. */
public record RecommendationView(RuleAdvice rules, AnswerView ai) {}
