package fitcoach.coach;

import fitcoach.readiness.ReadinessCard;

/**
 * Today's recommendation: the rule-based one, always there, the AI's stored answer for today if any, and the decision
 * card (signals, confidence, what would change it) whose verdict is the load rules' one until wellness moves it.
 */
public record RecommendationView(RuleAdvice rules, AnswerView ai, ReadinessCard card) {}
