package fitcoach.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Planned workouts and their steps as short text a person reads: "Warm-up 15:00 in HR zone 2",
 * "5 × (4:00 at 105–110 % FTP, 3:00 at 50–60 % FTP)", "Cool-down 2 km at 5:00–5:30 /km". Used by the calendar feed,
 * the FIT step names and anything else that shows a plan as words.
 */
public final class StepText {
  private StepText() {
  }

  /** One line per top-level step; a repeat is one line with its steps in brackets. */
  public static List<String> lines(List<WorkoutStep> steps) {
    List<String> lines = new ArrayList<>();
    for (WorkoutStep step : steps) {
      lines.add(line(step));
    }
    return lines;
  }

  /** A top-level step: its label (except for work steps, which are the default) and what it asks for. */
  public static String line(WorkoutStep step) {
    if (step.isRepeat()) {
      return repeat(step);
    }
    String label = label(step.type());
    return WorkoutStep.WORK.equals(step.type()) ? body(step) : label + " " + body(step);
  }

  /** "5 × (4:00 at 105–110 % FTP, 3:00 at 50–60 % FTP)"; a repeat's steps carry no labels, the range says enough. */
  public static String repeat(WorkoutStep repeat) {
    List<String> parts = new ArrayList<>();
    for (WorkoutStep child : repeat.steps()) {
      parts.add(child.isRepeat() ? repeat(child) : body(child));
    }
    int count = repeat.count() == null ? 1 : repeat.count();
    return count + " × (" + String.join(", ", parts) + ")";
  }

  /** How long and how hard, without the label: "4:00 at 105–110 % FTP", "2 km", "open". */
  public static String body(WorkoutStep step) {
    String amount = step.durationS() != null ? clock(step.durationS())
        : step.distanceM() != null ? distance(step.distanceM()) : "open";
    return step.target() == null ? amount : amount + " " + target(step.target());
  }

  /** "Warm-up", "Work", "Recovery", "Cool-down", "Repeat"; an unknown type as given. */
  public static String label(String type) {
    if (type == null) {
      return "Step";
    }
    switch (type) {
      case WorkoutStep.WARMUP: return "Warm-up";
      case WorkoutStep.WORK: return "Work";
      case WorkoutStep.RECOVERY: return "Recovery";
      case WorkoutStep.COOLDOWN: return "Cool-down";
      case WorkoutStep.REPEAT: return "Repeat";
      default: return type;
    }
  }

  /** "at 105–110 % FTP", "in HR zone 2", "at 80–89 % LTHR", "at 5:00–5:30 /km". */
  public static String target(StepTarget target) {
    switch (target.type()) {
      case StepTarget.FTP_PERCENT:
        return "at " + range(number(target.low()), number(target.high())) + " % FTP";
      case StepTarget.LTHR_PERCENT:
        return "at " + range(number(target.low()), number(target.high())) + " % LTHR";
      case StepTarget.HR_ZONE:
        return target.low() == target.high() ? "in HR zone " + number(target.low())
            : "in HR zones " + range(number(target.low()), number(target.high()));
      case StepTarget.PACE:
        return "at " + range(clock((int) Math.round(target.low())), clock((int) Math.round(target.high()))) + " /km";
      default:
        return "at " + range(number(target.low()), number(target.high())) + " " + target.type();
    }
  }

  /** Seconds as "m:ss", or "h:mm:ss" from an hour on. */
  public static String clock(int seconds) {
    int s = Math.max(0, seconds);
    int h = s / 3600;
    int m = s % 3600 / 60;
    int rest = s % 60;
    return h > 0 ? h + ":" + twoDigits(m) + ":" + twoDigits(rest) : m + ":" + twoDigits(rest);
  }

  /** Seconds as hours and minutes, "1:05", for a whole session (rounded to the minute). */
  public static String hoursMinutes(int seconds) {
    int minutes = (int) Math.round(Math.max(0, seconds) / 60.0);
    return minutes / 60 + ":" + twoDigits(minutes % 60);
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }

  /** Metres as "400 m" below a kilometre, else "2 km", "21.1 km", "42.2 km" (to 0.1 km, 0.01 below 10 km). */
  public static String distance(double metres) {
    if (Math.round(metres) < 1000) {
      return Math.max(0, Math.round(metres)) + " m";
    }
    double km = metres / 1000;
    return decimal(km, km < 10 ? 2 : 1) + " km";
  }

  private static String range(String low, String high) {
    return low.equals(high) ? low : low + "–" + high;
  }

  private static String number(double value) {
    return decimal(value, 1);
  }

  /** Rounded half up to {@code places} decimals, without trailing zeros: 105.0 → "105", 2.50 → "2.5". */
  private static String decimal(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
