package fitcoach.imports;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.File;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
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
