package fitcoach.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored answer that is not part of a chat: a day's recommendation ({@code date} = the day), a weekly report
 * ({@code date} = the week's Monday, with {@code metrics}) or an activity insight.
 *
 * @param basis what it was based on; null for an answer stored before answers kept their basis
 * @param outdated its inputs changed since it was stored (never for an answer without a basis)
 * @param outdatedReasons how: any of new_activities, activities_changed, policy_changed, verdict_changed (a recommendation only), in that order
 * @param toolCalls the lookups the coach made for it
 */
public record AnswerView(UUID id, LocalDate date, String content, String status, String model, Integer inputTokens,
                         Integer outputTokens, List<UUID> contextActivityIds, Map<String, Object> metrics, Instant createdAt,
                         AnswerBasis basis, boolean outdated, List<String> outdatedReasons, List<ToolTrace> toolCalls) {
  public AnswerView {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  /** This answer with its basis and what changed since (nothing: not outdated). */
  AnswerView judged(AnswerBasis basis, List<String> reasons) {
    return new AnswerView(id, date, content, status, model, inputTokens, outputTokens, contextActivityIds, metrics, createdAt,
        basis, !reasons.isEmpty(), List.copyOf(reasons), toolCalls);
  }
}
