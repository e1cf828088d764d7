package fitcoach.imports;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads GPX 1.0 and 1.1 tracks into one activity. Extension elements are matched by local name whatever their
 * prefix (gpxtpx, ns3, ...): Garmin TrackPointExtension {@code hr}, {@code cad}, {@code speed}, and {@code power}.
 * Points without a time are dropped; a file where most points lack one is refused. Segments are not joined
 * for distance. Without a {@code <type>}, the sport is guessed from the average moving speed.
 */
final class GpxParser {
  private static final Set<String> HR = Set.of("hr", "heartrate");
  private static final Set<String> CADENCE = Set.of("cad", "cadence");
  private static final Set<String> POWER = Set.of("power", "powerinw", "watts");
  /** Creators that name an export service, not the device that recorded the track. */
  private static final List<String> SERVICES =
      List.of("strava", "garmin connect", "gpsbabel", "komoot", "ridewithgps", "ride with gps", "runkeeper");

  private GpxParser() {}

  private static final class Point {
    final double lat;
    final double lon;
    final boolean segmentStart;
    Instant time;
    Double ele;
    Double hr;
    Double cad;
    Double power;
    Double speed;

    Point(double lat, double lon, boolean segmentStart) {
      this.lat = lat;
      this.lon = lon;
      this.segmentStart = segmentStart;
    }
  }

  static ParsedFile parse(byte[] bytes) throws ImportException {
    List<Point> points = new ArrayList<>();
    String type = null;
    String trackName = null;
    String creator = null;
    XMLStreamReader r = null;
    try {
      r = XmlInput.open(bytes);
      Deque<String> path = new ArrayDeque<>();
      StringBuilder text = new StringBuilder();
      Point point = null;
      boolean newSegment = true;
      while (r.hasNext()) {
        switch (r.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            String name = r.getLocalName();
            path.push(name);
            text.setLength(0);
            if (path.size() == 1) {
              creator = r.getAttributeValue(null, "creator");
            } else if (name.equals("trk") || name.equals("trkseg")) {
              newSegment = true;
            } else if (name.equals("trkpt")) {
              Double lat = XmlTimes.number(r.getAttributeValue(null, "lat"));
              Double lon = XmlTimes.number(r.getAttributeValue(null, "lon"));
              point = new Point(lat == null ? Double.NaN : lat, lon == null ? Double.NaN : lon, newSegment);
              newSegment = false;
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
          case XMLStreamConstants.END_ELEMENT -> {
            String name = path.pop();
            String parent = path.peek();
            String value = text.toString().trim();
            text.setLength(0);
            if (point != null) {
              if (name.equals("trkpt")) {
                points.add(point);
                point = null;
              } else {
                readPointField(point, name, parent, value);
              }
            } else if (name.equals("type") && "trk".equals(parent) && type == null && !value.isEmpty()) {
              type = value;
            } else if (name.equals("name") && "trk".equals(parent) && trackName == null && !value.isEmpty()) {
              trackName = value;
            }
          }
          default -> {
            // Comments, processing instructions and whitespace carry nothing we use.
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new ImportException("The GPX file is not valid XML (" + XmlInput.describe(e) + ")");
    } finally {
      XmlInput.close(r);
    }
    return new ParsedFile("gpx", List.of(toActivity(points, type, creator).withName(trackName)), List.of());
  }

  private static void readPointField(Point p, String name, String parent, String value) {
    String key = name.toLowerCase(Locale.ROOT);
    if ("trkpt".equals(parent) && key.equals("ele")) {
      p.ele = XmlTimes.number(value);
    } else if ("trkpt".equals(parent) && key.equals("time")) {
      p.time = XmlTimes.parse(value);
    } else if (HR.contains(key)) {
      p.hr = XmlTimes.number(value);
    } else if (CADENCE.contains(key)) {
      p.cad = XmlTimes.number(value);
    } else if (POWER.contains(key)) {
      p.power = XmlTimes.number(value);
    } else if (key.equals("speed")) {
      p.speed = XmlTimes.number(value);
    }
  }

  private static ParsedActivity toActivity(List<Point> all, String type, String creator) throws ImportException {
    if (all.isEmpty()) {
      throw new ImportException("GPX has no track points: it may be a planned route, not a recorded activity");
    }
    List<Point> timed = new ArrayList<>();
    for (Point p : all) {
      if (p.time != null) {
        timed.add(p);
      }
    }
    if (timed.isEmpty()) {
      throw new ImportException("GPX has no timestamps: cannot place this activity in time");
    }
    if (timed.size() * 2 < all.size()) {
      throw new ImportException(String.format(Locale.ENGLISH,
          "GPX has no timestamps for most of its points (%,d of %,d carry a time): cannot place this activity in time",
          timed.size(), all.size()));
    }
    StreamBuilder b = new StreamBuilder();
    boolean[] breaks = new boolean[timed.size()];
    boolean pendingBreak = false;
    for (Point p : all) {
      pendingBreak |= p.segmentStart;
      if (p.time == null) {
        continue;
      }
      breaks[b.size()] = pendingBreak;
      pendingBreak = false;
      b.add(p.time).position(p.lat, p.lon).altitude(p.ele).heartRate(p.hr).cadence(p.cad).power(p.power)
          .speed(p.speed);
    }
    Instant start = b.firstTime();
    Streams raw = b.build(start);
    Streams streams = raw.lat() == null ? raw : new Streams(raw.timeS(), raw.lat(), raw.lon(), raw.altitudeM(),
        raw.heartRate(), raw.powerW(), raw.speedMps(), raw.cadence(),
        ActivityMetrics.cumulativeDistance(raw.lat(), raw.lon(), breaks));

    String sport = SportTypes.fromText(type);
    if (sport == null) {
      Double distance = ActivityMetrics.distance(streams);
      int moving = ActivityMetrics.movingSeconds(streams, null);
      sport = SportTypes.guessFromSpeed(distance == null || moving == 0 ? null : distance / moving);
    }
    if (sport == null) {
      sport = SportTypes.FALLBACK;
    }
    ActivityMetrics.Computed c = ActivityMetrics.compute(streams, sport);
    return new ParsedActivity("gpx", sport, start, null, null, c.elapsedS(), c.movingS(), c.distanceM(),
        c.elevationGainM(), c.avgHr(), c.maxHr(), c.avgPowerW(), c.normalizedPowerW(), c.avgCadence(), null,
        deviceName(creator), streams);
  }

  private static String deviceName(String creator) {
    if (creator == null || creator.isBlank()) {
      return null;
    }
    String lower = creator.toLowerCase(Locale.ROOT);
    return SERVICES.stream().anyMatch(lower::contains) ? null : creator.trim();
  }
}
