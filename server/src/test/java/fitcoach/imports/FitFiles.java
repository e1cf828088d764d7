package fitcoach.imports;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.File;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.Mesg;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/** Builds FIT activity files with the Garmin SDK's own encoder, so FIT tests run without the shared sample files. */
final class FitFiles {
  static final Instant START = Instant.parse("2024-03-10T07:00:00Z");
  /** Garmin Edge 530 in the SDK's product list. */
  static final int EDGE_530 = 3121;

  private final List<RecordMesg> records = new ArrayList<>();
  private final List<SessionMesg> sessions = new ArrayList<>();
  private final List<LapMesg> laps = new ArrayList<>();
  private final List<Mesg> others = new ArrayList<>();
  private Integer utcOffsetS;
  private File fileType = File.ACTIVITY;

  static FitFiles activity() {
    return new FitFiles();
  }

  /** A record {@code second} seconds after {@link #START}, filled in by {@code fill}. */
  FitFiles record(int second, Consumer<RecordMesg> fill) {
    RecordMesg r = new RecordMesg();
    r.setTimestamp(at(second));
    fill.accept(r);
    records.add(r);
    return this;
  }

  /** A session starting {@code startSecond} after {@link #START}; nulls leave the field out of the file. */
  FitFiles session(Sport sport, int startSecond, Integer elapsedS, Integer timerS, Double distanceM) {
    SessionMesg s = new SessionMesg();
    s.setStartTime(at(startSecond));
    s.setTimestamp(at(startSecond + (elapsedS == null ? 0 : elapsedS)));
    s.setSport(sport);
    if (elapsedS != null) {
      s.setTotalElapsedTime((float) (int) elapsedS);
    }
    if (timerS != null) {
      s.setTotalTimerTime((float) (int) timerS);
    }
    if (distanceM != null) {
      s.setTotalDistance(distanceM.floatValue());
    }
    sessions.add(s);
    return this;
  }

  /**
   * A lap message starting {@code startSecond} after {@link #START}, {@code elapsedS} long; {@code fill} sets the rest
   * (timer time, distance, HR, power, trigger...). Written after the records, before the sessions, as devices do.
   */
  FitFiles lap(int startSecond, int elapsedS, Consumer<LapMesg> fill) {
    LapMesg l = new LapMesg();
    l.setStartTime(at(startSecond));
    l.setTimestamp(at(startSecond + elapsedS));
    l.setTotalElapsedTime((float) elapsedS);
    fill.accept(l);
    laps.add(l);
    return this;
  }

  /**
   * A sprint-ish triathlon recorded at 1 Hz from {@link #START}: swim 0-1800 s (HR 140), T1 1800-1920 (HR 150), bike
   * 1920-5520 (HR 150, 200 W, altitude 100 m then 150 m), T2 5520-5580 (HR 160), run 5580-7380 (HR 160, altitude 150 m
   * then 170 m); one session per leg with its elapsed time and distance (1500, 200, 36000, 100, 5400 m), records at
   * every second from 0 to 7380, and the device an hour ahead of UTC.
   */
  static FitFiles triathlon() {
    FitFiles fit = activity().utcOffsetSeconds(3600)
        .session(Sport.SWIMMING, 0, 1800, 1800, 1500.0)
        .session(Sport.TRANSITION, 1800, 120, 120, 200.0)
        .session(Sport.CYCLING, 1920, 3600, 3600, 36000.0)
        .session(Sport.TRANSITION, 5520, 60, 60, 100.0)
        .session(Sport.RUNNING, 5580, 1800, 1800, 5400.0);
    for (int t = 0; t <= 7380; t++) {
      int second = t;
      fit.record(t, r -> {
        if (second < 1800) {
          r.setHeartRate((short) 140);
          r.setSpeed(0.83f);
        } else if (second < 1920) {
          r.setHeartRate((short) 150);
          r.setSpeed(1.67f);
        } else if (second < 5520) {
          r.setHeartRate((short) 150);
          r.setPower(200);
          r.setSpeed(10f);
          r.setAltitude(second < 3720 ? 100f : 150f);
        } else if (second < 5580) {
          r.setHeartRate((short) 160);
          r.setSpeed(1.67f);
        } else {
          r.setHeartRate((short) 160);
          r.setSpeed(3f);
          r.setAltitude(second < 6480 ? 150f : 170f);
        }
      });
    }
    return fit;
  }

  /** Any other message (e.g. HR-strap hr messages), written after the records and sessions. */
  FitFiles message(Mesg m) {
    others.add(m);
    return this;
  }

  FitFiles fileType(File type) {
    this.fileType = type;
    return this;
  }

  FitFiles utcOffsetSeconds(int offset) {
    this.utcOffsetS = offset;
    return this;
  }

  /** Encodes the file with the SDK's FileEncoder and returns its bytes. */
  byte[] write(Path file) {
    FileEncoder encoder = new FileEncoder(file.toFile(), Fit.ProtocolVersion.V2_0);
    FileIdMesg id = new FileIdMesg();
    id.setType(fileType);
    id.setManufacturer(Manufacturer.GARMIN);
    id.setProduct(EDGE_530);
    id.setSerialNumber(123456789L);
    id.setTimeCreated(at(0));
    encoder.write(id);
    List<Mesg> body = new ArrayList<>(records);
    body.addAll(laps);
    body.addAll(sessions);
    body.addAll(others);
    encoder.write(body);
    int last = records.isEmpty() ? 0 : (int) (records.get(records.size() - 1).getTimestamp().getTimestamp()
        - at(0).getTimestamp());
    ActivityMesg activity = new ActivityMesg();
    activity.setTimestamp(at(last));
    activity.setNumSessions(sessions.size());
    if (utcOffsetS != null) {
      activity.setLocalTimestamp(at(last).getTimestamp() + utcOffsetS);
    }
    encoder.write(activity);
    encoder.close();
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DateTime at(int second) {
    return new DateTime(Date.from(START.plusSeconds(second)));
  }

  /** Degrees to FIT semicircles. */
  static int semicircles(double degrees) {
    return (int) Math.round(degrees * (1L << 31) / 180.0);
  }
}
