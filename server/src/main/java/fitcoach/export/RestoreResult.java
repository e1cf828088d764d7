package fitcoach.export;

/** What a restore brought back. */
public record RestoreResult(int activities, int streams, int chatSessions, int chatMessages, int weeklyReports,
                            int recommendations, int insights, int wellnessDays, int plannedWorkouts,
                            int events, int privacyZones, long millis) {}
