package fitcoach.wellness;

import com.garmin.fit.Decode;
import com.garmin.fit.DateTime;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.HrvStatusSummaryMesg;
import com.garmin.fit.Mesg;
import com.garmin.fit.MesgNum;
import com.garmin.fit.MonitoringHrDataMesg;
import com.garmin.fit.MonitoringInfoMesg;
import com.garmin.fit.SleepLevel;
import com.garmin.fit.SleepLevelMesg;
import com.garmin.fit.WeightScaleMesg;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The wellness values a watch or scale writes into FIT files that are not activities, as far as the Garmin FIT SDK
 * decodes them: last night's average HRV from an HRV-status summary (Garmin computes it as rMSSD), the day's resting
 * heart rate from monitoring heart-rate data, hours asleep from sleep-level messages (light, deep and REM; awake and
 * unmeasurable spans are not sleep), and weight from a scale's weight messages. Each value belongs to the local date of
 * its time stamp, so a night's sleep and its HRV land on the morning they end; the local time comes from the file's
 * own monitoring info when it has it, else from the athlete's time zone.
 */
public final class FitWellness {
  /**
   * A level lasting this long is a gap in the recording, not sleep: it is not counted and it ends the night (a nap
   * later in the day is counted on its own).
   */
  static final Duration GAP = Duration.ofHours(4);

  /** One day's values from the file; null where the file has none. */
  public record Day(LocalDate date, Double hrvRmssd, Double restingHr, Double sleepHours, Double weightKg) {
  }

  private FitWellness() {
  }

  /**
   * Whether {@code bytes} is a FIT file to read for wellness rather than as an activity: a monitoring or weight file,
   * or any non-activity file carrying HRV-status or sleep messages.
   */
  public static boolean isWellnessFile(byte[] bytes) {
    Messages m = decode(bytes);
    if (m == null) {
      return false;
    }
    File type = m.fileType;
    if (type == File.ACTIVITY) {
      return false;
    }
    return type == File.MONITORING_A || type == File.MONITORING_B || type == File.MONITORING_DAILY || type == File.WEIGHT
        || !m.hrv.isEmpty() || !m.sleep.isEmpty() || !m.restingHr.isEmpty() || !m.weight.isEmpty();
  }

  /** The days with at least one value, in date order; empty when the file holds none (or is not FIT at all). */
  public static List<Day> read(byte[] bytes, ZoneId athleteZone) {
    Messages m = decode(bytes);
    if (m == null) {
      return List.of();
    }
    ZoneId zone = m.offset != null ? m.offset : athleteZone;
    Map<LocalDate, double[]> days = new TreeMap<>();
    // Per day: HRV, resting HR, sleep hours, weight; NaN where the file says nothing.
    java.util.function.Function<Instant, double[]> day = t -> days.computeIfAbsent(t.atZone(zone).toLocalDate(),
        d -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
    for (HrvStatusSummaryMesg h : m.hrv) {
      Float avg = h.getLastNightAverage();
      if (h.getTimestamp() != null && avg != null && avg > 0) {
        day.apply(instant(h.getTimestamp()))[0] = avg;
      }
    }
    for (MonitoringHrDataMesg r : m.restingHr) {
      Short today = r.getCurrentDayRestingHeartRate();
      if (r.getTimestamp() != null && today != null && today > 0) {
        day.apply(instant(r.getTimestamp()))[1] = today;
      }
    }
    for (Night night : nights(m.sleep)) {
      double[] values = day.apply(night.end());
      values[2] = (Double.isNaN(values[2]) ? 0 : values[2]) + night.asleep().toSeconds() / 3600.0;
    }
    for (WeightScaleMesg w : m.weight) {
      Float kg = w.getWeight();
      if (w.getTimestamp() != null && kg != null && kg > 0) {
        day.apply(instant(w.getTimestamp()))[3] = kg;
      }
    }
    List<Day> out = new ArrayList<>();
    days.forEach((date, v) -> out.add(new Day(date, value(v[0], 1), value(v[1], 0), value(v[2], 2), value(v[3], 1))));
    return out;
  }

  /** One night: when it ended, and the time asleep in it. */
  private record Night(Instant end, Duration asleep) {
  }

  /** Sleep-level messages mark where each level starts; a level lasts until the next message. */
  private static List<Night> nights(List<SleepLevelMesg> levels) {
    List<SleepLevelMesg> sorted = new ArrayList<>(levels);
    sorted.removeIf(l -> l.getTimestamp() == null || l.getSleepLevel() == null);
    sorted.sort(Comparator.comparing(l -> instant(l.getTimestamp())));
    List<Night> nights = new ArrayList<>();
    Duration asleep = Duration.ZERO;
    for (int i = 0; i + 1 < sorted.size(); i++) {
      Instant start = instant(sorted.get(i).getTimestamp());
      Instant next = instant(sorted.get(i + 1).getTimestamp());
      Duration length = Duration.between(start, next);
      if (length.compareTo(GAP) >= 0) {
        if (!asleep.isZero()) {
          nights.add(new Night(start, asleep));
        }
        asleep = Duration.ZERO;
        continue;
      }
      SleepLevel level = sorted.get(i).getSleepLevel();
      if (level == SleepLevel.LIGHT || level == SleepLevel.DEEP || level == SleepLevel.REM) {
        asleep = asleep.plus(length);
      }
    }
    if (!asleep.isZero()) {
      nights.add(new Night(instant(sorted.get(sorted.size() - 1).getTimestamp()), asleep));
    }
    return nights;
  }

  private static Double value(double v, int decimals) {
    if (Double.isNaN(v)) {
      return null;
    }
    double scale = Math.pow(10, decimals);
    return Math.round(v * scale) / scale;
  }

  private static Instant instant(DateTime t) {
    return t.getDate().toInstant();
  }

  /** The messages that matter here; null when the bytes are not a readable FIT file. */
  private static Messages decode(byte[] bytes) {
    if (bytes == null || bytes.length < 12 || bytes[8] != '.' || bytes[9] != 'F' || bytes[10] != 'I' || bytes[11] != 'T') {
      return null;
    }
    Messages m = new Messages();
    Decode decode = new Decode();
    try {
      decode.read(new ByteArrayInputStream(bytes), m::add);
    } catch (ActivityFile e) {
      // Every activity import asks first whether its file is a wellness file: the file_id message (always the first)
      // answers that, so the rest of a long activity is not decoded twice.
    } catch (FitRuntimeException e) {
      // A damaged file keeps what was read before the damage, as activity files do (the SDK may also wrap the
      // listener's ActivityFile in one: then the type is known and nothing else is needed).
    }
    return m;
  }

  /** Ends decoding once the file says it is an activity: nothing in it is wellness. */
  private static final class ActivityFile extends RuntimeException {
    ActivityFile() {
      super(null, null, false, false);
    }
  }

  /** Collects by message number: the SDK hands every message to one listener as a plain Mesg. */
  private static final class Messages {
    File fileType;
    ZoneId offset;
    final List<HrvStatusSummaryMesg> hrv = new ArrayList<>();
    final List<MonitoringHrDataMesg> restingHr = new ArrayList<>();
    final List<SleepLevelMesg> sleep = new ArrayList<>();
    final List<WeightScaleMesg> weight = new ArrayList<>();

    void add(Mesg mesg) {
      switch (mesg.getNum()) {
        case MesgNum.FILE_ID -> {
          if (fileType == null) {
            fileType = new FileIdMesg(mesg).getType();
            if (fileType == File.ACTIVITY) {
              throw new ActivityFile();
            }
          }
        }
        case MesgNum.MONITORING_INFO -> {
          MonitoringInfoMesg info = new MonitoringInfoMesg(mesg);
          if (offset == null && info.getTimestamp() != null && info.getLocalTimestamp() != null) {
            long seconds = info.getLocalTimestamp() - info.getTimestamp().getTimestamp();
            if (Math.abs(seconds) <= 14 * 3600) {
              offset = ZoneOffset.ofTotalSeconds((int) seconds);
            }
          }
        }
        case MesgNum.HRV_STATUS_SUMMARY -> hrv.add(new HrvStatusSummaryMesg(mesg));
        case MesgNum.MONITORING_HR_DATA -> restingHr.add(new MonitoringHrDataMesg(mesg));
        case MesgNum.SLEEP_LEVEL -> sleep.add(new SleepLevelMesg(mesg));
        case MesgNum.WEIGHT_SCALE -> weight.add(new WeightScaleMesg(mesg));
        default -> {
        }
      }
    }
  }
}
