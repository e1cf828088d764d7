package fitcoach.activities;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sport types (Strava's names, which device files and exports map onto) and the families that load estimates,
 * analytics and filters group them by: a gravel ride and a trainer ride are both rides.
 */
public final class Sports {
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
      Map.entry("InlineSkate", "other"), Map.entry("Soccer", "other"), Map.entry("Tennis", "other"), Map.entry("Golf", "other"));

  private Sports() {
  }

  public static Set<String> types() {
    return FAMILY.keySet();
  }

  /** The family of a sport type; unknown types count as "other" rather than being rejected. */
  public static String family(String sportType) {
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
