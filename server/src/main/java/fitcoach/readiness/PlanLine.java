package fitcoach.readiness;

import java.util.List;

/**
 * Today's planned sessions beside the verdict: on a rest or easy day with a hard session planned, the card suggests
 * swapping it for an easy one or moving it to a later day ({@code suggestion} "swap"); otherwise "as planned", or
 * "none" with nothing planned. A suggestion only: the plan is the athlete's.
 */
public record PlanLine(List<Session> today, String suggestion, String text) {
  public static final String SWAP = "swap";
  public static final String AS_PLANNED = "as planned";
  public static final String NONE = "none";
  public static final PlanLine EMPTY = new PlanLine(List.of(), NONE, "Nothing planned today");

  public PlanLine {
    today = List.copyOf(today);
  }

  /** One planned session of today; {@code hard}: RPE 7+, heart-rate zone 4+, or a work step at threshold or above. */
  public record Session(String title, String sport, Integer durationS, Double targetLoad, boolean hard) {
  }

  static PlanLine of(Verdict verdict, List<Session> today) {
    if (today.isEmpty()) {
      return EMPTY;
    }
    List<String> hard = today.stream().filter(Session::hard).map(Session::title).toList();
    if ((verdict == Verdict.REST || verdict == Verdict.EASY) && !hard.isEmpty()) {
      String what = String.join(", ", hard);
      return new PlanLine(today, SWAP, (verdict == Verdict.REST ? "Today is a rest day" : "Today is an easy day")
          + ": swap the planned hard session (" + what + ") for an easy one"
          + (verdict == Verdict.REST ? " or rest" : "") + ", or move it to a later day.");
    }
    return new PlanLine(today, AS_PLANNED, "Train as planned: " + String.join(", ",
        today.stream().map(Session::title).toList()) + ".");
  }
}
