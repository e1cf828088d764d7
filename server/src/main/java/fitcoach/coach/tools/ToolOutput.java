package fitcoach.coach.tools;

import java.util.List;
import java.util.UUID;

/**
 * What a tool found: the result the model reads (a JSON-serialisable map or list, compact and already summarised by
 * the tool, never raw streams), a short summary for the athlete ("12 runs"), and every activity the result names, so
 * an answer records what it was given.
 */
public record ToolOutput(Object data, String summary, List<UUID> activityIds) {
  public ToolOutput {
    activityIds = List.copyOf(activityIds);
  }
}
