package fitcoach.imports;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.BufferedMesgBroadcaster;
import com.garmin.fit.DateTime;
import com.garmin.fit.Decode;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Mesg;
import com.garmin.fit.MesgListener;
import com.garmin.fit.MesgNum;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SportMesg;
import com.garmin.fit.plugins.HrToRecordMesgBroadcastPlugin;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Decodes FIT activity files with the Garmin FIT SDK: one activity per session message (multisport files have
 * several), each with the records between its start and the next session's. Chained FIT files are read to the end,
 * and HR-strap {@code hr} messages (swims) are merged into the records by the SDK's HrToRecord plugin. Session
 * totals win over values computed from records. A truncated or corrupt file keeps every complete message before the
 * damage, with a warning; a file without a session is summarised from its records.
 */
final class FitParser {
  private static final double DEGREES_PER_SEMICIRCLE = 180.0 / (1L << 31);
  /** FIT's epoch, 1989-12-31T00:00:00Z, in Unix seconds. */
  private static final long FIT_EPOCH_S = DateTime.OFFSET / 1000;
  private static final int MAX_UTC_OFFSET_S = 14 * 3600;

  private FitParser() {}

  /** The messages of interest, in file order. */
  private static final class Messages implements MesgListener {
    final List<FileIdMesg> fileIds = new ArrayList<>();
    final List<DeviceInfoMesg> devices = new ArrayList<>();
    final List<SessionMesg> sessions = new ArrayList<>();
    final List<LapMesg> laps = new ArrayList<>();
    final List<RecordMesg> records = new ArrayList<>();
    final List<ActivityMesg> activities = new ArrayList<>();
    final List<SportMesg> sports = new ArrayList<>();

    @Override
    public void onMesg(Mesg m) {
      switch (m.getNum()) {
        case MesgNum.FILE_ID -> fileIds.add(new FileIdMesg(m));
        case MesgNum.DEVICE_INFO -> devices.add(new DeviceInfoMesg(m));
        case MesgNum.SESSION -> sessions.add(new SessionMesg(m));
        case MesgNum.LAP -> laps.add(new LapMesg(m));
        case MesgNum.RECORD -> records.add(new RecordMesg(m));
        case MesgNum.ACTIVITY -> activities.add(new ActivityMesg(m));
        case MesgNum.SPORT -> sports.add(new SportMesg(m));
        default -> {
          // Events, HRV, zones, developer fields and the like are not imported.
        }
      }
    }
  }

  /** A FIT header: size 12 or 14, then ".FIT" at bytes 8-11. */
  static boolean hasFitHeader(byte[] b) {
    return b.length >= 12 && (b[0] == 12 || b[0] == 14) && b[8] == '.' && b[9] == 'F' && b[10] == 'I' && b[11] == 'T';
  }

  static ParsedFile parse(byte[] bytes) throws ImportException {
    Messages m = new Messages();
    String damage = decode(bytes, m, true);
    File type = m.fileIds.isEmpty() ? null : m.fileIds.get(0).getType();
    if (type != null && type != File.ACTIVITY && type != File.INVALID) {
      // Courses and workouts have records too, but nobody rode them yet.
      throw new ImportException("This FIT file is a " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ')
          + " file, not a recorded activity");
    }
    if (m.sessions.isEmpty() && m.records.isEmpty()) {
      throw new ImportException(damage != null
          ? "The FIT file is damaged or truncated before its first complete record: nothing could be imported"
          : "The FIT file holds no activity data (no sessions and no records)");
    }
    List<String> warnings = new ArrayList<>();
    if (damage != null) {
      warnings.add(damageWarning(damage, m));
    }
    List<ParsedActivity> out = new ArrayList<>();
    List<SessionMesg> sessions = new ArrayList<>(m.sessions);
    sessions.removeIf(s -> start(s) == null);
    sessions.sort(Comparator.comparing(FitParser::start));
    List<RecordMesg> records = new ArrayList<>(m.records);
    records.removeIf(r -> r.getTimestamp() == null);
    String device = deviceName(m);
    Integer utcOffset = utcOffsetSeconds(m);
    if (sessions.isEmpty()) {
      out.add(fromRecords(records, m, device, utcOffset));
    } else {
      for (int k = 0; k < sessions.size(); k++) {
        Instant from = k == 0 ? Instant.MIN : start(sessions.get(k));
        Instant to = k == sessions.size() - 1 ? Instant.MAX : start(sessions.get(k + 1));
        List<RecordMesg> slice = new ArrayList<>();
        for (RecordMesg r : records) {
          Instant t = instant(r.getTimestamp());
          if (!t.isBefore(from) && t.isBefore(to)) {
            slice.add(r);
          }
        }
        out.add(fromSession(sessions.get(k), slice, sessions.size() > 1, device, utcOffset));
      }
    }
    return new ParsedFile("fit", out, warnings);
  }

  /** Decodes into {@code m}; returns the SDK's complaint when the file is damaged, else null. */
  private static String decode(byte[] bytes, Messages m, boolean mergeHrMessages) {
    Decode decode = new Decode();
    BufferedMesgBroadcaster broadcaster = new BufferedMesgBroadcaster(decode);
    if (mergeHrMessages) {
      broadcaster.registerMesgBroadcastPlugin(new HrToRecordMesgBroadcastPlugin());
    }
    broadcaster.addListener(m);
    String damage = null;
    try {
      decode.read(new ByteArrayInputStream(bytes), broadcaster, broadcaster);
    } catch (RuntimeException e) {
      // FitRuntimeException for truncation and CRC; damaged definitions can surface as other runtime errors.
      damage = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    try {
      broadcaster.broadcast();
    } catch (RuntimeException e) {
      if (!mergeHrMessages) {
        throw e;
      }
      // The HR plugin choked on this file's hr messages: decode again and keep the records as they are.
      Messages plain = new Messages();
      String again = decode(bytes, plain, false);
      copy(plain, m);
      return again;
    }
    return damage;
  }

  private static void copy(Messages from, Messages to) {
    to.fileIds.clear();
    to.fileIds.addAll(from.fileIds);
    to.devices.clear();
    to.devices.addAll(from.devices);
    to.sessions.clear();
    to.sessions.addAll(from.sessions);
    to.laps.clear();
    to.laps.addAll(from.laps);
    to.records.clear();
    to.records.addAll(from.records);
    to.activities.clear();
    to.activities.addAll(from.activities);
    to.sports.clear();
    to.sports.addAll(from.sports);
  }

  private static String damageWarning(String damage, Messages m) {
    if (damage.contains("CRC")) {
      return String.format(Locale.ENGLISH,
          "The FIT file failed its checksum after %,d records: imported them, but some values may be wrong",
          m.records.size());
    }
    if (!m.activities.isEmpty()) {
      // The activity message closes a recording, so what broke came after it.
      return "The FIT file ends with data that could not be read: imported the complete activity before it";
    }
    return String.format(Locale.ENGLISH,
        "The FIT file is truncated after %,d records: imported what was complete", m.records.size());
  }

  private static ParsedActivity fromSession(SessionMesg s, List<RecordMesg> records, boolean multisport,
      String device, Integer utcOffset) {
    Instant start = start(s);
    String sport = SportTypes.fromFit(s.getSport(), s.getSubSport());
    Streams streams = streams(records, start);
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

  /** A file without a session message (cut off before the device wrote it): everything from the records. */
  private static ParsedActivity fromRecords(List<RecordMesg> records, Messages m, String device, Integer utcOffset) {
    Instant start = instant(records.get(0).getTimestamp());
    String sport = !m.sports.isEmpty() ? SportTypes.fromFit(m.sports.get(0).getSport(), m.sports.get(0).getSubSport())
        : !m.laps.isEmpty() ? SportTypes.fromFit(m.laps.get(0).getSport(), m.laps.get(0).getSubSport())
        : SportTypes.FALLBACK;
    Streams streams = streams(records, start);
    ActivityMetrics.Computed c = ActivityMetrics.compute(streams, sport);
    // Laps are not summed here: a file cut off before its session also lost most of its laps.
    return new ParsedActivity("fit", sport, start, local(start, utcOffset), null, c.elapsedS(), c.movingS(),
        c.distanceM(), c.elevationGainM(), c.avgHr(), c.maxHr(), c.avgPowerW(), c.normalizedPowerW(), c.avgCadence(),
        null, device, streams);
  }

  private static Streams streams(List<RecordMesg> records, Instant start) {
    StreamBuilder b = new StreamBuilder();
    for (RecordMesg r : records) {
      Double cadence = r.getCadence() == null ? null
          : r.getCadence() + (r.getFractionalCadence() == null ? 0.0 : r.getFractionalCadence());
      b.add(instant(r.getTimestamp()))
          .position(semicircles(r.getPositionLat()), semicircles(r.getPositionLong()))
          .altitude(number(r.getEnhancedAltitude() != null ? r.getEnhancedAltitude() : r.getAltitude()))
          .heartRate(number(r.getHeartRate()))
          .power(number(r.getPower()))
          .speed(number(r.getEnhancedSpeed() != null ? r.getEnhancedSpeed() : r.getSpeed()))
          .cadence(cadence)
          .distance(number(r.getDistance()));
    }
    return b.build(start);
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
    return Instant.ofEpochSecond(t.getTimestamp() + FIT_EPOCH_S);
  }

  /** The device's UTC offset, from the activity message's local_timestamp, to the nearest quarter hour. */
  private static Integer utcOffsetSeconds(Messages m) {
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

  private static String deviceName(Messages m) {
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

  private static Double semicircles(Integer value) {
    return value == null ? null : value * DEGREES_PER_SEMICIRCLE;
  }

  private static Double number(Number n) {
    return n == null ? null : n.doubleValue();
  }

  /** Zero in a session summary means "not measured" (no strap, no power meter), so it does not beat the records. */
  private static Double positive(Number n) {
    return n == null || n.doubleValue() <= 0 ? null : n.doubleValue();
  }

  private static Double or(Double preferred, Double fallback) {
    return preferred != null ? preferred : fallback;
  }
}
