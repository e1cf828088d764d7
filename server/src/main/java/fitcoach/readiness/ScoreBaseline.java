package fitcoach.readiness;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * A 1–5 score (soreness, stress or motivation) today against its mean over the 30 days before today. Worse than usual
 * when today is at the bad end of the scale ({@value #BAD_END} or more; {@value #LOW_END} or less for motivation) and at
 * least {@value #WORSE_BY} point from the usual; better when at least {@value #WORSE_BY} point the good way. Thresholds
 * are ours [P], in the spirit of the wellness questionnaires of McLean et al., IJSPP 2010;5:367–383.
 *
 * @param today today's score, null when not recorded
 * @param usual the 30-day mean, null with fewer than {@value #MIN_USUAL} values ("still learning")
 * @param higherIsWorse true for soreness and stress, false for motivation
 */
public record ScoreBaseline(String name, Integer today, Double usual, int usualCount, boolean higherIsWorse) {
  public static final int USUAL_DAYS = 30;
  public static final int MIN_USUAL = 7;
  public static final int BAD_END = 4;
  public static final int LOW_END = 2;
  public static final double WORSE_BY = 1;

  public enum Status { LEARNING, NO_RECENT, WORSE, USUAL, BETTER }

  public static ScoreBaseline soreness(List<WellnessDay> days, LocalDate today) {
    return of("soreness", days, today, WellnessDay::soreness, true);
  }

  public static ScoreBaseline stress(List<WellnessDay> days, LocalDate today) {
    return of("stress", days, today, WellnessDay::stress, true);
  }

  public static ScoreBaseline motivation(List<WellnessDay> days, LocalDate today) {
    return of("motivation", days, today, WellnessDay::motivation, false);
  }

  private static ScoreBaseline of(String name, List<WellnessDay> days, LocalDate today, Function<WellnessDay, Integer> field,
                                  boolean higherIsWorse) {
    DailyValues scores = DailyValues.of(days, field);
    DailyValues.Window base = scores.window(today.minusDays(USUAL_DAYS), today.minusDays(1));
    Double now = scores.on(today);
    return new ScoreBaseline(name, now == null ? null : (int) Math.round(now), base.count() < MIN_USUAL ? null : base.mean(),
        base.count(), higherIsWorse);
  }

  public Status status() {
    if (usual == null) {
      return Status.LEARNING;
    }
    if (today == null) {
      return Status.NO_RECENT;
    }
    // Worse and better measured the same way whatever the scale's direction: positive = the bad way.
    double worseBy = higherIsWorse ? today - usual : usual - today;
    boolean badEnd = higherIsWorse ? today >= BAD_END : today <= LOW_END;
    if (badEnd && worseBy >= WORSE_BY) {
      return Status.WORSE;
    }
    return worseBy <= -WORSE_BY ? Status.BETTER : Status.USUAL;
  }
}
