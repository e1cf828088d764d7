package fitcoach.readiness;

import fitcoach.load.Pmc;
import fitcoach.load.PmcDay;
import java.time.LocalDate;

/** Test builders: a day of the chart and a day's facts with every recovery signal set by name. */
final class Days {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  /** Form 0: neutral zone → train. */
  static final PmcDay NEUTRAL = day(50, 50, 2, 1.0);
  /** Form +10: fresh → hard. */
  static final PmcDay FRESH = day(50, 40, 2, 1.0);
  /** Form −35: overload → rest. */
  static final PmcDay OVERLOAD = day(60, 95, 2, 1.1);
  /** Fresh but ramp 9 a week → easy. */
  static final PmcDay STEEP = day(50, 40, 9, 1.2);
  /** Form −25: productive but deep → easy. */
  static final PmcDay DEEP = day(50, 75, 2, 1.0);

  static final HrvBaseline HRV_NONE = new HrvBaseline(null, 0, null, null, 0);
  /** Normal range 4.08 ± 0.1275 = 3.9525–4.2075. */
  static final HrvBaseline HRV_WITHIN = new HrvBaseline(4.10, 7, 4.08, 0.17, 40);
  static final HrvBaseline HRV_BELOW = new HrvBaseline(3.90, 7, 4.08, 0.17, 40);
  static final RestingHrBaseline RHR_NONE = new RestingHrBaseline(null, 0, null, null, 0);
  static final RestingHrBaseline RHR_NORMAL = new RestingHrBaseline(50.0, 7, 50.0, 2.0, 40);
  static final RestingHrBaseline RHR_UP = new RestingHrBaseline(53.0, 7, 50.0, 2.0, 40);
  static final SleepBaseline SLEEP_NONE = new SleepBaseline(null, null, 0, null, 0);
  static final SleepBaseline SLEEP_OK = new SleepBaseline(8.0, 7.9, 7, 8.0, 30);
  static final SleepBaseline SLEEP_SHORT = new SleepBaseline(6.0, 7.6, 7, 8.0, 30);

  private Days() {}

  static PmcDay day(double ctl, double atl, double ramp, double acwr) {
    double form = ctl - atl;
    return new PmcDay(TODAY, 0, ctl, atl, form, form, ramp, Pmc.zone(form), Double.NaN, Double.NaN, acwr);
  }

  static ScoreBaseline soreness(Integer today) {
    return new ScoreBaseline("soreness", today, 2.0, 30, true);
  }

  static ScoreBaseline stress(Integer today) {
    return new ScoreBaseline("stress", today, 2.0, 30, true);
  }

  static ScoreBaseline motivation(Integer today) {
    return new ScoreBaseline("motivation", today, 4.0, 30, false);
  }

  /** A day's facts: no wellness at all until set. */
  static final class Builder {
    PmcDay day;
    boolean active = true;
    HrvBaseline hrv = HRV_NONE;
    RestingHrBaseline rhr = RHR_NONE;
    SleepBaseline sleep = SLEEP_NONE;
    ScoreBaseline soreness = soreness(null);
    ScoreBaseline stress = stress(null);
    ScoreBaseline motivation = motivation(null);
    boolean checkedIn;
    boolean illness;
    boolean injury;

    Builder(PmcDay day) {
      this.day = day;
    }

    Builder noActivity() {
      active = false;
      day = new PmcDay(TODAY, 0, 0, 0, 0, 0, 0, Pmc.zone(0), Double.NaN, Double.NaN, Double.NaN);
      return this;
    }

    Builder hrv(HrvBaseline h) {
      hrv = h;
      return this;
    }

    Builder rhr(RestingHrBaseline r) {
      rhr = r;
      return this;
    }

    Builder sleep(SleepBaseline s) {
      sleep = s;
      return this;
    }

    Builder scores(Integer sore, Integer stressed, Integer motivated) {
      checkedIn = true;
      soreness = soreness(sore);
      stress = stress(stressed);
      motivation = motivation(motivated);
      return this;
    }

    Builder ill() {
      checkedIn = true;
      illness = true;
      return this;
    }

    Builder injured() {
      checkedIn = true;
      injury = true;
      return this;
    }

    /** A morning with every recovery signal good: HRV in range, resting HR normal, usual sleep, usual scores. */
    Builder allGood() {
      return hrv(HRV_WITHIN).rhr(RHR_NORMAL).sleep(SLEEP_OK).scores(2, 2, 4);
    }

    Facts facts() {
      return new Facts(day, LoadRule.of(day), active, new HardSessions(null, null, 0), hrv, rhr, sleep, soreness, stress,
          motivation, checkedIn, illness, injury);
    }

    @Override
    public String toString() {
      return "facts";
    }
  }

  static Builder on(PmcDay day) {
    return new Builder(day);
  }
}
