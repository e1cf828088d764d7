package fitcoach.activities;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sport types (Strava's names, which device files and exports map onto) and the families that load estimates,
 * analytics and filters group them by: a gravel ride and a trainer ride are both rides.
 */
public final class Sports {
  /** Swim, bike and run legs in one activity (in any order), usually with transitions between them. */
  public static final String TRIATHLON = "Triathlon";
  /** Run, bike, run legs in one activity. */
  public static final String DUATHLON = "Duathlon";
  /** Any other activity made of legs of different sports (a brick, a swimrun). */
  public static final String MULTISPORT = "Multisport";
  /** The family of the three types above; their load is that of their legs. */
  public static final String MULTISPORT_FAMILY = "multisport";
  /**
   * The changeover between two legs of a multisport activity (FIT sport "transition"). It is a leg, never an
   * activity of its own, so it is not among {@link #types()} (a manual entry cannot be a transition).
   */
  public static final String TRANSITION = "Transition";
  /** The engine counts legs of this family as transitions (by heart rate only). */
  public static final String TRANSITION_FAMILY = fitcoach.load.ActivityLoad.TRANSITION_FAMILY;

  private static final Map<String, String> FAMILY = Map.ofEntries(
      Map.entry("Run", "run"), Map.entry("TrailRun", "run"), Map.entry("VirtualRun", "run"),
      Map.entry("Ride", "ride"), Map.entry("VirtualRide", "ride"), Map.entry("GravelRide", "ride"),
      Map.entry("MountainBikeRide", "ride"), Map.entry("EBikeRide", "ride"), Map.entry("EMountainBikeRide", "ride"),
      Map.entry("Velomobile", "ride"), Map.entry("Handcycle", "ride"),
      Map.entry("Swim", "swim"),
      Map.entry("Walk", "walk"), Map.entry("Hike", "walk"),
      Map.entry("Rowing", "row"), Map.entry("VirtualRow", "row"), Map.entry("Canoeing", "row"), Map.entry("Kayaking", "row"),
      Map.entry("StandUpPaddling", "row"),
      Map.entry("NordicSki", "ski"), Map.entry("BackcountrySki", "ski"), Map.entry("AlpineSki", "ski"), Map.entry("RollerSki", "ski"),
      Map.entry("WeightTraining", "strength"), Map.entry("Crossfit", "strength"), Map.entry("HighIntensityIntervalTraining", "strength"),
      Map.entry("Workout", "other"), Map.entry("Yoga", "other"), Map.entry("Pilates", "other"), Map.entry("Elliptical", "other"),
      Map.entry("StairStepper", "other"), Map.entry("RockClimbing", "other"), Map.entry("IceSkate", "other"),
      Map.entry("InlineSkate", "other"), Map.entry("Soccer", "other"), Map.entry("Tennis", "other"), Map.entry("Golf", "other"),
      Map.entry(TRIATHLON, MULTISPORT_FAMILY), Map.entry(DUATHLON, MULTISPORT_FAMILY), Map.entry(MULTISPORT, MULTISPORT_FAMILY));

  private Sports() {
  }

  public static Set<String> types() {
    return FAMILY.keySet();
  }

  /** The family of a sport type; unknown types count as "other" rather than being rejected. */
  public static String family(String sportType) {
    if (TRANSITION.equals(sportType)) {
      return TRANSITION_FAMILY;
    }
    return sportType == null ? "other" : FAMILY.getOrDefault(sportType, "other");
  }

  /** The canonical spelling of a known sport type, matched case-insensitively, or null. */
  public static String canonical(String sportType) {
    if (sportType == null) {
      return null;
    }
    String wanted = sportType.trim().toLowerCase(Locale.ROOT);
    return FAMILY.keySet().stream().filter(t -> t.toLowerCase(Locale.ROOT).equals(wanted)).findFirst().orElse(null);
  }

  public static boolean isFamily(String value) {
    return FAMILY.containsValue(value);
  }
}
