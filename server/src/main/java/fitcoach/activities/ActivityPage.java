package fitcoach.activities;

import java.util.List;

/** One page of the activity list; {@code nextCursor} continues a date-ordered listing without offsets. */
public record ActivityPage(List<ActivitySummary> items, long total, int limit, Integer offset, String nextCursor) {
}
