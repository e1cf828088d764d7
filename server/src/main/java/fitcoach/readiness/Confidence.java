package fitcoach.readiness;

/**
 * How far to trust the verdict: how many signals could be judged, and how many lean its way or against it.
 * {@code low} with fewer than {@value #MIN_SIGNALS} judged signals or more against than for; {@code high} with at least
 * {@value #HIGH_SIGNALS} judged and none against; {@code medium} otherwise; {@code none} with no verdict.
 *
 * @param level none, low, medium or high
 * @param signals judged signals
 * @param agreeing judged signals leaning the verdict's way (for rest: rest or easy; for training: train or hard)
 * @param disagreeing judged signals leaning the other way
 */
public record Confidence(String level, int signals, int agreeing, int disagreeing, String summary) {
  public static final int MIN_SIGNALS = 3;
  public static final int HIGH_SIGNALS = 6;

  static Confidence of(Verdict verdict, java.util.List<Signal> all) {
    int judged = 0;
    int forRest = 0;
    int forTraining = 0;
    for (Signal s : all) {
      if (s.judged()) {
        judged++;
        if (Direction.FOR_REST.wire().equals(s.direction())) {
          forRest++;
        } else if (Direction.FOR_TRAINING.wire().equals(s.direction())) {
          forTraining++;
        }
      }
    }
    if (verdict == Verdict.NONE) {
      return new Confidence("none", judged, 0, 0, "No training history: nothing to weigh yet.");
    }
    boolean restful = verdict == Verdict.REST || verdict == Verdict.EASY;
    int agreeing = restful ? forRest : forTraining;
    int disagreeing = restful ? forTraining : forRest;
    String level = judged < MIN_SIGNALS || disagreeing > agreeing ? "low"
        : judged >= HIGH_SIGNALS && disagreeing == 0 ? "high" : "medium";
    String summary = judged + (judged == 1 ? " signal" : " signals") + " judged: " + agreeing + " for this verdict, "
        + disagreeing + " against, " + (judged - agreeing - disagreeing) + " neutral.";
    return new Confidence(level, judged, agreeing, disagreeing, summary);
  }
}
