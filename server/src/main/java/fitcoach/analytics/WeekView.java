package fitcoach.analytics;

import java.time.LocalDate;

/** Totals for one ISO week (Monday start) in the athlete's local dates; empty weeks are present with zeros. */
public record WeekView(String week, LocalDate weekStart, double distanceM, long durationS, long movingTimeS,
                       double elevationGainM, Double avgHr, double load, int sessions) {
}
