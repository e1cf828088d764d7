package fitcoach.tokens;

import java.util.Set;

/** What a token may be used for. A token opens one scope only, so a leaked calendar link cannot read the coach's data. */
public final class TokenScope {
  /** The athlete's own data over the Model Context Protocol (/mcp). */
  public static final String MCP = "mcp";
  /** The athlete's plan as an iCalendar feed a phone calendar subscribes to (/api/plan/calendar.ics?token=…). */
  public static final String CALENDAR = "calendar";
  /** The scopes a token can be created with. */
  public static final Set<String> KNOWN = Set.of(MCP, CALENDAR);

  private TokenScope() {
  }
}
