package fitcoach.analytics;

/** All-time (or ranged) totals for one sport family. */
public record SportTotalsView(String sport, int sessions, double distanceM, long movingTimeS, double elevationGainM,
                              double load, java.time.LocalDate lastActivity) {
}
