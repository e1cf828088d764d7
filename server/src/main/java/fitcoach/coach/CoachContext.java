package fitcoach.coach;

import fitcoach.load.PmcDay;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the coach is told about the athlete, as one Markdown document, and the activities whose records it contains.
 *
 * @param activityIds every activity the text draws on (detail, summaries and weekly totals), oldest first
 */
public record CoachContext(LocalDate today, PmcDay day, String text, List<UUID> activityIds) {
  public CoachContext {
    activityIds = List.copyOf(activityIds);
  }
}
