package fitcoach.testing;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes one multisport FIT file (a brick: a 30-minute ride, a 2-minute transition, a 20-minute run), for the e2e
 * suite's activity screen: {@code BrickFitFileMain <out.fit> [days-ago]}. One session per leg, records at 1 Hz with
 * positions along a line, heart rate, distance and cadence as a device writes it (a run's in strides per minute of one
 * leg, 85, so the screen shows 170 steps per minute), power on the bike only. Starts at 06:00 UTC that many days back
 * (default 3).
 */
public final class BrickFitFileMain {
  private static final int RIDE_S = 30 * 60;
  private static final int T_S = 120;
  private static final int RUN_S = 20 * 60;

  private BrickFitFileMain() {
  }

  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    int daysAgo = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(daysAgo)).plus(Duration.ofHours(6));
    write(out, start);
    System.out.println(out);
  }

  static void write(Path path, Instant start) {
    FileEncoder encoder = FitFileMain.openActivity(path, start);
    int end = RIDE_S + T_S + RUN_S;
    double distance = 0;
    double[] legDistance = new double[3];
    for (int s = 0; s <= end; s++) {
      int leg = s < RIDE_S ? 0 : s < RIDE_S + T_S ? 1 : 2;
      double speed = leg == 0 ? 8.5 + Math.sin(s / 120.0) : leg == 1 ? 1.2 : 3.2 + 0.3 * Math.sin(s / 90.0);
      distance += speed;
      legDistance[leg] += speed;
      RecordMesg r = new RecordMesg();
      r.setTimestamp(FitFileMain.at(start, s));
      r.setDistance((float) distance);
      r.setSpeed((float) speed);
      r.setHeartRate((short) Math.round(leg == 0 ? 135 + 10 * Math.sin(s / 300.0) : leg == 1 ? 145 : 155 + s % 600 / 60.0));
      if (leg == 0) {
        r.setPower((int) Math.round(200 + 40 * Math.sin(s / 60.0)));
        r.setCadence((short) 88);
      } else if (leg == 2) {
        r.setCadence((short) 85);
      }
      // North along a road, then back south on the run.
      double north = leg == 2 ? legDistance[0] + legDistance[1] - legDistance[2] : legDistance[0] + legDistance[1];
      r.setPositionLat(semicircles(46.0 + north / 111_000.0));
      r.setPositionLong(semicircles(14.5 + (leg == 2 ? 0.002 : 0)));
      r.setAltitude((float) (300 + north / 200.0));
      encoder.write(r);
    }
    session(encoder, start, Sport.CYCLING, 0, RIDE_S, legDistance[0]);
    session(encoder, start, Sport.TRANSITION, RIDE_S, T_S, legDistance[1]);
    session(encoder, start, Sport.RUNNING, RIDE_S + T_S, RUN_S, legDistance[2]);
    ActivityMesg activity = new ActivityMesg();
    activity.setTimestamp(FitFileMain.at(start, end));
    activity.setNumSessions(3);
    encoder.write(activity);
    encoder.close();
  }

  private static void session(FileEncoder encoder, Instant start, Sport sport, int from, int seconds, double distance) {
    SessionMesg session = new SessionMesg();
    session.setStartTime(FitFileMain.at(start, from));
    session.setTimestamp(FitFileMain.at(start, from + seconds));
    session.setSport(sport);
    session.setTotalElapsedTime((float) seconds);
    session.setTotalTimerTime((float) seconds);
    session.setTotalDistance((float) distance);
    encoder.write(session);
  }

  private static int semicircles(double degrees) {
    return (int) Math.round(degrees * (1L << 31) / 180.0);
  }
}
