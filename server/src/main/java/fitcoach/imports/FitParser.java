package fitcoach.imports;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.BufferedMesgBroadcaster;
import com.garmin.fit.DateTime;
import com.garmin.fit.Decode;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.LapMesg;
import com.garmin.fit.MesgDefinitionListener;
import com.garmin.fit.MesgListener;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.plugins.HrToRecordMesgBroadcastPlugin;
import fitcoach.activities.ActivityLap;
import fitcoach.activities.ActivityLeg;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decodes FIT activity files with the Garmin FIT SDK: one activity per file. A multisport file (a triathlon: swim,
 * T1, bike, T2, run) has a session per leg and becomes one activity with those legs, transitions included, each leg
 * summarised from its session and the records between its start and the next session's. Chained FIT files are read to the end,
 * and HR-strap {@code hr} messages (swims) are merged into the records by the SDK's HrToRecord plugin. Session
 * totals win over values computed from records. A truncated or corrupt file keeps every complete message before the
 * damage, with a warning; a file without a session is summarised from its records.
 */
final class FitParser {
  private static final int MAX_UTC_OFFSET_S = 14 * 3600;

  private FitParser() {}

  /** A FIT header: size 12 or 14, then ".FIT" at bytes 8-11. */
  static boolean hasFitHeader(byte[] b) {
    return b.length >= 12 && (b[0] == 12 || b[0] == 14) && b[8] == '.' && b[9] == 'F' && b[10] == 'I' && b[11] == 'T';
  }

  static ParsedFile parse(byte[] bytes) throws ImportException {
    Decoded decoded = decode(bytes);
    FitMessages m = decoded.messages();
    String damage = decoded.damage();
    File type = m.fileIds.isEmpty() ? null : m.fileIds.get(0).getType();
    if (type != null && type != File.ACTIVITY && type != File.INVALID) {
      // Courses and workouts have records too, but nobody rode them yet.
      throw new ImportException("This FIT file is a " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ')
          + " file, not a recorded activity");
    }
    if (m.sessions.isEmpty() && m.records == 0) {
      throw new ImportException(damage != null
          ? "The FIT file is damaged or truncated before its first complete record: nothing could be imported"
          : "The FIT file holds no activity data (no sessions and no records)");
    }
    List<String> warnings = new ArrayList<>();
    if (damage != null) {
      warnings.add(damageWarning(damage, m));
    }
    if (m.lapsDropped > 0) {
      warnings.add(String.format(Locale.ENGLISH, "The FIT file has %,d laps: kept the first %,d",
          m.laps.size() + m.lapsDropped, ActivityLap.MAX_PER_ACTIVITY));
    }
    List<ParsedActivity> out = new ArrayList<>();
    List<SessionMesg> sessions = new ArrayList<>(m.sessions);
    sessions.removeIf(s -> start(s) == null);
    sessions.sort(Comparator.comparing(FitParser::start));
    String device = deviceName(m);
    Integer utcOffset = utcOffsetSeconds(m);
    if (sessions.isEmpty()) {
      if (m.samples.isEmpty()) {
        throw new ImportException("The FIT file's records carry no times and it has no session: cannot place this activity in time");
      }
      out.add(fromRecords(m, device, utcOffset));
    } else if (sessions.size() == 1) {
      out.add(fromSession(sessions.get(0), m.samples, false, device, utcOffset));
    } else {
      out.add(fromSessions(sessions, m.samples, device, utcOffset));
    }
    List<ParsedActivity> withLaps = out.stream().map(a -> a.withLaps(laps(m, a.startUtc()))).toList();
    return new ParsedFile("fit", withLaps, warnings);
  }

  /**
   * The file's lap messages in time order, timed from the activity's start: the device's own figures (timer time as
   * moving time, distance, heart rate, power, NP, speed, ascent, what closed the lap). A lap without a start time or
   * length cannot be placed and is skipped.
   */
  private static List<ActivityLap> laps(FitMessages m, Instant activityStart) {
    List<ActivityLap> out = new ArrayList<>();
    List<LapMesg> sorted = new ArrayList<>(m.laps);
    sorted.removeIf(l -> lapStart(l) == null);
    sorted.sort(Comparator.comparing(FitParser::lapStart));
    for (LapMesg l : sorted) {
      Instant start = lapStart(l);
      Integer elapsed = l.getTotalElapsedTime() != null ? Integer.valueOf(Math.round(l.getTotalElapsedTime()))
          : l.getTimestamp() != null ? Integer.valueOf((int) (instant(l.getTimestamp()).getEpochSecond() - start.getEpochSecond()))
          : null;
      if (elapsed == null || elapsed < 0) {
        continue;
      }
      Float speed = l.getEnhancedAvgSpeed() != null ? l.getEnhancedAvgSpeed() : l.getAvgSpeed();
      out.add(new ActivityLap(out.size(), (int) (start.getEpochSecond() - activityStart.getEpochSecond()), elapsed,
          l.getTotalTimerTime() == null ? null : Math.min(elapsed, Math.round(l.getTotalTimerTime())),
          l.getTotalDistance() == null ? null : Double.valueOf(l.getTotalDistance()),
          positive(l.getAvgHeartRate()), positive(l.getMaxHeartRate()), positive(l.getAvgPower()),
          positive(l.getNormalizedPower()), speed == null ? null : Double.valueOf(speed),
          l.getTotalAscent() == null ? null : Double.valueOf(l.getTotalAscent()),
          l.getLapTrigger() == null || l.getLapTrigger() == com.garmin.fit.LapTrigger.INVALID ? null
              : l.getLapTrigger().name().toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  private static Instant lapStart(LapMesg l) {
    if (l.getStartTime() != null) {
      return instant(l.getStartTime());
    }
    if (l.getTimestamp() != null && l.getTotalElapsedTime() != null) {
      return instant(l.getTimestamp()).minusMillis(Math.round(l.getTotalElapsedTime() * 1000.0));
    }
    return null;
  }

  /** What the decoder delivered, and its complaint when the file is damaged (else null). */
  private record Decoded(FitMessages messages, String damage) {
  }

  /**
   * Decodes with a plain listener: one pass, no buffering, integrity checked once on the way (the CRC is part of the
   * read). Files with HR-strap messages, rare, are read again through the SDK's buffering broadcaster so its plugin
   * can move their heart rate into the records.
   */
  private static Decoded decode(byte[] bytes) {
    FitMessages plain = new FitMessages();
    Decode decode = new Decode();
    String damage = read(decode, bytes, plain);
    if (!plain.heartRateMessages) {
      return new Decoded(plain, damage);
    }
    FitMessages merged = new FitMessages();
    Decode again = new Decode();
    BufferedMesgBroadcaster broadcaster = new BufferedMesgBroadcaster(again);
    broadcaster.registerMesgBroadcastPlugin(new HrToRecordMesgBroadcastPlugin());
    broadcaster.addListener(merged);
    String mergedDamage = read(again, bytes, broadcaster);
    try {
      broadcaster.broadcast();
    } catch (RuntimeException e) {
      // The HR plugin choked on this file's hr messages: keep the records as they are.
      return new Decoded(plain, damage);
    }
    return new Decoded(merged, mergedDamage);
  }

  private static String read(Decode decode, byte[] bytes, MesgListener listener) {
    try {
      decode.read(new ByteArrayInputStream(bytes), listener, (MesgDefinitionListener) null);
      return null;
    } catch (RuntimeException e) {
      // FitRuntimeException for truncation and CRC; damaged definitions can surface as other runtime errors.
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  private static String damageWarning(String damage, FitMessages m) {
    if (damage.contains("CRC")) {
      return String.format(Locale.ENGLISH,
          "The FIT file failed its checksum after %,d records: imported them, but some values may be wrong",
          m.records);
    }
    if (!m.activities.isEmpty()) {
      // The activity message closes a recording, so what broke came after it.
      return "The FIT file ends with data that could not be read: imported the complete activity before it";
    }
    return String.format(Locale.ENGLISH,
        "The FIT file is truncated after %,d records: imported what was complete", m.records);
  }

  private static ParsedActivity fromSession(SessionMesg s, StreamBuilder samples, boolean multisport,
      String device, Integer utcOffset) {
    Instant start = start(s);
    String sport = SportTypes.fromFit(s.getSport(), s.getSubSport());
    Streams streams = samples.build(start);
    ActivityMetrics.Computed c = ActivityMetrics.compute(streams, sport);

    int elapsed;
    if (s.getTotalElapsedTime() != null) {
      elapsed = Math.round(s.getTotalElapsedTime());
    } else if (s.getTimestamp() != null) {
      elapsed = (int) (instant(s.getTimestamp()).getEpochSecond() - start.getEpochSecond());
    } else {
      elapsed = c.elapsedS();
    }
    int moving = streams.size() >= 2 ? c.movingS()
        : s.getTotalTimerTime() != null ? Math.round(s.getTotalTimerTime()) : elapsed;
    Double distance = s.getTotalDistance() != null ? Double.valueOf(s.getTotalDistance())
        : multisport ? sliceDistance(streams) : c.distanceM();
    Double cadence = positive(s.getAvgCadence());
    if (cadence != null && s.getAvgFractionalCadence() != null) {
      cadence += s.getAvgFractionalCadence();
    }
    return new ParsedActivity("fit", sport, start, local(start, utcOffset), null, elapsed, Math.min(moving, elapsed),
        distance,
        s.getTotalAscent() != null ? Double.valueOf(s.getTotalAscent()) : c.elevationGainM(),
        or(positive(s.getAvgHeartRate()), c.avgHr()),
        or(positive(s.getMaxHeartRate()), c.maxHr()),
        or(positive(s.getAvgPower()), c.avgPowerW()),
        or(positive(s.getNormalizedPower()), c.normalizedPowerW()),
        or(cadence, c.avgCadence()),
        s.getTotalCalories() != null ? Double.valueOf(s.getTotalCalories()) : null,
        device, streams);
  }

  /**
   * A multisport file: one activity whose legs are its sessions in order, each summarised as a one-session file would be
   * from its session and its own records. The activity's totals come from the legs:
   * <ul>
   *   <li>start: the first leg's; elapsed: to the end of the last leg; moving time, distance, elevation gain and
   *       calories: sums over the legs that know them;</li>
   *   <li>average HR and average power: means over the legs that have them, weighted by moving time (so a bike leg's
   *       power is not diluted by the swim and run that had no meter); max HR: the highest leg's;</li>
   *   <li>normalized power: only when every leg other than the transitions has it, as the moving-time-weighted fourth-power
   *       mean of the legs' NP (Coggan's definition, give or take the 30 s windows across a changeover); otherwise null,
   *       because a bike leg's NP over the whole race's time would overstate its load;</li>
   *   <li>cadence: null, since strokes, revolutions and steps per minute do not average into anything;</li>
   *   <li>streams: every record of the file, timed from the first leg's start.</li>
   * </ul>
   */
  private static ParsedActivity fromSessions(List<SessionMesg> sessions, StreamBuilder samples, String device,
      Integer utcOffset) {
    Instant start = start(sessions.get(0));
    List<ParsedActivity> parts = new ArrayList<>();
    for (int k = 0; k < sessions.size(); k++) {
      long from = k == 0 ? Long.MIN_VALUE : start(sessions.get(k)).toEpochMilli();
      long to = k == sessions.size() - 1 ? Long.MAX_VALUE : start(sessions.get(k + 1)).toEpochMilli();
      parts.add(fromSession(sessions.get(k), samples.within(from, to), true, device, utcOffset));
    }
    List<ActivityLeg> legs = parts.stream().map(p -> new ActivityLeg(p.sportType(),
        (int) (p.startUtc().getEpochSecond() - start.getEpochSecond()), p.elapsedTimeS(), p.movingTimeS(), p.distanceM(),
        p.avgHr(), p.maxHr(), p.avgPowerW(), p.normalizedPowerW())).toList();
    int elapsed = legs.stream().mapToInt(l -> l.startOffsetS() + l.elapsedTimeS()).max().orElse(0);
    int moving = legs.stream().mapToInt(ActivityLeg::movingTimeS).sum();
    boolean npEverywhere = legs.stream().allMatch(l -> l.transition() || l.normalizedPowerW() != null);
    return new ParsedActivity("fit", SportTypes.multisport(legs.stream().map(ActivityLeg::sportType).toList()), start,
        local(start, utcOffset), null, elapsed, Math.min(moving, elapsed),
        sum(parts, ParsedActivity::distanceM), sum(parts, ParsedActivity::elevationGainM),
        weightedMean(parts, ParsedActivity::avgHr, 1),
        parts.stream().map(ParsedActivity::maxHr).filter(Objects::nonNull).max(Double::compare).orElse(null),
        weightedMean(parts, ParsedActivity::avgPowerW, 1),
        npEverywhere ? weightedMean(parts, ParsedActivity::normalizedPowerW, 4) : null,
        null, sum(parts, ParsedActivity::calories), device, samples.build(start), legs);
  }

  private static Double sum(List<ParsedActivity> parts, Function<ParsedActivity, Double> value) {
    return parts.stream().map(value).filter(Objects::nonNull).reduce(Double::sum).orElse(null);
  }

  /**
   * The power mean (the {@code exponent}-th root of the weighted mean of {@code exponent}-th powers) of the parts that
   * have the value, weighted by moving time; a part with no moving time counts as one second. Null when none has it.
   */
  private static Double weightedMean(List<ParsedActivity> parts, Function<ParsedActivity, Double> value, int exponent) {
    double sum = 0;
    double weights = 0;
    for (ParsedActivity p : parts) {
      Double v = value.apply(p);
      if (v != null) {
        double w = Math.max(1, p.movingTimeS());
        sum += w * Math.pow(v, exponent);
        weights += w;
      }
    }
    return weights == 0 ? null : Math.pow(sum / weights, 1.0 / exponent);
  }

  /** A file without a session message (cut off before the device wrote it): everything from the records. */
  private static ParsedActivity fromRecords(FitMessages m, String device, Integer utcOffset) {
    Instant start = m.samples.firstTime();
    String sport = !m.sports.isEmpty() ? SportTypes.fromFit(m.sports.get(0).getSport(), m.sports.get(0).getSubSport())
        : !m.laps.isEmpty() ? SportTypes.fromFit(m.laps.get(0).getSport(), m.laps.get(0).getSubSport())
        : SportTypes.FALLBACK;
    Streams streams = m.samples.build(start);
    ActivityMetrics.Computed c = ActivityMetrics.compute(streams, sport);
    // Laps are not summed here: a file cut off before its session also lost most of its laps.
    return new ParsedActivity("fit", sport, start, local(start, utcOffset), null, c.elapsedS(), c.movingS(),
        c.distanceM(), c.elevationGainM(), c.avgHr(), c.maxHr(), c.avgPowerW(), c.normalizedPowerW(), c.avgCadence(),
        null, device, streams);
  }

  /** Distance covered within one session of a multisport file, whose record distances run on across sessions. */
  private static Double sliceDistance(Streams s) {
    double[] d = s.distanceM();
    if (d == null) {
      return ActivityMetrics.distance(s);
    }
    double first = Double.NaN;
    double last = Double.NaN;
    for (double v : d) {
      if (!Double.isNaN(v)) {
        first = Double.isNaN(first) ? v : first;
        last = v;
      }
    }
    return Double.isNaN(first) ? null : Math.max(0, last - first);
  }

  private static Instant start(SessionMesg s) {
    if (s.getStartTime() != null) {
      return instant(s.getStartTime());
    }
    if (s.getTimestamp() != null && s.getTotalElapsedTime() != null) {
      return instant(s.getTimestamp()).minusMillis(Math.round(s.getTotalElapsedTime() * 1000.0));
    }
    return null;
  }

  private static Instant instant(DateTime t) {
    return Instant.ofEpochSecond(t.getTimestamp() + FitMessages.FIT_EPOCH_S);
  }

  /** The device's UTC offset, from the activity message's local_timestamp, to the nearest quarter hour. */
  private static Integer utcOffsetSeconds(FitMessages m) {
    for (ActivityMesg a : m.activities) {
      if (a.getLocalTimestamp() != null && a.getTimestamp() != null) {
        long raw = a.getLocalTimestamp() - a.getTimestamp().getTimestamp();
        long quarterHours = Math.round(raw / 900.0);
        if (Math.abs(quarterHours * 900) <= MAX_UTC_OFFSET_S) {
          return (int) (quarterHours * 900);
        }
      }
    }
    return null;
  }

  private static LocalDateTime local(Instant start, Integer utcOffset) {
    return utcOffset == null ? null : LocalDateTime.ofInstant(start, ZoneOffset.ofTotalSeconds(utcOffset));
  }

  private static String deviceName(FitMessages m) {
    for (FileIdMesg f : m.fileIds) {
      String productName = f.getProductName();
      if (productName == null) {
        productName = m.devices.stream()
            .filter(d -> d.getDeviceIndex() != null && d.getDeviceIndex() == 0 && d.getProductName() != null)
            .map(DeviceInfoMesg::getProductName).findFirst().orElse(null);
      }
      String name = FitDevices.name(f.getManufacturer(), f.getProduct(), productName);
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  /** Zero in a session summary means "not measured" (no strap, no power meter), so it does not beat the records. */
  private static Double positive(Number n) {
    return n == null || n.doubleValue() <= 0 ? null : n.doubleValue();
  }

  private static Double or(Double preferred, Double fallback) {
    return preferred != null ? preferred : fallback;
  }
}
