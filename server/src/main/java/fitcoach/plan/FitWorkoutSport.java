package fitcoach.plan;

import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;

/**
 * The FIT sport and sub-sport a watch needs to offer a planned workout in the right activity profile, from our sport
 * type (Strava's names). Anything a workout-capable device would not list (strength, yoga, skiing...) becomes a
 * generic workout, which every device accepts.
 */
record FitWorkoutSport(Sport sport, SubSport subSport) {

  static FitWorkoutSport of(String sportType) {
    String type = sportType == null ? "" : sportType;
    switch (type) {
      case "Run": return new FitWorkoutSport(Sport.RUNNING, SubSport.GENERIC);
      case "TrailRun": return new FitWorkoutSport(Sport.RUNNING, SubSport.TRAIL);
      case "VirtualRun": return new FitWorkoutSport(Sport.RUNNING, SubSport.VIRTUAL_ACTIVITY);
      case "Ride": case "EBikeRide": case "Velomobile":
        return new FitWorkoutSport(Sport.CYCLING, SubSport.GENERIC);
      case "VirtualRide": return new FitWorkoutSport(Sport.CYCLING, SubSport.VIRTUAL_ACTIVITY);
      case "GravelRide": return new FitWorkoutSport(Sport.CYCLING, SubSport.GRAVEL_CYCLING);
      case "MountainBikeRide": return new FitWorkoutSport(Sport.CYCLING, SubSport.MOUNTAIN);
      case "EMountainBikeRide": return new FitWorkoutSport(Sport.CYCLING, SubSport.E_BIKE_MOUNTAIN);
      case "Handcycle": return new FitWorkoutSport(Sport.CYCLING, SubSport.HAND_CYCLING);
      // The plan does not know the pool length; lap swimming is what pool workouts are filed under.
      case "Swim": return new FitWorkoutSport(Sport.SWIMMING, SubSport.LAP_SWIMMING);
      case "Walk": return new FitWorkoutSport(Sport.WALKING, SubSport.GENERIC);
      case "Hike": return new FitWorkoutSport(Sport.HIKING, SubSport.GENERIC);
      case "Rowing": return new FitWorkoutSport(Sport.ROWING, SubSport.GENERIC);
      case "VirtualRow": return new FitWorkoutSport(Sport.ROWING, SubSport.INDOOR_ROWING);
      default: return new FitWorkoutSport(Sport.GENERIC, SubSport.GENERIC);
    }
  }
}
