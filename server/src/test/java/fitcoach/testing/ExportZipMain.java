package fitcoach.testing;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a Strava-export-shaped zip for the import benchmark: {@code ExportZipMain <activities> <out.zip>}, each activity a
 * FIT file from the Garmin SDK encoder with 1 Hz records (heart rate, power on rides, positions), one a day going back.
 */
public final class ExportZipMain {
  private ExportZipMain() {
  }

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    Random random = new Random(7);
    Path tmp = Files.createTempFile("fit", ".fit");
    StringBuilder csv = new StringBuilder("Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
        + "Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Perceived Exertion\n");
    try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (int i = 0; i < count; i++) {
        boolean ride = i % 2 == 0;
        int seconds = (ride ? 3600 : 2400) + random.nextInt(1800);
        Instant start = Instant.parse("2026-11-01T07:00:00Z").minusSeconds(86_400L * i);
        writeFit(tmp, start, seconds, ride, random);
        String name = "activities/" + (10_000_000 + i) + ".fit";
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(tmp, zip);
        zip.closeEntry();
        csv.append(1_000_000 + i).append(",\"Nov 1, 2026, 7:00:00 AM\",").append(ride ? "Morning ride " : "Morning run ").append(i)
            .append(',').append(ride ? "Ride" : "Run").append(",,").append(seconds).append(",0,,,false,,,").append(name).append(",5\n");
      }
      zip.putNextEntry(new ZipEntry("activities.csv"));
      zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Files.deleteIfExists(tmp);
    System.out.println(out + " " + Files.size(out) / (1024 * 1024) + " MB, " + count + " activities");
  }

  private static void writeFit(Path path, Instant start, int seconds, boolean ride, Random random) {
    FileEncoder encoder = FitFileMain.openActivity(path, start);
    double distance = 0;
    for (int s = 0; s <= seconds; s++) {
      RecordMesg r = new RecordMesg();
      r.setTimestamp(at(start, s));
      double speed = ride ? 8 + random.nextDouble() : 3 + random.nextDouble() * 0.5;
      distance += speed;
      r.setDistance((float) distance);
      r.setSpeed((float) speed);
      r.setHeartRate((short) (130 + random.nextInt(25)));
      r.setPositionLat((int) Math.round((46.0 + distance / 111_000.0) * (1L << 31) / 180.0));
      r.setPositionLong((int) Math.round(14.5 * (1L << 31) / 180.0));
      r.setAltitude((float) (300 + 20 * Math.sin(s / 300.0)));
      if (ride) {
        r.setPower(180 + random.nextInt(60));
        r.setCadence((short) 88);
      }
      encoder.write(r);
    }
    SessionMesg session = new SessionMesg();
    session.setStartTime(at(start, 0));
    session.setTimestamp(at(start, seconds));
    session.setSport(ride ? Sport.CYCLING : Sport.RUNNING);
    session.setTotalElapsedTime((float) seconds);
    session.setTotalTimerTime((float) seconds);
    session.setTotalDistance((float) distance);
    encoder.write(session);
    ActivityMesg activity = new ActivityMesg();
    activity.setTimestamp(at(start, seconds));
    activity.setNumSessions(1);
    encoder.write(activity);
    encoder.close();
  }

  private static DateTime at(Instant start, int second) {
    return FitFileMain.at(start, second);
  }
}
