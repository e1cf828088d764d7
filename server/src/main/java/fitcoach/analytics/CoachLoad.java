package fitcoach.analytics;

import fitcoach.load.LoadMethod;
import fitcoach.load.PmcSeries;
import fitcoach.load.Thresholds;
import java.util.Map;
import java.util.UUID;

/**
 * Training load as the coach may see it: the engine run over only the activities the athlete's data policy lets the
 * coach read, so an excluded activity moves no number (not the chart, not a history rate, not an estimated threshold).
 *
 * @param series the chart over those activities, through the athlete's today
 * @param loads each eligible activity's effective load (the athlete's override when set) and the method behind it
 */
public record CoachLoad(PmcSeries series, Thresholds thresholds, Map<UUID, ActivityLoadValue> loads) {

  public record ActivityLoadValue(double load, LoadMethod method) {
  }
}
