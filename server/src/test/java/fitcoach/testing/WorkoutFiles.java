package fitcoach.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Device files and Strava export zips of one workout, generated for tests: a steady effort at a given heart rate. */
public final class WorkoutFiles {
  private WorkoutFiles() {
  }

  /** A GPX track sampled every 5 s; {@code type} as GPX devices write it ("running", "cycling"). */
  public static byte[] gpx(Instant start, int seconds, int hr, String type) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
        + "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"><trk><type>" + type + "</type><trkseg>");
    for (int s = 0; s <= seconds; s += 5) {
      sb.append("<trkpt lat=\"").append(46.0 + s * 0.00003).append("\" lon=\"14.5\"><ele>300</ele><time>").append(start.plusSeconds(s))
          .append("</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>").append(hr)
          .append("</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>");
    }
    return sb.append("</trkseg></trk></gpx>").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The same workout as a TCX activity ("Running", "Biking"), with fewer fields than the GPX has samples. */
  public static byte[] tcx(Instant start, int seconds, int hr, String sport) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase "
        + "xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities><Activity Sport=\"" + sport + "\">"
        + "<Id>" + start + "</Id><Lap StartTime=\"" + start + "\"><TotalTimeSeconds>" + seconds + "</TotalTimeSeconds>"
        + "<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod><Track>");
    for (int s = 0; s <= seconds; s += 10) {
      sb.append("<Trackpoint><Time>").append(start.plusSeconds(s)).append("</Time><HeartRateBpm><Value>").append(hr)
          .append("</Value></HeartRateBpm></Trackpoint>");
    }
    return sb.append("</Track></Lap></Activity></Activities></TrainingCenterDatabase>").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A Strava bulk export holding one activity: its activities.csv row and its file. */
  public static byte[] stravaExport(long stravaId, String name, String sportType, Instant start, int seconds, byte[] gpx) {
    String csv = "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename\n"
        + stravaId + ",\"" + java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", java.util.Locale.ENGLISH)
            .format(start.atZone(java.time.ZoneOffset.UTC)) + "\"," + name + "," + sportType + ",," + seconds + ",0,activities/"
        + stravaId + ".gpx\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("activities.csv"));
      zip.write(csv.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("activities/" + stravaId + ".gpx"));
      zip.write(gpx);
      zip.closeEntry();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }
}
