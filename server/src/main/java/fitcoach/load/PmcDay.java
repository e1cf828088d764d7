package fitcoach.load;

import java.time.LocalDate;

/**
 * One calendar day of the performance management chart.
 *
 * @param form TSB shown for the day, CTL(d−1) − ATL(d−1): readiness before the day's training
 * @param formAfter CTL(d) − ATL(d), form after the day's training
 * @param ramp CTL(d) − CTL(d−7), using the series start value (0 or the seed) for days before the series
 * @param zone the zone of {@code form}
 * @param monotony Foster: 7-day mean ÷ population SD, rest days 0; NaN when the SD is 0
 * @param strain 7-day sum × monotony (NaN when monotony is)
 * @param acwr EWMA acute ÷ chronic with λ = 2/(N+1), N = 7 and 28; NaN while chronic is 0
 */
public record PmcDay(
    LocalDate date,
    double load,
    double ctl,
    double atl,
    double form,
    double formAfter,
    double ramp,
    FormZone zone,
    double monotony,
    double strain,
    double acwr) {}
