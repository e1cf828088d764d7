package fitcoach.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Garmin Training Center (TCX) files: one activity per {@code <Activity>}. Trackpoints give the streams,
 * including the ActivityExtension v2 {@code TPX} Speed, Watts and RunCadence; laps give calories, and stand in for
 * the trackpoints when a file has none. Elements are matched by local name, whatever prefix a writer chose.
 * Distance is the file's own DistanceMeters (Garmin Connect exports can be far from what the positions say).
 */
final class TcxParser {

  private TcxParser() {}

  private static final class Lap {
    Instant start;
    Double totalTimeS;
    Double distanceM;
    Double calories;
    Double avgHr;
    Double maxHr;
    Double avgWatts;
    String trigger;
  }

  private static final class Activity {
    String sport;
    Instant id;
    String creator;
    final List<Lap> laps = new ArrayList<>();
    final StreamBuilder samples = new StreamBuilder();
    Double lat;
    Double lon;
    Instant time;
    Double alt;
    Double dist;
    Double hr;
    Double cad;
    Double watts;
    Double speed;

    void resetPoint() {
      lat = lon = alt = dist = hr = cad = watts = speed = null;
      time = null;
    }
  }

  static ParsedFile parse(byte[] bytes) throws ImportException {
    List<ParsedActivity> activities = new ArrayList<>();
    boolean sawCourse = false;
    XMLStreamReader r = null;
    try {
      r = XmlInput.open(bytes);
      List<String> path = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      Activity activity = null;
      Lap lap = null;
      while (r.hasNext()) {
        switch (r.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            String name = r.getLocalName();
            path.add(name);
            text.setLength(0);
            switch (name) {
              case "Activity" -> {
                activity = new Activity();
                activity.sport = r.getAttributeValue(null, "Sport");
              }
              case "Lap" -> {
                if (activity != null) {
                  lap = new Lap();
                  lap.start = XmlTimes.parse(r.getAttributeValue(null, "StartTime"));
                  activity.laps.add(lap);
                }
              }
              case "Trackpoint" -> {
                if (activity != null) {
                  activity.resetPoint();
                }
              }
              case "Course" -> sawCourse = true;
              default -> {
                // Other elements are read when they close.
              }
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
          case XMLStreamConstants.END_ELEMENT -> {
            String name = path.remove(path.size() - 1);
            String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
            String grandparent = path.size() < 2 ? "" : path.get(path.size() - 2);
            String value = text.toString().trim();
            text.setLength(0);
            if (activity == null) {
              continue;
            }
            if (name.equals("Activity")) {
              activities.add(toActivity(activity));
              activity = null;
              lap = null;
            } else if (name.equals("Trackpoint")) {
              addTrackpoint(activity);
            } else if (path.contains("Trackpoint")) {
              readTrackpointField(activity, name, parent, value);
            } else if (lap != null && path.contains("Lap")) {
              readLapField(lap, name, parent, grandparent, value);
            } else if (name.equals("Id") && parent.equals("Activity")) {
              activity.id = XmlTimes.parse(value);
            } else if (name.equals("Name") && parent.equals("Creator") && !value.isEmpty()) {
              // Garmin writes "Forerunner 410 Software Version 2.20"; the version is not part of the device's name.
              activity.creator = value.replaceFirst("(?i)\\s+software version.*$", "");
            }
          }
          default -> {
            // Comments, processing instructions and whitespace carry nothing we use.
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new ImportException("The TCX file is not valid XML (" + XmlInput.describe(e) + ")");
    } finally {
      XmlInput.close(r);
    }
    if (activities.isEmpty()) {
      throw new ImportException(sawCourse
          ? "This TCX file holds a course (a planned route), not a recorded activity"
          : "The TCX file holds no activity");
    }
    return new ParsedFile("tcx", activities, List.of());
  }

  private static void readTrackpointField(Activity a, String name, String parent, String value) {
    switch (name) {
      case "Time" -> a.time = XmlTimes.parse(value);
      case "LatitudeDegrees" -> a.lat = XmlTimes.number(value);
      case "LongitudeDegrees" -> a.lon = XmlTimes.number(value);
      case "AltitudeMeters" -> a.alt = XmlTimes.number(value);
      case "DistanceMeters" -> a.dist = XmlTimes.number(value);
      case "Value" -> {
        if (parent.equals("HeartRateBpm")) {
          a.hr = XmlTimes.number(value);
        }
      }
      case "Cadence", "RunCadence" -> a.cad = XmlTimes.number(value);
      case "Watts" -> a.watts = XmlTimes.number(value);
      case "Speed" -> a.speed = XmlTimes.number(value);
      default -> {
        // SensorState and unknown extensions are not needed.
      }
    }
  }

  private static void readLapField(Lap lap, String name, String parent, String grandparent, String value) {
    switch (name) {
      case "TotalTimeSeconds" -> lap.totalTimeS = XmlTimes.number(value);
      case "DistanceMeters" -> lap.distanceM = parent.equals("Lap") ? XmlTimes.number(value) : lap.distanceM;
      case "Calories" -> lap.calories = XmlTimes.number(value);
      case "AvgWatts" -> lap.avgWatts = XmlTimes.number(value);
      case "Value" -> {
        if (parent.equals("AverageHeartRateBpm") && grandparent.equals("Lap")) {
          lap.avgHr = XmlTimes.number(value);
        } else if (parent.equals("MaximumHeartRateBpm") && grandparent.equals("Lap")) {
          lap.maxHr = XmlTimes.number(value);
        }
      }
      case "TriggerMethod" -> lap.trigger = parent.equals("Lap") ? trigger(value) : lap.trigger;
      default -> {
        // Intensity, MaximumSpeed and the like are not needed.
      }
    }
  }

  private static void addTrackpoint(Activity a) {
    if (a.time == null) {
      return;
    }
    a.samples.add(a.time).position(a.lat, a.lon).altitude(a.alt).distance(a.dist).heartRate(a.hr).cadence(a.cad)
        .power(a.watts).speed(a.speed);
  }

  private static ParsedActivity toActivity(Activity a) throws ImportException {
    Instant lapStart = a.laps.stream().map(l -> l.start).filter(t -> t != null).min(Instant::compareTo).orElse(null);
    Instant start = lapStart != null ? lapStart : a.id != null ? a.id : a.samples.isEmpty() ? null : a.samples.firstTime();
    if (start == null) {
      throw new ImportException("TCX has no timestamps: cannot place this activity in time");
    }
    String sport = SportTypes.fromText(a.sport);
    if (sport == null) {
      sport = SportTypes.FALLBACK;
    }
    Streams streams = a.samples.build(start);
    ActivityMetrics.Computed c = ActivityMetrics.compute(streams, sport);
    double lapTime = sum(a.laps, l -> l.totalTimeS);
    boolean useLaps = streams.size() < 2;

    int elapsed = useLaps ? (int) Math.round(lapTime) : streams.timeS()[streams.size() - 1];
    int moving = useLaps ? (int) Math.round(lapTime) : c.movingS();
    Double distance = ActivityMetrics.max(streams.distanceM());
    if (distance == null && sum(a.laps, l -> l.distanceM) > 0) {
      distance = sum(a.laps, l -> l.distanceM);
    }
    if (distance == null) {
      distance = c.distanceM();
    }
    boolean anyCalories = a.laps.stream().anyMatch(l -> l.calories != null);
    return new ParsedActivity("tcx", sport, start, null, null, elapsed, moving, distance, c.elevationGainM(),
        c.avgHr() != null ? c.avgHr() : lapWeighted(a.laps, l -> l.avgHr),
        c.maxHr() != null ? c.maxHr() : lapMax(a.laps),
        c.avgPowerW() != null ? c.avgPowerW() : lapWeighted(a.laps, l -> l.avgWatts),
        c.normalizedPowerW(), c.avgCadence(), anyCalories ? sum(a.laps, l -> l.calories) : null, a.creator,
        streams).withLaps(laps(a.laps, start, streams));
  }

  /**
   * The laps in time order, timed from the activity's start. A lap runs to the next lap's start (the last one to the
   * last trackpoint, or its TotalTimeSeconds when longer). TotalTimeSeconds is the device's timer time, so it is the
   * lap's moving time only when there are no trackpoints to apply the moving rule to; NP and the like come from them.
   */
  private static List<fitcoach.activities.ActivityLap> laps(List<Lap> laps, Instant start, Streams streams) {
    List<Lap> placed = new ArrayList<>(laps.stream().filter(l -> l.start != null).toList());
    placed.sort(java.util.Comparator.comparing(l -> l.start));
    int end = streams.size() == 0 ? 0 : streams.timeS()[streams.size() - 1];
    boolean samples = streams.size() >= 2;
    List<fitcoach.activities.ActivityLap> out = new ArrayList<>();
    for (int i = 0; i < placed.size() && i < fitcoach.activities.ActivityLap.MAX_PER_ACTIVITY; i++) {
      Lap l = placed.get(i);
      int from = (int) (l.start.getEpochSecond() - start.getEpochSecond());
      int timer = l.totalTimeS == null ? 0 : (int) Math.round(l.totalTimeS);
      int elapsed = i + 1 < placed.size() ? (int) (placed.get(i + 1).start.getEpochSecond() - l.start.getEpochSecond())
          : Math.max(timer, end - from);
      out.add(new fitcoach.activities.ActivityLap(out.size(), from, Math.max(0, elapsed),
          samples || l.totalTimeS == null ? null : timer, l.distanceM, positive(l.avgHr), positive(l.maxHr),
          positive(l.avgWatts), null, null, null, l.trigger));
    }
    return out;
  }

  private static Double positive(Double v) {
    return v == null || v <= 0 ? null : v;
  }

  /** TCX's TriggerMethod in FIT's words (Location is FIT's position). */
  private static String trigger(String value) {
    return switch (value) {
      case "Manual" -> "manual";
      case "Distance" -> "distance";
      case "Location" -> "position";
      case "Time" -> "time";
      case "HeartRate" -> "heart_rate";
      default -> null;
    };
  }

  private static double sum(List<Lap> laps, java.util.function.Function<Lap, Double> field) {
    return laps.stream().map(field).filter(v -> v != null).mapToDouble(Double::doubleValue).sum();
  }

  /** A lap value averaged over the laps that have it, weighted by lap time. */
  private static Double lapWeighted(List<Lap> laps, java.util.function.Function<Lap, Double> field) {
    double weighted = 0;
    double seconds = 0;
    for (Lap lap : laps) {
      Double v = field.apply(lap);
      if (v != null && v > 0 && lap.totalTimeS != null && lap.totalTimeS > 0) {
        weighted += v * lap.totalTimeS;
        seconds += lap.totalTimeS;
      }
    }
    return seconds == 0 ? null : weighted / seconds;
  }

  private static Double lapMax(List<Lap> laps) {
    return laps.stream().map(l -> l.maxHr).filter(v -> v != null && v > 0).max(Double::compare).orElse(null);
  }
}
