package fitcoach.readiness;

import java.util.List;

/**
 * One input of the decision card as the athlete sees it.
 *
 * @param key stable id: form, ramp, acwr, monotony, hardSession, hrv, restingHr, sleep, soreness, stress, motivation,
 *            illness, injury
 * @param value today's value in {@code unit} (HRV: the 7-day mean of ln rMSSD), null when missing
 * @param baseline the athlete's usual to compare with (null when it has none, or the signal is a threshold)
 * @param low the lower edge of the normal range where there is one (HRV), else null
 * @param high the upper edge of the normal range (HRV), the elevated line (resting HR) or the threshold above which the
 *             signal leans to rest (ramp, ACWR, monotony); else null
 * @param status missing, learning (no baseline yet) or judged
 * @param direction for_rest, neutral or for_training (neutral when not judged)
 * @param rules the ids of the rules this signal made fire today, empty when none
 * @param detail one line in words: the value, the usual and what it means
 */
public record Signal(String key, String label, Double value, Double baseline, Double low, Double high, String unit,
                     String status, String direction, List<String> rules, String detail) {
  public Signal {
    rules = List.copyOf(rules);
  }

  public boolean judged() {
    return "judged".equals(status);
  }
}
