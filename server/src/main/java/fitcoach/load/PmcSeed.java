package fitcoach.load;

import java.time.LocalDate;

/**
 * A user-set starting point: CTL and ATL at the END of {@code date}. Days before it are not shown and that
 * day's own load does not change CTL/ATL (GoldenCheetah's season-seed convention, §3.2 and §3.4).
 */
public record PmcSeed(LocalDate date, double ctl, double atl) {}
