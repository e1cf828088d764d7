package fitcoach.coach.tools;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Whom a tool answers for and what it may read: the athlete, whether Strava API data may be read (the coach's data
 * policy; always false over MCP), and the athlete's today in their time zone.
 */
public record ToolScope(UUID userId, boolean includeStravaApi, LocalDate today) {
}
