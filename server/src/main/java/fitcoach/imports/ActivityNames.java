package fitcoach.imports;

import java.time.LocalDateTime;

/**
 * The name an imported activity gets when its file has none of its own, as devices and Strava name them: the part of
 * the day it started in (local time) and its sport, e.g. "Morning Run", "Lunch Ride", "Night Walk".
 * <p>
 * The parts of the day, by the local start's hour (the one place they are written down):
 * <ul>
 *   <li>Morning: 05:00–10:59</li>
 *   <li>Lunch: 11:00–13:59</li>
 *   <li>Afternoon: 14:00–17:59</li>
 *   <li>Evening: 18:00–21:59</li>
 *   <li>Night: 22:00–04:59</li>
 * </ul>
 */
final class ActivityNames {
  private ActivityNames() {
  }

  /** "Morning Run"; the sport type's words split apart ("TrailRun" → "Trail Run"). */
  static String of(String sportType, LocalDateTime localStart) {
    return partOfDay(localStart.getHour()) + " " + words(sportType == null || sportType.isBlank() ? "Workout" : sportType);
  }

  static String partOfDay(int hour) {
    if (hour >= 5 && hour < 11) {
      return "Morning";
    }
    if (hour >= 11 && hour < 14) {
      return "Lunch";
    }
    if (hour >= 14 && hour < 18) {
      return "Afternoon";
    }
    if (hour >= 18 && hour < 22) {
      return "Evening";
    }
    return "Night";
  }

  /** CamelCase sport types as words: "VirtualRide" → "Virtual Ride", "EBikeRide" → "E-Bike Ride". */
  static String words(String sportType) {
    if (sportType.startsWith("EBike") || sportType.startsWith("EMountainBike")) {
      return "E-" + words(sportType.substring(1));
    }
    return sportType.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
  }
}
