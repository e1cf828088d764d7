package fitcoach.testing;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Random;

/**
 * Writes one FIT ride with the Garmin SDK encoder, for the e2e suite's upload through the Import screen:
 * {@code FitFileMain <out.fit> [days-ago]}. The ride starts at 05:13 UTC that many days back (default 2): 45 minutes
 * at 1 Hz on a loop south of Ljubljana, with a warm-up, three harder blocks and a cool-down in heart rate and power,
 * so the activity screen has a route and streams that read like a real ride (the screenshots in the README show it).
 */
public final class FitFileMain {
  private static final int SECONDS = 45 * 60;
  private static final double CENTER_LAT = 46.02;
  private static final double CENTER_LON = 14.50;
  private static final double RADIUS_M = 3_600;

  private FitFileMain() {
  }

  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    int daysAgo = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(daysAgo)).plus(Duration.ofMinutes(5 * 60 + 13));
    write(out, start);
    System.out.println(out);
  }

  static void write(Path path, Instant start) {
    Random random = new Random(11);
    FileEncoder encoder = openActivity(path, start);
    double distance = 0;
    double hr = 105;
    double power = 150;
    for (int s = 0; s <= SECONDS; s++) {
      double effort = effort(s);
      // Heart rate and power follow the effort with lag and a little noise, as they do on a bike.
      power += (150 + 120 * effort - power) * 0.2 + random.nextGaussian() * 6;
      hr += (110 + 55 * effort - hr) * 0.02 + random.nextGaussian() * 0.3;
      double climb = Math.cos(distance / (2 * Math.PI * RADIUS_M) * 2 * Math.PI * 2);
      double speed = 7.2 + 2.2 * effort - 1.2 * climb + random.nextGaussian() * 0.15;
      distance += speed;
      double angle = distance / RADIUS_M;
      RecordMesg r = new RecordMesg();
      r.setTimestamp(at(start, s));
      r.setDistance((float) distance);
      r.setSpeed((float) speed);
      r.setHeartRate((short) Math.round(hr));
      r.setPower((int) Math.max(0, Math.round(power)));
      r.setCadence((short) Math.round(84 + 8 * effort + random.nextGaussian()));
      r.setPositionLat(semicircles(CENTER_LAT + RADIUS_M * 1.4 * Math.sin(angle) / 111_000.0));
      r.setPositionLong(semicircles(CENTER_LON + RADIUS_M * (1 - Math.cos(angle)) / (111_000.0 * Math.cos(Math.toRadians(CENTER_LAT)))));
      r.setAltitude((float) (300 + 40 * Math.sin(distance / (2 * Math.PI * RADIUS_M) * 2 * Math.PI * 2)));
      encoder.write(r);
    }
    SessionMesg session = new SessionMesg();
    session.setStartTime(at(start, 0));
    session.setTimestamp(at(start, SECONDS));
    session.setSport(Sport.CYCLING);
    session.setTotalElapsedTime((float) SECONDS);
    session.setTotalTimerTime((float) SECONDS);
    session.setTotalDistance((float) distance);
    encoder.write(session);
    ActivityMesg activity = new ActivityMesg();
    activity.setTimestamp(at(start, SECONDS));
    activity.setNumSessions(1);
    encoder.write(activity);
    encoder.close();
  }

  /** 0 easy … 1 hard: 10 min warm-up, three 5-minute blocks with 4 minutes easy between, then a cool-down. */
  private static double effort(int s) {
    int minute = s / 60;
    if (minute < 10) {
      return minute / 20.0;
    }
    if (minute < 37) {
      return (minute - 10) % 9 < 5 ? 1 : 0.35;
    }
    return 0.2;
  }

  private static int semicircles(double degrees) {
    return (int) Math.round(degrees * (1L << 31) / 180.0);
  }

  /** A FIT activity file as a Garmin device starts one: the encoder, with its file-id message written. */
  static FileEncoder openActivity(Path path, Instant start) {
    FileEncoder encoder = new FileEncoder(path.toFile(), Fit.ProtocolVersion.V2_0);
    FileIdMesg id = new FileIdMesg();
    id.setType(com.garmin.fit.File.ACTIVITY);
    id.setManufacturer(Manufacturer.GARMIN);
    id.setProduct(3121);
    id.setSerialNumber(123456789L);
    id.setTimeCreated(at(start, 0));
    encoder.write(id);
    return encoder;
  }

  static DateTime at(Instant start, int second) {
    return new DateTime(Date.from(start.plusSeconds(second)));
  }
}
