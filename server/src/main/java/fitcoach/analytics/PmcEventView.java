package fitcoach.analytics;

import java.time.LocalDate;

/**
 * An event on the chart: {@code form} is the chart's form on its day (the day's {@code tsb}, before that day's
 * training: readiness on race morning), projected when the day is after today.
 */
public record PmcEventView(LocalDate date, String name, String priority, String sport, double form) {
}
