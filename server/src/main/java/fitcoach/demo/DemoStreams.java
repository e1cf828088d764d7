package fitcoach.demo;

import fitcoach.activities.ActivityLap;
import fitcoach.imports.Streams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * 1 Hz streams for a demo ride or run, as a device would record them: power (rides), heart rate, speed and distance,
 * second by second from the session's plan (no cadence: no analysis uses it; outdoor sessions get positions from
 * {@link DemoCourses}, added by DemoService). Steady sessions wander around their intensity with hills,
 * coasting and the odd sprint; interval sessions (sweet spot, VO2max, 2 × 20 min, threshold runs, tempo) have their
 * efforts, so duration curves, best efforts and a critical-power fit have something to find. The athlete behind it
 * has a critical power near {@value #CP_W} W with W′ near {@value #W_PRIME_J} J: the hardest efforts of 3 to 20 min sit
 * close to CP + W′/t, as a real athlete's would. Interval sessions and races have laps at each effort (a race: every
 * 5 km). Pure and deterministic: the same session gives the same streams, seeded by its id.
 */
final class DemoStreams {
  static final double CP_W = 262;
  static final double W_PRIME_J = 18_000;
  /** Threshold running speed (about 3:53 /km): runs' heart rate is set against it. */
  static final double THRESHOLD_SPEED_MPS = 4.3;
  private static final double HALF_MARATHON_M = 21_097.5;

  /** The streams, and the laps (start and length only: the figures come from the streams). */
  record Recorded(Streams streams, List<ActivityLap> laps) {
  }

  /** One planned piece of a session: how long, how hard (watts for rides, m/s for runs), and whether it is a lap. */
  private record Segment(int seconds, double target, boolean effort) {
  }

  private DemoStreams() {
  }

  /** Whether a session of this sport gets streams. */
  static boolean recorded(DemoActivity a) {
    return switch (a.sportType()) {
      case "Run", "Ride", "VirtualRide" -> true;
      default -> false;
    };
  }

  static Recorded of(DemoActivity a) {
    Random r = new Random(a.externalId().hashCode() * 0x9E3779B97F4A7C15L);
    int moving = a.movingTimeS();
    boolean ride = !"Run".equals(a.sportType());
    List<Segment> plan = ride ? ridePlan(a, r, moving) : runPlan(a, r, moving);
    // No stops: a stop is zeros on the analysis grid but left out of the import's averages, and the demo's stored NP
    // should be the NP every screen computes from its streams.
    int pause = 0;
    int pauseAt = Integer.MAX_VALUE;

    int[] time = new int[moving];
    double[] power = ride ? new double[moving] : null;
    boolean withHr = a.avgHr() != null;
    double[] hr = withHr ? new double[moving] : null;
    double[] speed = new double[moving];
    double[] distance = new double[moving];
    boolean outdoors = "Ride".equals(a.sportType());

    double wander = 0;
    double v = 0;
    double heart = DemoGenerator.REST_HR + 25;
    double load = 0; // smoothed effort, what heart rate follows
    double total = 0;
    int coast = 0;
    int sprint = 0;
    int segment = 0;
    int segmentEnd = plan.get(0).seconds();
    List<ActivityLap> laps = new ArrayList<>();
    boolean lapped = plan.stream().anyMatch(Segment::effort);
    if (lapped) {
      laps.add(lap(0, 0, "manual"));
    }
    double nextAutoLap = 5000;
    for (int i = 0; i < moving; i++) {
      while (i >= segmentEnd && segment < plan.size() - 1) {
        segment++;
        segmentEnd += plan.get(segment).seconds();
        if (lapped) {
          laps.add(lap(laps.size(), i + (i >= pauseAt ? pause : 0), "manual"));
        }
      }
      Segment s = plan.get(segment);
      time[i] = i + (i >= pauseAt ? pause : 0);
      wander = 0.95 * wander + r.nextGaussian() * (s.effort() ? 0.01 : 0.025);
      double vTarget;
      if (ride) {
        double p = s.target() * (1 + wander + r.nextGaussian() * 0.04);
        if (!s.effort() && outdoors && coast == 0 && sprint == 0 && r.nextInt(300) == 0) {
          coast = 5 + r.nextInt(20);
        }
        if (!s.effort() && coast == 0 && sprint == 0 && r.nextInt(2400) == 0) {
          sprint = 8 + r.nextInt(6);
        }
        if (coast > 0) {
          coast--;
          p = 0;
        } else if (sprint > 0) {
          sprint--;
          p = 700 + 250 * r.nextDouble();
        }
        power[i] = Math.max(0, Math.round(p));
        vTarget = Math.cbrt(power[i] / 0.32) + (power[i] == 0 ? 0 : 1.5);
        v += (Math.max(vTarget, power[i] == 0 ? 4 : 0) - v) * (power[i] == 0 ? 0.02 : 0.08);
        load += (power[i] / DemoGenerator.FTP - load) / 30;
      } else {
        vTarget = s.target() * (1 + wander);
        v += (vTarget - v) * 0.15;
        load += (v / THRESHOLD_SPEED_MPS - load) / 20;
      }
      speed[i] = Math.round(Math.max(0, v) * 1000) / 1000.0;
      total += speed[i];
      distance[i] = Math.round(total * 10) / 10.0;
      if (withHr) {
        // Heart rate follows the effort with a lag, and drifts up over a long session (cardiac drift).
        double target = DemoGenerator.REST_HR + (DemoGenerator.LTHR - DemoGenerator.REST_HR)
            * (0.35 + 0.65 * Math.min(1.3, Math.max(0, load))) * (1 + 0.03 * i / 3600.0);
        heart += (Math.min(DemoGenerator.MAX_HR, target) - heart) / (target > heart ? 25 : 40);
        hr[i] = Math.round(heart + r.nextGaussian() * 0.7);
      }
      if (!ride && "RACE".equals(a.workout()) && total >= nextAutoLap && i < moving - 1) {
        // The watch's auto lap: every 5 km.
        laps.add(lap(laps.size(), time[i] + 1, "distance"));
        nextAutoLap += 5000;
      }
    }
    if (!lapped && laps.size() > 0) {
      laps.add(0, lap(0, 0, "distance"));
    }
    int end = time[moving - 1] + 1;
    List<ActivityLap> timed = new ArrayList<>();
    for (int k = 0; k < laps.size(); k++) {
      int start = laps.get(k).startS();
      int until = k + 1 < laps.size() ? laps.get(k + 1).startS() : end;
      timed.add(new ActivityLap(k, start, Math.max(0, until - start), null, null, null, null, null, null, null, null,
          laps.get(k).trigger()));
    }
    return new Recorded(new Streams(time, null, null, null, hr, power, speed, null, distance),
        timed.size() < 2 ? List.of() : timed);
  }

  private static ActivityLap lap(int index, int start, String trigger) {
    return new ActivityLap(index, start, 0, null, null, null, null, null, null, null, null, trigger);
  }

  private static List<Segment> ridePlan(DemoActivity a, Random r, int moving) {
    double ftp = DemoGenerator.FTP;
    double steady = a.intensity() * ftp * 0.92;
    List<Segment> plan = new ArrayList<>();
    switch (a.workout()) {
      case "TRAINER_RIDE" -> {
        plan.add(new Segment(600, 0.6 * ftp, false));
        switch (Math.floorMod(a.externalId().hashCode(), 3)) {
          case 0 -> repeat(plan, 3, 720, (0.88 + 0.04 * r.nextDouble()) * ftp, 240, 0.55 * ftp);
          // VO2max: 5 × 4 min close to what CP and W′ allow for 4 min.
          case 1 -> repeat(plan, 5, 240, (0.9 + 0.06 * r.nextDouble()) * (CP_W + W_PRIME_J / 240), 240, 0.5 * ftp);
          default -> repeat(plan, 2, 1200, (0.93 + 0.05 * r.nextDouble()) * (CP_W + W_PRIME_J / 1200), 300, 0.55 * ftp);
        }
      }
      case "LONG_RIDE" -> {
        plan.add(new Segment(1800, steady, false));
        // Now and then a hard climb: 8 or 12 min near the athlete's best for that long.
        if (r.nextInt(3) == 0) {
          int t = r.nextBoolean() ? 480 : 720;
          plan.add(new Segment(t, (0.92 + 0.06 * r.nextDouble()) * (CP_W + W_PRIME_J / t), true));
        }
      }
      default -> {
        // Endurance: rolling terrain, a short hill or two.
        plan.add(new Segment(1200, steady, false));
        if (r.nextInt(4) == 0) {
          int t = 180 + r.nextInt(3) * 60;
          plan.add(new Segment(t, (0.9 + 0.07 * r.nextDouble()) * (CP_W + W_PRIME_J / t), true));
        }
      }
    }
    plan.add(new Segment(Math.max(1, moving), "TRAINER_RIDE".equals(a.workout()) ? 0.5 * ftp : steady, false));
    return plan;
  }

  private static List<Segment> runPlan(DemoActivity a, Random r, int moving) {
    double easy = 2.2 + a.intensity() * 2.4;
    List<Segment> plan = new ArrayList<>();
    switch (a.workout()) {
      case "INTERVALS_RUN" -> {
        plan.add(new Segment(720, 2.9, false));
        repeat(plan, 5, 360, THRESHOLD_SPEED_MPS * (1 + 0.03 * r.nextDouble()), 120, 2.8);
        plan.add(new Segment(Math.max(1, moving), 2.9, false));
      }
      case "TEMPO_RUN" -> {
        plan.add(new Segment(600, 2.9, false));
        plan.add(new Segment(1500, THRESHOLD_SPEED_MPS * (0.9 + 0.04 * r.nextDouble()), true));
        plan.add(new Segment(Math.max(1, moving), 2.9, false));
      }
      // A half marathon, evenly paced: its distance is the race's.
      case "RACE" -> plan.add(new Segment(moving, HALF_MARATHON_M * 1.03 / moving, false));
      default -> plan.add(new Segment(moving, easy, false));
    }
    return plan;
  }

  private static void repeat(List<Segment> plan, int n, int on, double hard, int off, double easy) {
    for (int k = 0; k < n; k++) {
      plan.add(new Segment(on, hard, true));
      plan.add(new Segment(off, easy, false));
    }
  }
}
