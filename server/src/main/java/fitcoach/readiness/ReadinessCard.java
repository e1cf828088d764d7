package fitcoach.readiness;

import fitcoach.load.FormZone;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Train or rest today?" as a decision card: the verdict, a one-line headline, every signal with its value, baseline,
 * direction and the rules it fired, a confidence, and what would change the verdict. Deterministic: the same chart and
 * wellness days give the same card; the AI may narrate it, never change it.
 *
 * @param verdict rest, easy, train or hard; none with no activity (and no illness or injury to rest for)
 * @param loadVerdict what the load rules alone say (the rule-based verdict before wellness)
 * @param rules the ids of every rule that fired, the load rule first
 * @param plan today's planned sessions and what the verdict means for them
 */
public record ReadinessCard(String verdict, String headline, String loadVerdict, List<String> rules, List<Signal> signals,
                            Confidence confidence, List<String> whatWouldChange, PlanLine plan) {
  /** How far back the card reads wellness: the longest baseline (HRV and resting HR, 60 days) plus today. */
  public static final int WELLNESS_DAYS = HrvBaseline.BASELINE_DAYS + 1;
  /** Foster 1998: weekly monotony above 2 goes with illness and overtraining. */
  public static final double HIGH_MONOTONY = 2.0;

  public ReadinessCard {
    rules = List.copyOf(rules);
    signals = List.copyOf(signals);
    whatWouldChange = List.copyOf(whatWouldChange);
    plan = plan == null ? PlanLine.EMPTY : plan;
  }

  /** The same card with today's planned sessions read against its verdict. */
  public ReadinessCard withPlan(List<PlanLine.Session> today) {
    Verdict v = java.util.Arrays.stream(Verdict.values()).filter(x -> x.wire().equals(verdict)).findFirst()
        .orElse(Verdict.NONE);
    return new ReadinessCard(verdict, headline, loadVerdict, rules, signals, confidence, whatWouldChange,
        PlanLine.of(v, today));
  }

  /** The first day of wellness the card for {@code today} reads. */
  public static LocalDate wellnessFrom(LocalDate today) {
    return today.minusDays(WELLNESS_DAYS - 1);
  }

  /** Today's card from the athlete's chart and their wellness days (any order; days outside the windows are ignored). */
  public static ReadinessCard of(PmcSeries series, List<WellnessDay> wellness) {
    LocalDate today = series.today();
    PmcDay day = series.onToday();
    WellnessDay entry = null;
    for (WellnessDay w : wellness) {
      if (w.date().equals(today)) {
        entry = w;
      }
    }
    Facts facts = new Facts(day, LoadRule.of(day), series.firstActivity().isPresent(), HardSessions.of(series),
        HrvBaseline.of(wellness, today), RestingHrBaseline.of(wellness, today), SleepBaseline.of(wellness, today),
        ScoreBaseline.soreness(wellness, today), ScoreBaseline.stress(wellness, today),
        ScoreBaseline.motivation(wellness, today), entry != null, entry != null && entry.illness(),
        entry != null && entry.injury());
    return of(facts);
  }

  static ReadinessCard of(Facts facts) {
    ReadinessRules.Decision decision = ReadinessRules.decide(facts, Set.of());
    Verdict verdict = decision.verdict();
    List<String> fired = new ArrayList<>();
    if (facts.hasActivity()) {
      fired.add(facts.loadRule().id());
    }
    decision.fired().forEach(r -> fired.add(r.id()));
    List<Signal> signals = SignalList.of(facts, decision);
    return new ReadinessCard(verdict.wire(), headline(facts, decision),
        facts.hasActivity() ? facts.loadRule().verdict().wire() : Verdict.NONE.wire(), fired, signals,
        Confidence.of(verdict, signals), Changes.of(facts, decision), PlanLine.EMPTY);
  }

  private static String headline(Facts facts, ReadinessRules.Decision decision) {
    Verdict verdict = decision.verdict();
    if (verdict == Verdict.NONE) {
      return verdict.label();
    }
    // Safety first, then the load, then the other wellness rules: the first one holding the verdict names it.
    List<ReadinessRules.Rule> binding = decision.binding();
    for (ReadinessRules.Rule r : binding) {
      if (r.safety()) {
        return verdict.label() + ": " + r.reason();
      }
    }
    if (facts.hasActivity() && facts.loadRule().verdict() == verdict) {
      return verdict.label() + ": " + loadReason(facts.loadRule());
    }
    return verdict.label() + ": " + binding.get(0).reason();
  }

  static String loadReason(LoadRule rule) {
    switch (rule) {
      case OVERLOAD:
        return "form is below −30, you are carrying a lot of fatigue";
      case STEEP_LOAD:
        return "your load has climbed quickly";
      case DEEP_FATIGUE:
        return "deep productive fatigue, keep it aerobic";
      case PRODUCTIVE:
        return "tired in a productive way";
      case FRESH:
        return "you are fresh";
      case TRANSITION:
        return "a long easy spell, build back gradually";
      default:
        return "neither fresh nor tired";
    }
  }

  /** "What would change it": each rule holding the verdict, cleared, and the verdict it would leave. */
  static final class Changes {
    private Changes() {}

    static List<String> of(Facts facts, ReadinessRules.Decision decision) {
      Set<String> lines = new LinkedHashSet<>();
      Verdict verdict = decision.verdict();
      List<String> together = new ArrayList<>();
      Set<String> suppressAll = new HashSet<>();
      Facts allCleared = facts;
      for (ReadinessRules.Rule r : decision.binding()) {
        Verdict after = ReadinessRules.decide(facts, Set.of(r.id())).verdict();
        if (after != verdict) {
          lines.add(r.clears() + " → " + after.wire());
        }
        together.add(r.clears());
        suppressAll.add(r.id());
      }
      if (facts.hasActivity() && facts.loadRule().verdict() == verdict) {
        PmcDay cleared = clearLoad(facts.day(), facts.loadRule());
        if (cleared != null) {
          Verdict after = ReadinessRules.decide(facts.withDay(cleared), Set.of()).verdict();
          if (after != verdict) {
            lines.add(loadClears(facts.day(), facts.loadRule()) + " → " + after.wire());
          }
          together.add(loadClears(facts.day(), facts.loadRule()));
          allCleared = facts.withDay(cleared);
        }
      }
      if (lines.isEmpty() && together.size() > 1) {
        Verdict after = ReadinessRules.decide(allCleared, suppressAll).verdict();
        if (after != verdict) {
          lines.add(joined(together) + " → " + after.wire());
        }
      }
      if (facts.hasActivity() && !facts.checkedIn()) {
        lines.add("No check-in today: log sleep, soreness and HRV so recovery counts too");
      }
      if (facts.hrv().status() == HrvBaseline.Status.LEARNING && facts.hrv().baselineCount() > 0) {
        lines.add("HRV baseline still learning: " + (HrvBaseline.MIN_BASELINE - facts.hrv().baselineCount())
            + " more mornings of HRV before it counts");
      }
      return List.copyOf(lines);
    }

    /** "A and b and c": one sentence, so only its first word keeps its capital. */
    private static String joined(List<String> parts) {
      StringBuilder out = new StringBuilder(parts.get(0));
      for (String part : parts.subList(1, parts.size())) {
        out.append(" and ").append(Character.toLowerCase(part.charAt(0))).append(part.substring(1));
      }
      return out.toString();
    }

    /** The day's numbers with the load rule's condition just cleared, or null for the rules with nothing to clear. */
    static PmcDay clearLoad(PmcDay d, LoadRule rule) {
      switch (rule) {
        case OVERLOAD:
          return withForm(d, -30);
        case DEEP_FATIGUE:
          return withForm(d, LoadRule.DEEP_FORM);
        case STEEP_LOAD:
          return new PmcDay(d.date(), d.load(), d.ctl(), d.atl(), d.form(), d.formAfter(), Math.min(d.ramp(), LoadRule.STEEP_RAMP),
              d.zone(), d.monotony(), d.strain(), Double.isFinite(d.acwr()) ? Math.min(d.acwr(), LoadRule.HIGH_ACWR) : d.acwr());
        case PRODUCTIVE:
        case NEUTRAL:
          // Not a brake but the next step up: fresh form (just above +5) is the hard-day zone.
          return withForm(d, 5.01);
        default:
          return null;
      }
    }

    static String loadClears(PmcDay d, LoadRule rule) {
      switch (rule) {
        case OVERLOAD:
          return "Form back above −30";
        case DEEP_FATIGUE:
          return "Form back up to −20";
        case STEEP_LOAD:
          List<String> parts = new ArrayList<>();
          if (d.ramp() > LoadRule.STEEP_RAMP) {
            parts.add("ramp back to " + ReadinessRules.fmt(LoadRule.STEEP_RAMP) + " a week or less");
          }
          if (Double.isFinite(d.acwr()) && d.acwr() > LoadRule.HIGH_ACWR) {
            parts.add("workload ratio back to " + ReadinessRules.fmt(LoadRule.HIGH_ACWR) + " or less");
          }
          String text = String.join(" and ", parts);
          return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        default:
          return "Form above +5 (fresh)";
      }
    }

    private static PmcDay withForm(PmcDay d, double form) {
      return new PmcDay(d.date(), d.load(), d.ctl(), d.atl(), form, d.formAfter(), d.ramp(), FormZone.of(form), d.monotony(),
          d.strain(), d.acwr());
    }
  }

  static String number(double v, int decimals) {
    String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return text.startsWith("-") ? "−" + text.substring(1) : text;
  }
}
