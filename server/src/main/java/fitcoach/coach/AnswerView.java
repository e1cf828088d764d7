package fitcoach.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored answer that is not part of a chat: a day's recommendation ({@code date} = the day), a weekly report
 * ({@code date} = the week's Monday, with {@code metrics}) or an activity insight.
 */
public record AnswerView(UUID id, LocalDate date, String content, String status, String model, Integer inputTokens,
                         Integer outputTokens, List<UUID> contextActivityIds, Map<String, Object> metrics, Instant createdAt) {}
