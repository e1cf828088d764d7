package fitcoach.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic, reproducible training history for a runner who also rides: three build weeks and a recovery week,
 * a race every sixteen weeks after a two-week taper, runs with heart rate, rides with a power meter, some swims and
 * strength sessions without sensors (so every load method appears). Pure: same inputs, same history.
 */
public final class DemoGenerator {
  static final String NAME_PREFIX = "Demo · ";
  static final double MAX_HR = 188;
  static final double REST_HR = 50;
  static final double LTHR = 168;
  static final double FTP = 250;

  private enum Kind {
    EASY_RUN("Run", "Easy run", 0.62, 45 * 60, false),
    INTERVALS_RUN("Run", "Threshold intervals 5 × 6 min", 0.82, 60 * 60, false),
    TEMPO_RUN("Run", "Tempo run", 0.78, 50 * 60, false),
    LONG_RUN("Run", "Long run", 0.68, 100 * 60, false),
    EASY_RIDE("Ride", "Endurance ride", 0.62, 75 * 60, true),
    TRAINER_RIDE("VirtualRide", "Sweet-spot trainer session", 0.86, 60 * 60, true),
    LONG_RIDE("Ride", "Long ride", 0.66, 180 * 60, true),
    SWIM("Swim", "Pool swim", 0.70, 40 * 60, false),
    STRENGTH("WeightTraining", "Strength and mobility", 0.55, 40 * 60, false);

    final String sport;
    final String label;
    final double intensity;
    final int baseSeconds;
    final boolean power;

    Kind(String sport, String label, double intensity, int baseSeconds, boolean power) {
      this.sport = sport;
      this.label = label;
      this.intensity = intensity;
      this.baseSeconds = baseSeconds;
      this.power = power;
    }
  }

  // One week's rotation; sessions per week beyond its length wrap around (the benchmark asks for dozens).
  private static final Kind[] WEEK = {Kind.INTERVALS_RUN, Kind.EASY_RIDE, Kind.TEMPO_RUN, Kind.SWIM, Kind.LONG_RIDE,
      Kind.LONG_RUN, Kind.EASY_RUN, Kind.TRAINER_RIDE, Kind.STRENGTH};
  private static final DayOfWeek[] DAYS = {DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY,
      DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY};

  private DemoGenerator() {
  }

  /** Sessions from {@code years} before {@code today} up to yesterday. */
  public static List<DemoActivity> generate(LocalDate today, int years, int sessionsPerWeek, long seed) {
    Random random = new Random(seed);
    List<DemoActivity> out = new ArrayList<>();
    LocalDate start = today.minusYears(years).with(DayOfWeek.MONDAY);
    int weekIndex = 0;
    int n = 0;
    for (LocalDate monday = start; monday.isBefore(today); monday = monday.plusWeeks(1), weekIndex++) {
      int cycleWeek = weekIndex % 16;
      double volume = volume(cycleWeek, weekIndex);
      boolean raceWeek = cycleWeek == 15;
      int sessions = cycleWeek % 4 == 3 || raceWeek ? Math.max(2, sessionsPerWeek * 2 / 3) : sessionsPerWeek;
      for (int s = 0; s < sessions; s++) {
        Kind kind = WEEK[(s + weekIndex) % WEEK.length];
        LocalDate day = monday.with(DAYS[s % DAYS.length]);
        if (!day.isBefore(today)) {
          continue;
        }
        boolean race = raceWeek && s == 0;
        LocalTime time = LocalTime.of(6 + (s / DAYS.length) * 3 % 14 + random.nextInt(2), random.nextInt(4) * 15);
        out.add(session(kind, race, day.atTime(time), volume, random, "demo-" + (n++)));
      }
    }
    return out;
  }

  private static double volume(int cycleWeek, int weekIndex) {
    double base = 0.85 + 0.15 * Math.min(1.0, weekIndex / 52.0);
    if (cycleWeek == 13) {
      return base * 0.75;
    }
    if (cycleWeek == 14 || cycleWeek == 15) {
      return base * 0.55;
    }
    if (cycleWeek % 4 == 3) {
      return base * 0.6;
    }
    return base * (1.0 + 0.05 * (cycleWeek % 4));
  }

  private static DemoActivity session(Kind kind, boolean race, LocalDateTime start, double volume, Random r, String id) {
    double intensity = race ? 0.88 : kind.intensity + r.nextGaussian() * 0.02;
    int seconds = race ? 95 * 60 : (int) Math.max(15 * 60, kind.baseSeconds * volume * (0.9 + r.nextDouble() * 0.2));
    String sport = race ? "Run" : kind.sport;
    String name = NAME_PREFIX + (race ? "Half marathon race" : kind.label);
    Double avgHr = null;
    Double maxHr = null;
    Integer rpe = null;
    Double distance = null;
    Double elevation = null;
    Double power = null;
    Double weighted = null;
    Double kj = null;
    Boolean deviceWatts = null;
    switch (sport) {
      case "Run" -> {
        avgHr = round(REST_HR + intensity * (MAX_HR - REST_HR) + r.nextGaussian() * 2);
        maxHr = round(Math.min(MAX_HR + 2, avgHr + 8 + r.nextInt(14)));
        double speed = 2.2 + intensity * 2.4 + r.nextGaussian() * 0.1;
        distance = round(speed * seconds);
        elevation = round(distance / 1000 * (5 + r.nextInt(15)));
      }
      case "Ride", "VirtualRide" -> {
        power = round(intensity * FTP * 0.92 + r.nextGaussian() * 5);
        weighted = round(power * (1.04 + r.nextDouble() * 0.08));
        deviceWatts = true;
        kj = round(power * seconds / 1000);
        avgHr = r.nextInt(5) == 0 ? null : round(REST_HR + intensity * 0.95 * (MAX_HR - REST_HR));
        maxHr = avgHr == null ? null : round(avgHr + 15 + r.nextInt(10));
        distance = "VirtualRide".equals(sport) ? round(seconds * 9.0) : round(seconds * (7.0 + intensity * 3));
        elevation = "VirtualRide".equals(sport) ? 0.0 : round(distance / 1000 * (6 + r.nextInt(10)));
      }
      case "Swim" -> {
        distance = round(seconds * 0.75 / 25) * 25;
        rpe = r.nextInt(3) == 0 ? null : 4 + r.nextInt(3);
      }
      default -> rpe = r.nextInt(4) == 0 ? null : 3 + r.nextInt(4);
    }
    int elapsed = seconds + ("Run".equals(sport) || "Ride".equals(sport) ? r.nextInt(6 * 60) : 0);
    return new DemoActivity(id, sport, name, start, seconds, elapsed, distance, elevation, avgHr, maxHr, power, weighted,
        deviceWatts, kj, rpe, "VirtualRide".equals(sport), race ? "RACE" : kind.name(), intensity);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
