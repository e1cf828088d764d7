package fitcoach.readiness;

import static fitcoach.readiness.ReadinessCard.number;

import fitcoach.load.FormZone;
import fitcoach.load.PmcDay;
import java.util.ArrayList;
import java.util.List;

/** The card's signals in a fixed order (load first, then recovery, then the flags), each judged against its baseline. */
final class SignalList {
  private static final String MISSING = "missing";
  private static final String LEARNING = "learning";
  private static final String JUDGED = "judged";

  private SignalList() {}

  static List<Signal> of(Facts f, ReadinessRules.Decision decision) {
    List<Signal> out = new ArrayList<>();
    PmcDay d = f.day();
    LoadRule load = f.loadRule();
    boolean active = f.hasActivity();
    String loadId = active ? load.id() : null;

    Direction formWay = d.zone() == FormZone.OVERLOAD || d.form() < LoadRule.DEEP_FORM ? Direction.FOR_REST
        : d.zone() == FormZone.OPTIMAL ? Direction.NEUTRAL : Direction.FOR_TRAINING;
    out.add(signal("form", "Form (TSB)", active ? round(d.form()) : null, null, null, null, "TSB", active ? JUDGED : MISSING,
        formWay, one(active && load != LoadRule.STEEP_LOAD ? loadId : null),
        active ? "Form " + number(d.form(), 1) + " this morning (zone " + d.zone().name().toLowerCase() + ")" : "No training yet"));

    boolean steepRamp = d.ramp() > LoadRule.STEEP_RAMP;
    out.add(signal("ramp", "Ramp rate", active ? round(d.ramp()) : null, null, null, LoadRule.STEEP_RAMP, "CTL/week",
        active ? JUDGED : MISSING, steepRamp ? Direction.FOR_REST : Direction.NEUTRAL,
        one(active && steepRamp && load == LoadRule.STEEP_LOAD ? loadId : null),
        active ? "Fitness " + (d.ramp() >= 0 ? "up " : "down ") + number(Math.abs(d.ramp()), 1) + " in 7 days (steep above "
            + ReadinessRules.fmt(LoadRule.STEEP_RAMP) + ")" : "No training yet"));

    boolean hasAcwr = active && Double.isFinite(d.acwr());
    boolean spike = hasAcwr && d.acwr() > LoadRule.HIGH_ACWR;
    out.add(signal("acwr", "Acute:chronic workload ratio", hasAcwr ? round(d.acwr()) : null, null, null, LoadRule.HIGH_ACWR,
        "ratio", hasAcwr ? JUDGED : MISSING, spike ? Direction.FOR_REST : Direction.NEUTRAL,
        one(spike && load == LoadRule.STEEP_LOAD ? loadId : null),
        hasAcwr ? "Last 7 days against the last 28: " + number(d.acwr(), 2) + " (a spike above "
            + ReadinessRules.fmt(LoadRule.HIGH_ACWR) + ")" : "Not enough history for a ratio"));

    boolean hasMonotony = active && Double.isFinite(d.monotony());
    boolean monotonous = hasMonotony && d.monotony() > ReadinessCard.HIGH_MONOTONY;
    out.add(signal("monotony", "Monotony (strain)", hasMonotony ? round(d.monotony()) : null, null, null,
        ReadinessCard.HIGH_MONOTONY, "ratio", hasMonotony ? JUDGED : MISSING, monotonous ? Direction.FOR_REST : Direction.NEUTRAL,
        List.of(), hasMonotony ? "Monotony " + number(d.monotony(), 2) + ", strain " + number(d.strain(), 0)
            + " over 7 days (high above " + ReadinessRules.fmt(ReadinessCard.HIGH_MONOTONY) + "); shown, moves no verdict"
            : "Every day of the week the same: monotony undefined"));

    out.add(hardSession(f.hard()));
    out.add(hrv(f.hrv(), decision));
    out.add(restingHr(f.restingHr(), decision));
    out.add(sleep(f.sleep(), decision));
    out.add(score(f.soreness(), "Soreness", decision));
    out.add(score(f.stress(), "Stress", decision));
    out.add(score(f.motivation(), "Motivation", decision));
    out.add(flag("illness", "Illness", f.checkedIn(), f.illness(), decision));
    out.add(flag("injury", "Injury", f.checkedIn(), f.injury(), decision));
    return out;
  }

  private static Signal hardSession(HardSessions h) {
    if (h.threshold() == null) {
      return signal("hardSession", "Days since a hard session", null, null, null, null, "days", LEARNING, Direction.NEUTRAL,
          List.of(), h.trainingDays() + " training days in " + HardSessions.WINDOW_DAYS + " days; " + HardSessions.MIN_TRAINING_DAYS
              + " needed to know what hard is for you");
    }
    Integer since = h.daysSince();
    Direction way = since == null || since >= 3 ? Direction.FOR_TRAINING : since <= 1 ? Direction.FOR_REST : Direction.NEUTRAL;
    String when = since == null ? "none in " + HardSessions.WINDOW_DAYS + " days"
        : since == 0 ? "today" : since == 1 ? "yesterday" : since + " days ago";
    return signal("hardSession", "Days since a hard session", since == null ? null : since.doubleValue(), null, null, null,
        "days", JUDGED, way, List.of(), "Last day above your 75th percentile load (" + number(h.threshold(), 0) + "): " + when
            + "; shown, moves no verdict");
  }

  private static Signal hrv(HrvBaseline h, ReadinessRules.Decision decision) {
    HrvBaseline.Status s = h.status();
    if (s == HrvBaseline.Status.LEARNING) {
      return signal("hrv", "HRV (7-day ln rMSSD)", h.rolling() == null ? null : round(h.rolling()), null, null, null,
          "ln rMSSD", LEARNING, Direction.NEUTRAL, List.of(), "Still learning your normal range: " + h.baselineCount() + " of "
              + HrvBaseline.MIN_BASELINE + " mornings in the last " + HrvBaseline.BASELINE_DAYS + " days");
    }
    if (s == HrvBaseline.Status.NO_RECENT) {
      return signal("hrv", "HRV (7-day ln rMSSD)", null, round(h.mean()), round(h.low()), round(h.high()), "ln rMSSD", MISSING,
          Direction.NEUTRAL, List.of(), "Fewer than " + HrvBaseline.MIN_ROLLING + " HRV readings in the last 7 days");
    }
    Direction way = s == HrvBaseline.Status.BELOW ? Direction.FOR_REST
        : s == HrvBaseline.Status.WITHIN ? Direction.FOR_TRAINING : Direction.NEUTRAL;
    String where = s == HrvBaseline.Status.BELOW ? "below" : s == HrvBaseline.Status.WITHIN ? "inside" : "above";
    return signal("hrv", "HRV (7-day ln rMSSD)", round(h.rolling()), round(h.mean()), round(h.low()), round(h.high()),
        "ln rMSSD", JUDGED, way, rules(decision, "hrv", way),
        "7-day mean " + number(h.rolling(), 2) + " (≈" + number(Math.exp(h.rolling()), 0) + " ms), " + where
            + " your normal range " + number(h.low(), 2) + "–" + number(h.high(), 2));
  }

  private static Signal restingHr(RestingHrBaseline r, ReadinessRules.Decision decision) {
    RestingHrBaseline.Status s = r.status();
    if (s == RestingHrBaseline.Status.LEARNING) {
      return signal("restingHr", "Resting HR (7-day mean)", r.rolling() == null ? null : round(r.rolling()), null, null, null,
          "bpm", LEARNING, Direction.NEUTRAL, List.of(), "Still learning your baseline: " + r.baselineCount() + " of "
              + RestingHrBaseline.MIN_BASELINE + " mornings");
    }
    if (s == RestingHrBaseline.Status.NO_RECENT) {
      return signal("restingHr", "Resting HR (7-day mean)", null, round(r.mean()), null, null, "bpm", MISSING, Direction.NEUTRAL,
          List.of(), "Fewer than " + RestingHrBaseline.MIN_ROLLING + " resting HR readings in the last 7 days");
    }
    Direction way = s == RestingHrBaseline.Status.ELEVATED ? Direction.FOR_REST : Direction.FOR_TRAINING;
    return signal("restingHr", "Resting HR (7-day mean)", round(r.rolling()), round(r.mean()), null,
        r.sd() == null ? round(r.mean() + RestingHrBaseline.ELEVATED_BPM)
            : round(r.mean() + Math.min(RestingHrBaseline.ELEVATED_BPM, r.sd())),
        "bpm", JUDGED, way, rules(decision, "restingHr", way), "7-day mean " + number(r.rolling(), 1) + " bpm against "
            + number(r.mean(), 1) + " (" + (r.difference() >= 0 ? "+" : "−") + number(Math.abs(r.difference()), 1) + ")"
            + (way == Direction.FOR_REST ? ": elevated" : ""));
  }

  private static Signal sleep(SleepBaseline b, ReadinessRules.Decision decision) {
    SleepBaseline.Status s = b.status();
    Double shown = b.lastNight() != null ? b.lastNight() : b.week();
    if (s == SleepBaseline.Status.LEARNING || s == SleepBaseline.Status.NO_RECENT) {
      return signal("sleep", "Sleep", shown == null ? null : round(shown), b.usual() == null ? null : round(b.usual()), null, null,
          "h", s == SleepBaseline.Status.LEARNING ? LEARNING : MISSING, Direction.NEUTRAL, List.of(),
          s == SleepBaseline.Status.LEARNING ? "Still learning your usual sleep: " + b.usualCount() + " of "
              + SleepBaseline.MIN_USUAL + " nights in " + SleepBaseline.USUAL_DAYS + " days" : "No sleep logged this week");
    }
    Direction way = s == SleepBaseline.Status.SHORT ? Direction.FOR_REST : Direction.FOR_TRAINING;
    String text = (b.lastNight() == null ? "Last night not logged" : "Last night " + number(b.lastNight(), 1) + " h")
        + (b.week() == null ? "" : ", 7-day mean " + number(b.week(), 1) + " h") + ", usual " + number(b.usual(), 1) + " h";
    return signal("sleep", "Sleep", round(shown), round(b.usual()), null, null, "h", JUDGED, way, rules(decision, "sleep", way),
        text);
  }

  private static Signal score(ScoreBaseline b, String label, ReadinessRules.Decision decision) {
    ScoreBaseline.Status s = b.status();
    Double today = b.today() == null ? null : b.today().doubleValue();
    if (s == ScoreBaseline.Status.LEARNING || s == ScoreBaseline.Status.NO_RECENT) {
      return signal(b.name(), label, today, b.usual() == null ? null : round(b.usual()), null, null, "1–5",
          s == ScoreBaseline.Status.LEARNING ? LEARNING : MISSING, Direction.NEUTRAL, List.of(),
          s == ScoreBaseline.Status.LEARNING ? "Still learning your usual: " + b.usualCount() + " of " + ScoreBaseline.MIN_USUAL
              + " days in " + ScoreBaseline.USUAL_DAYS : "Not logged today");
    }
    Direction way = s == ScoreBaseline.Status.WORSE ? Direction.FOR_REST
        : s == ScoreBaseline.Status.BETTER ? Direction.FOR_TRAINING : Direction.NEUTRAL;
    return signal(b.name(), label, today, round(b.usual()), null, null, "1–5", JUDGED, way, rules(decision, b.name(), way),
        label + " " + b.today() + " today, usual " + number(b.usual(), 1));
  }

  private static Signal flag(String key, String label, boolean checkedIn, boolean on, ReadinessRules.Decision decision) {
    Direction way = on ? Direction.FOR_REST : Direction.NEUTRAL;
    return signal(key, label, checkedIn ? (on ? 1.0 : 0.0) : null, null, null, null, "flag", checkedIn ? JUDGED : MISSING, way,
        rules(decision, key, way), !checkedIn ? "No check-in today" : on ? label + " ticked this morning" : "Not ticked");
  }

  /** The fired wellness rules that read this signal while it leans to rest. */
  private static List<String> rules(ReadinessRules.Decision decision, String key, Direction way) {
    List<String> ids = new ArrayList<>();
    if (way == Direction.FOR_REST) {
      decision.fired().stream().filter(r -> r.signals().contains(key)).forEach(r -> ids.add(r.id()));
    }
    return ids;
  }

  private static Signal signal(String key, String label, Double value, Double baseline, Double low, Double high, String unit,
                               String status, Direction direction, List<String> rules, String detail) {
    return new Signal(key, label, value, baseline, low, high, unit, status, direction.wire(), rules, detail);
  }

  private static List<String> one(String ruleId) {
    return ruleId == null ? List.of() : List.of(ruleId);
  }

  /** Two decimals, as the dashboard rounds the engine's numbers. */
  static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }
}
