package fitcoach.imports;

import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import fitcoach.activities.Sports;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps what device files call a sport onto Strava's sport names. FIT sessions carry sport and sub_sport enums;
 * GPX {@code <type>} and the TCX Sport attribute are free text, so those are matched loosely.
 */
final class SportTypes {
  /** Multisport changeover time (FIT sport "transition"); no Strava type fits, so it keeps its own name. */
  static final String TRANSITION = Sports.TRANSITION;
  static final String FALLBACK = "Workout";

  private static final Map<String, String> BY_TEXT = Map.ofEntries(
      Map.entry("running", "Run"), Map.entry("run", "Run"), Map.entry("9", "Run"), Map.entry("streetrunning", "Run"),
      Map.entry("treadmillrunning", "Run"), Map.entry("indoorrunning", "Run"),
      Map.entry("trailrunning", "TrailRun"), Map.entry("trailrun", "TrailRun"),
      Map.entry("biking", "Ride"), Map.entry("cycling", "Ride"), Map.entry("ride", "Ride"), Map.entry("bike", "Ride"),
      Map.entry("roadbiking", "Ride"), Map.entry("roadcycling", "Ride"), Map.entry("1", "Ride"),
      Map.entry("mountainbiking", "MountainBikeRide"), Map.entry("mtb", "MountainBikeRide"),
      Map.entry("gravelcycling", "GravelRide"), Map.entry("gravelbiking", "GravelRide"), Map.entry("cyclocross", "GravelRide"),
      Map.entry("indoorcycling", "VirtualRide"), Map.entry("virtualcycling", "VirtualRide"),
      Map.entry("walking", "Walk"), Map.entry("hiking", "Hike"),
      Map.entry("swimming", "Swim"), Map.entry("openwaterswimming", "Swim"), Map.entry("lapswimming", "Swim"),
      Map.entry("rowing", "Rowing"), Map.entry("indoorrowing", "Rowing"),
      Map.entry("crosscountryskiing", "NordicSki"), Map.entry("skateskiing", "NordicSki"),
      Map.entry("strengthtraining", "WeightTraining"), Map.entry("transition", TRANSITION),
      Map.entry("other", FALLBACK), Map.entry("generic", FALLBACK));

  private SportTypes() {}

  /** A GPX type or TCX Sport attribute as a Strava name, or null when the text says nothing we recognise. */
  static String fromText(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String key = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String mapped = BY_TEXT.get(key);
    if (mapped != null) {
      return mapped;
    }
    // Strava's own names ("Ride", "VirtualRide", "Hike") as some exporters write them.
    return Sports.canonical(text.replaceAll("\\s", ""));
  }

  /**
   * A guess for a GPS track that names no sport, from its average moving speed: below 1.9 m/s (6.8 km/h) a walk,
   * below 4.7 m/s (17 km/h, a 3:33/km pace) a run, faster a ride. Null when there is no speed to judge by.
   */
  static String guessFromSpeed(Double metresPerSecond) {
    if (metresPerSecond == null || metresPerSecond.isNaN() || metresPerSecond <= 0) {
      return null;
    }
    if (metresPerSecond < 1.9) {
      return "Walk";
    }
    return metresPerSecond < 4.7 ? "Run" : "Ride";
  }

  static String fromFit(Sport sport, SubSport sub) {
    if (sport == null) {
      return FALLBACK;
    }
    SubSport s = sub == null ? SubSport.GENERIC : sub;
    switch (sport) {
      case RUNNING:
        if (s == SubSport.TRAIL) {
          return "TrailRun";
        }
        return s == SubSport.VIRTUAL_ACTIVITY ? "VirtualRun" : "Run";
      case CYCLING:
        switch (s) {
          case MOUNTAIN: case DOWNHILL: return "MountainBikeRide";
          case GRAVEL_CYCLING: case CYCLOCROSS: return "GravelRide";
          case VIRTUAL_ACTIVITY: case INDOOR_CYCLING: case SPIN: return "VirtualRide";
          case HAND_CYCLING: case INDOOR_HAND_CYCLING: return "Handcycle";
          case E_BIKE_MOUNTAIN: return "EMountainBikeRide";
          default: return "Ride";
        }
      case E_BIKING:
        return s == SubSport.E_BIKE_MOUNTAIN ? "EMountainBikeRide" : "EBikeRide";
      case SWIMMING:
        return "Swim";
      case TRANSITION:
        return TRANSITION;
      case WALKING:
        return "Walk";
      case HIKING: case MOUNTAINEERING:
        return "Hike";
      case ROWING:
        return "Rowing";
      case PADDLING:
        return "Canoeing";
      case KAYAKING:
        return "Kayaking";
      case STAND_UP_PADDLEBOARDING:
        return "StandUpPaddling";
      case CROSS_COUNTRY_SKIING:
        return "NordicSki";
      case ALPINE_SKIING:
        return s == SubSport.BACKCOUNTRY ? "BackcountrySki" : "AlpineSki";
      case INLINE_SKATING:
        return "InlineSkate";
      case ICE_SKATING:
        return "IceSkate";
      case ROCK_CLIMBING:
        return "RockClimbing";
      case SOCCER:
        return "Soccer";
      case TENNIS:
        return "Tennis";
      case GOLF:
        return "Golf";
      case HIIT:
        return "HighIntensityIntervalTraining";
      case TRAINING:
      case FITNESS_EQUIPMENT:
        return fromTrainingSubSport(s);
      default:
        return FALLBACK;
    }
  }

  /**
   * The sport of an activity made of legs (a FIT file with several sessions), from the legs' sport types in order:
   * transitions aside, swim + bike + run in any order is a triathlon, run + bike + run a duathlon, anything else
   * (a brick, a swimrun, two rides) is multisport. Families decide, so a trail-run leg is a run and a trainer ride a ride.
   */
  static String multisport(List<String> legSportTypes) {
    List<String> families = legSportTypes.stream().map(Sports::family)
        .filter(f -> !Sports.TRANSITION_FAMILY.equals(f)).toList();
    if (families.equals(List.of("run", "ride", "run"))) {
      return Sports.DUATHLON;
    }
    if (families.size() == 3 && families.containsAll(List.of("swim", "ride", "run"))) {
      return Sports.TRIATHLON;
    }
    return Sports.MULTISPORT;
  }

  private static String fromTrainingSubSport(SubSport s) {
    switch (s) {
      case STRENGTH_TRAINING: return "WeightTraining";
      case YOGA: return "Yoga";
      case PILATES: return "Pilates";
      case HIIT: case TABATA: case AMRAP: case EMOM: return "HighIntensityIntervalTraining";
      case INDOOR_ROWING: return "Rowing";
      case ELLIPTICAL: return "Elliptical";
      case STAIR_CLIMBING: return "StairStepper";
      case INDOOR_CYCLING: case SPIN: return "VirtualRide";
      case TREADMILL: case INDOOR_RUNNING: return "Run";
      case INDOOR_WALKING: return "Walk";
      default: return FALLBACK;
    }
  }
}
