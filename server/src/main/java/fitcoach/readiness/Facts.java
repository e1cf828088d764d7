package fitcoach.readiness;

import fitcoach.load.PmcDay;

/** Everything the rules read for one day: the engine's load numbers and the wellness baselines. */
record Facts(PmcDay day, LoadRule loadRule, boolean hasActivity, HardSessions hard, HrvBaseline hrv, RestingHrBaseline restingHr,
             SleepBaseline sleep, ScoreBaseline soreness, ScoreBaseline stress, ScoreBaseline motivation, boolean checkedIn,
             boolean illness, boolean injury) {

  boolean hrvLow() {
    return hrv.status() == HrvBaseline.Status.BELOW;
  }

  boolean restingHrUp() {
    return restingHr.status() == RestingHrBaseline.Status.ELEVATED;
  }

  boolean sleepShort() {
    return sleep.status() == SleepBaseline.Status.SHORT;
  }

  static boolean worse(ScoreBaseline score) {
    return score.status() == ScoreBaseline.Status.WORSE;
  }

  /** Recovery signals leaning to rest (the flags are counted by their own rules). */
  int wellnessForRest() {
    int n = 0;
    for (boolean b : new boolean[] {hrvLow(), restingHrUp(), sleepShort(), worse(soreness), worse(stress), worse(motivation)}) {
      n += b ? 1 : 0;
    }
    return n;
  }

  /** The same day judged by the load rules on another set of the engine's numbers (for "what would change it"). */
  Facts withDay(PmcDay other) {
    return new Facts(other, LoadRule.of(other), hasActivity, hard, hrv, restingHr, sleep, soreness, stress, motivation,
        checkedIn, illness, injury);
  }
}
