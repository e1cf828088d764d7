package fitcoach.testing.strava;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Makes realistic activities as Strava stores them: every SummaryActivity field (B.8) plus the detail-only ones
 * (B.9), with ids beyond 2^32, local times with the misleading trailing Z, power only on rides and HR fields only
 * when {@code has_heartrate}. Deterministic for a seed.
 */
public final class ActivityFactory {
  static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  static final DateTimeFormatter LOCAL_WITH_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
  private static final long FIRST_ID = 12_000_000_000L;

  /** Where the athlete trains: mostly at home in Berlin, sometimes travelling. */
  record Place(ZoneId zone, double lat, double lng, String country, double altitude) {
    static final Place BERLIN = new Place(ZoneId.of("Europe/Berlin"), 52.5163, 13.3777, "Germany", 34);
    static final Place LONDON = new Place(ZoneId.of("Europe/London"), 51.5079, -0.0877, "United Kingdom", 12);
    static final Place LOS_ANGELES = new Place(ZoneId.of("America/Los_Angeles"), 34.0195, -118.4912, "United States", 60);

    static Place pick(Random r) {
      double x = r.nextDouble();
      return x < 0.9 ? BERLIN : x < 0.96 ? LONDON : LOS_ANGELES;
    }
  }

  private record Sport(String sportType, String type, String label, int minMinutes, int maxMinutes, double minSpeed,
      double maxSpeed, double climbPerKm, double hrShare, int minHr, int maxHr, boolean gps) {
  }

  private static final List<Sport> SPORTS = List.of(
      new Sport("Run", "Run", "Run", 25, 100, 2.8, 3.7, 8, 0.85, 135, 165, true),
      new Sport("TrailRun", "Run", "Trail Run", 45, 150, 2.1, 3.0, 45, 0.85, 135, 160, true),
      new Sport("Ride", "Ride", "Ride", 60, 240, 7.0, 9.5, 9, 0.8, 120, 150, true),
      new Sport("MountainBikeRide", "Ride", "Mountain Bike Ride", 60, 180, 4.0, 6.0, 25, 0.8, 130, 155, true),
      new Sport("VirtualRide", "VirtualRide", "Zwift", 45, 100, 8.0, 10.5, 10, 0.9, 130, 160, false),
      new Sport("Swim", "Swim", "Swim", 30, 60, 0.75, 0.95, 0, 0.4, 120, 145, false),
      new Sport("WeightTraining", "WeightTraining", "Weight Training", 30, 70, 0, 0, 0, 0.6, 95, 125, false),
      new Sport("Walk", "Walk", "Walk", 30, 90, 1.2, 1.6, 6, 0.5, 90, 115, true));
  // Weights of Run, TrailRun, Ride, MountainBikeRide, VirtualRide, Swim, WeightTraining in a history.
  private static final int[] MIX = {30, 8, 22, 4, 13, 11, 12};

  private final long athleteId;
  private long lastId = FIRST_ID;

  public ActivityFactory(long athleteId) {
    this.athleteId = athleteId;
  }

  /** {@code count} activities spread over the last ~count/1.2 days, oldest first, ids ascending. */
  public synchronized List<JsonObject> history(int count, long seed, Instant now) {
    Random r = new Random(seed);
    lastId = FIRST_ID;
    double spanDays = Math.max(1, count / 1.2);
    record Slot(Instant start, Place place) {
    }
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Place place = Place.pick(r);
      Instant day = now.minus(Duration.ofMinutes((long) (r.nextDouble() * spanDays * 24 * 60)));
      LocalTime time = LocalTime.of(6 + r.nextInt(14), r.nextInt(60), r.nextInt(60));
      Instant start = day.atZone(place.zone()).with(time).toInstant();
      if (start.isAfter(now.minus(Duration.ofHours(6)))) {
        start = start.minus(Duration.ofDays(1));
      }
      slots.add(new Slot(start, place));
    }
    slots.sort(Comparator.comparing(Slot::start));
    List<JsonObject> out = new ArrayList<>();
    for (Slot slot : slots) {
      out.add(create(nextId(r), slot.start(), pickSport(r).sportType(), slot.place(), r));
    }
    return out;
  }

  /** One activity of the given sport type starting at {@code start} in Berlin; unknown types get generic values. */
  public synchronized JsonObject create(Instant start, String sportType) {
    Random r = new Random(lastId);
    return create(nextId(r), start, sportType, Place.BERLIN, r);
  }

  private long nextId(Random r) {
    lastId += 1 + r.nextInt(40_000_000);
    return lastId;
  }

  private static Sport pickSport(Random r) {
    int x = r.nextInt(Arrays.stream(MIX).sum());
    for (int i = 0; i < MIX.length; i++) {
      x -= MIX[i];
      if (x < 0) {
        return SPORTS.get(i);
      }
    }
    return SPORTS.get(0);
  }

  /** A known sport, else one shaped like its family (GravelRide like Ride, VirtualRun like Run), else a generic workout. */
  private static Sport sport(String sportType) {
    Sport known = SPORTS.stream().filter(s -> s.sportType().equals(sportType)).findFirst().orElse(null);
    if (known != null) {
      return known;
    }
    boolean indoor = sportType.startsWith("Virtual");
    for (String family : List.of("Ride", "Run")) {
      if (sportType.endsWith(family)) {
        Sport f = sport(family);
        return new Sport(sportType, family, sportType, f.minMinutes(), f.maxMinutes(), f.minSpeed(), f.maxSpeed(),
            indoor ? 0 : f.climbPerKm(), f.hrShare(), f.minHr(), f.maxHr(), !indoor);
      }
    }
    return new Sport(sportType, sportType, sportType, 30, 90, 0, 0, 0, 0.7, 100, 140, false);
  }

  private JsonObject create(long id, Instant start, String sportType, Place place, Random r) {
    Sport s = sport(sportType);
    boolean ride = s.type().endsWith("Ride");
    boolean run = s.type().equals("Run");
    boolean virtual = s.sportType().equals("VirtualRide");
    int moving = between(r, s.minMinutes(), s.maxMinutes()) * 60 + r.nextInt(60);
    int elapsed = moving + (s.gps() ? r.nextInt(moving / 10 + 1) : r.nextInt(120));
    double distance = s.maxSpeed() == 0 ? 0 : moving * (s.minSpeed() + r.nextDouble() * (s.maxSpeed() - s.minSpeed()));
    if (s.sportType().equals("Swim")) {
      distance = Math.round(distance / 25) * 25.0;
    }
    distance = round1(distance);
    double speed = round3(distance / moving);
    double gain = round1(distance / 1000 * s.climbPerKm() * (0.6 + 0.8 * r.nextDouble()));
    ZonedDateTime local = start.atZone(place.zone());
    boolean hr = r.nextDouble() < s.hrShare();
    String visibility = visibility(r);

    JsonObject a = new JsonObject()
        .put("resource_state", 3)
        .put("athlete", new JsonObject().put("id", athleteId).put("resource_state", 1))
        .put("name", name(s, local, r))
        .put("distance", distance)
        .put("moving_time", moving)
        .put("elapsed_time", elapsed)
        .put("total_elevation_gain", gain)
        .put("type", s.type())
        .put("sport_type", s.sportType())
        .put("workout_type", workoutType(run, ride, moving, r))
        .put("id", id)
        .put("start_date", UTC.format(start))
        .put("start_date_local", LOCAL_WITH_Z.format(local.toLocalDateTime()))
        .put("timezone", timezone(place.zone(), start))
        .put("utc_offset", (double) place.zone().getRules().getOffset(start).getTotalSeconds())
        .put("location_city", null)
        .put("location_state", null)
        .put("location_country", place.country())
        .put("achievement_count", s.gps() ? r.nextInt(6) : 0)
        .put("kudos_count", r.nextInt(16))
        .put("comment_count", r.nextInt(10) < 8 ? 0 : 1 + r.nextInt(3))
        .put("athlete_count", ride && s.gps() && r.nextInt(4) == 0 ? 2 + r.nextInt(6) : 1)
        .put("photo_count", 0)
        .put("trainer", virtual)
        .put("commute", ride && s.gps() && r.nextInt(10) == 0)
        .put("manual", false)
        .put("private", visibility.equals("only_me"))
        .put("visibility", visibility)
        .put("flagged", false)
        .put("gear_id", gearId(s))
        .put("average_speed", speed)
        .put("max_speed", round3(speed * (1.3 + 0.4 * r.nextDouble())));
    Route route = s.gps() && distance > 0 ? new Route(id, round6(place.lat() + jitter(r)), round6(place.lng() + jitter(r)), distance) : null;
    putMap(a, id, route);
    if (run || ride) {
      a.put("average_cadence", round1(run ? 78 + r.nextDouble() * 12 : 72 + r.nextDouble() * 20));
    }
    double kilojoules = ride ? putPower(a, s, moving, r) : 0;
    a.put("has_heartrate", hr);
    double avgHr = 0;
    if (hr) {
      avgHr = round1(between(r, s.minHr(), s.maxHr()) + r.nextDouble());
      a.put("average_heartrate", avgHr).put("max_heartrate", (double) Math.round(avgHr + 12 + r.nextInt(24)));
    }
    a.put("heartrate_opt_out", false).put("display_hide_heartrate_option", hr);
    if (route != null) {
      int hills = 1 + r.nextInt(6);
      double low = round1(place.altitude() + r.nextDouble() * 20);
      a.put("elev_high", round1(low + gain / hills)).put("elev_low", low);
    }
    long uploadId = id + 1_100_000_000L + r.nextInt(1_000_000);
    a.put("upload_id", uploadId).put("upload_id_str", Long.toString(uploadId))
        .put("external_id", virtual ? "zwift-activity-" + (1_600_000_000_000_000_000L + id) + ".fit" : "garmin_ping_" + (uploadId - 3_000_000_000L))
        .put("from_accepted_tag", false)
        .put("pr_count", run && s.gps() ? r.nextInt(3) : 0)
        .put("total_photo_count", 0)
        .put("has_kudoed", false)
        .put("suffer_score", hr ? (int) Math.round(moving / 60.0 * Math.pow(Math.max(0, avgHr - 90) / 50, 2) * 1.8) : null)
        .put("device_name", virtual ? "Zwift" : ride ? "Garmin Edge 1040" : "Garmin Forerunner 965");
    // Detail-only fields from here (see Activities#summary).
    a.put("description", r.nextInt(10) < 3 ? description(r) : null)
        .put("calories", calories(s, distance, moving, kilojoules, r))
        .put("perceived_exertion", r.nextInt(10) < 4 ? 2 + r.nextInt(8) : null)
        .put("prefer_perceived_exertion", false)
        .put("private_note", null)
        .put("embed_token", HexFormat.of().formatHex(longBytes(r)))
        .put("gear", gear(s))
        .put("hide_from_home", false)
        .put("segment_leaderboard_opt_out", false)
        .put("leaderboard_opt_out", false);
    return a;
  }

  private static void putMap(JsonObject a, long id, Route route) {
    JsonObject map = new JsonObject().put("id", "a" + id);
    if (route == null) {
      map.put("polyline", "").put("summary_polyline", "");
      a.put("map", map.put("resource_state", 2)).put("start_latlng", new JsonArray()).put("end_latlng", new JsonArray());
      return;
    }
    double[] first = route.points().get(0);
    double[] last = route.points().get(route.points().size() - 1);
    map.put("polyline", Polyline.encode(route.points())).put("summary_polyline", Polyline.encode(route.every(3)));
    a.put("map", map.put("resource_state", 2))
        .put("start_latlng", new JsonArray().add(first[0]).add(first[1]))
        .put("end_latlng", new JsonArray().add(last[0]).add(last[1]));
  }

  /** Power-meter rides (and every VirtualRide) carry measured power; the rest an estimate. Returns kilojoules. */
  private static double putPower(JsonObject a, Sport s, int moving, Random r) {
    boolean meter = s.sportType().equals("VirtualRide") || r.nextDouble() < (s.sportType().equals("Ride") ? 0.75 : 0.3);
    double avg = round1(meter ? 140 + r.nextDouble() * 100 : 100 + r.nextDouble() * 80);
    double kilojoules = round1(avg * moving / 1000);
    a.put("average_watts", avg);
    if (meter) {
      a.put("weighted_average_watts", (int) Math.round(avg * (1.03 + 0.12 * r.nextDouble())));
    }
    a.put("kilojoules", kilojoules).put("device_watts", meter);
    if (meter) {
      a.put("max_watts", 500 + r.nextInt(600));
    }
    return kilojoules;
  }

  private static double calories(Sport s, double distance, int moving, double kilojoules, Random r) {
    double factor = 0.95 + 0.1 * r.nextDouble();
    double kcal = kilojoules > 0 ? kilojoules * 1.05
        : s.type().equals("Run") || s.type().equals("Walk") ? distance / 1000 * 68 * (s.type().equals("Walk") ? 0.8 : 1)
        : moving / 60.0 * (s.sportType().equals("Swim") ? 9 : 6);
    return round1(kcal * factor + 0.1);
  }

  private static Object workoutType(boolean run, boolean ride, int moving, Random r) {
    int x = r.nextInt(100);
    if (run) {
      return x < 10 ? null : x < 13 ? 1 : moving > 90 * 60 ? 2 : x < 30 ? 3 : 0;
    }
    if (ride) {
      return x < 20 ? null : x < 35 ? 12 : 10;
    }
    return null;
  }

  private static String visibility(Random r) {
    int x = r.nextInt(100);
    return x < 8 ? "only_me" : x < 20 ? "followers_only" : "everyone";
  }

  private static String name(Sport s, ZonedDateTime local, Random r) {
    if (s.sportType().equals("VirtualRide")) {
      List<String> routes = List.of("Tempus Fugit in Watopia", "Volcano Circuit in Watopia", "Greater London Loop in London",
          "Group Ride: Tour de Zwift Stage 3", "Innsbruckring in Innsbruck");
      return "Zwift - " + routes.get(r.nextInt(routes.size()));
    }
    if (r.nextInt(10) == 0) {
      List<String> special = switch (s.sportType()) {
        case "Run", "TrailRun" -> List.of("Sonntagslauf 🏃", "Intervals 6×800 m", "Long run – Havel loop", "parkrun \"Hasenheide\"");
        case "Ride", "MountainBikeRide" -> List.of("Gravel über den Grunewald", "Café ride ☕", "Sweet spot 3×15'");
        default -> List.of("Technique & drills", "Leg day 💪");
      };
      return special.get(r.nextInt(special.size()));
    }
    int hour = local.getHour();
    String part = hour < 5 ? "Night" : hour < 12 ? "Morning" : hour < 14 ? "Lunch" : hour < 18 ? "Afternoon" : hour < 21 ? "Evening" : "Night";
    return part + " " + s.label();
  }

  private static String description(Random r) {
    List<String> texts = List.of("Felt strong, negative split on the way back.", "Legs heavy after yesterday.",
        "Easy spin, keeping it in zone 2.", "Windy! 🌬️\nSecond half into a headwind.");
    return texts.get(r.nextInt(texts.size()));
  }

  private static String gearId(Sport s) {
    return switch (s.sportType()) {
      case "Run", "TrailRun", "Walk" -> "g14862053";
      case "Ride", "VirtualRide" -> "b9876543";
      case "MountainBikeRide" -> "b9876544";
      default -> null;
    };
  }

  private static JsonObject gear(Sport s) {
    String id = gearId(s);
    if (id == null) {
      return null;
    }
    String name = id.startsWith("g") ? "Saucony Endorphin Speed 3" : id.equals("b9876543") ? "Canyon Ultimate CF SL" : "Canyon Spectral";
    return new JsonObject().put("id", id).put("primary", !id.equals("b9876544")).put("name", name)
        .put("resource_state", 2).put("distance", id.startsWith("g") ? 812_345.0 : 10_234_567.0);
  }

  /** "(GMT+01:00) Europe/Berlin": Strava shows the standard offset, even in summer. */
  static String timezone(ZoneId zone, Instant at) {
    ZoneOffset standard = zone.getRules().getStandardOffset(at);
    return "(GMT" + (standard.getTotalSeconds() == 0 ? "+00:00" : standard.getId()) + ") " + zone.getId();
  }

  private static int between(Random r, int min, int max) {
    return min + r.nextInt(max - min + 1);
  }

  private static double jitter(Random r) {
    return Math.round((r.nextDouble() - 0.5) * 0.04 * 1e6) / 1e6;
  }

  private static byte[] longBytes(Random r) {
    byte[] b = new byte[20];
    r.nextBytes(b);
    return b;
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
