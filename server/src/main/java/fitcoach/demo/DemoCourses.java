package fitcoach.demo;

import java.util.Random;

/**
 * Believable GPS positions for the demo's outdoor runs and rides: a handful of courses around one home (loops and
 * out-and-backs along curving roads), so the heatmap glows where the athlete trains most. A session follows one course
 * at its own recorded distance (a loop lapped a whole number of times, an out-and-back turned at half way), in either
 * direction, from and back to home, with a little GPS wander. Pure and deterministic: the same session gives the same positions.
 */
final class DemoCourses {
  /** Home: the start and finish of every course (a park on the edge of a town). */
  static final double HOME_LAT = 46.0569;
  static final double HOME_LON = 14.5058;
  private static final double M_PER_DEG_LAT = 110_574;
  private static final double M_PER_DEG_LON = 111_320 * Math.cos(Math.toRadians(HOME_LAT));

  /** A course: waypoints in km east and north of home, a loop (back to home) or an out-and-back. */
  private record Course(double[][] km, boolean loop) {
  }

  private static final Course[] RUNS = {
      new Course(new double[][] {{0, 0}, {0.6, 0.4}, {1.4, 0.5}, {1.9, 1.1}, {1.6, 1.8}, {0.8, 1.9}, {0.1, 1.3}, {0, 0}}, true),
      new Course(new double[][] {{0, 0}, {-0.5, 0.6}, {-1.3, 0.9}, {-2.2, 0.7}, {-3.1, 1.2}, {-4.0, 1.0}, {-5.2, 1.6},
          {-6.3, 1.5}, {-7.5, 2.1}, {-8.6, 2.0}}, false),
      new Course(new double[][] {{0, 0}, {0.3, -0.7}, {1.1, -1.4}, {2.3, -1.6}, {3.0, -0.9}, {2.6, 0.1}, {1.5, 0.3},
          {0.5, 0.2}, {0, 0}}, true),
      new Course(new double[][] {{0, 0}, {0.2, 0.9}, {0.1, 2.0}, {0.6, 3.1}, {0.4, 4.3}, {1.0, 5.4}, {0.8, 6.8},
          {1.3, 8.0}, {1.1, 9.5}}, false),
  };
  private static final Course[] RIDES = {
      new Course(new double[][] {{0, 0}, {2.5, 1.0}, {6.0, 0.4}, {9.5, 2.8}, {12.0, 6.5}, {10.5, 10.2}, {6.8, 11.5},
          {3.1, 9.8}, {1.0, 6.0}, {-0.6, 2.5}, {0, 0}}, true),
      new Course(new double[][] {{0, 0}, {-3.0, -1.5}, {-7.2, -2.0}, {-11.5, -4.6}, {-15.0, -4.0}, {-19.8, -6.9},
          {-24.0, -8.1}, {-28.5, -7.0}, {-33.0, -9.8}, {-38.0, -11.0}, {-44.0, -10.2}, {-50.0, -12.5}}, false),
      new Course(new double[][] {{0, 0}, {1.5, -3.5}, {5.0, -7.0}, {9.8, -8.2}, {14.0, -5.5}, {15.5, -1.0},
          {12.2, 2.4}, {7.5, 3.0}, {3.0, 1.6}, {0, 0}}, true),
      new Course(new double[][] {{0, 0}, {0.8, 4.0}, {-0.5, 8.5}, {1.8, 13.0}, {0.6, 18.0}, {3.5, 23.0}, {2.0, 29.0},
          {5.0, 35.0}, {3.2, 42.0}, {6.5, 50.0}}, false),
  };

  private DemoCourses() {
  }

  /** Whether a session of this sport is ridden or run outdoors, so it has positions. */
  static boolean outdoors(DemoActivity a) {
    return !a.trainer() && ("Run".equals(a.sportType()) || "Ride".equals(a.sportType()));
  }

  /**
   * Positions for each cumulative distance (m): {@code [lat[], lon[]]}. The course is chosen by the session's id, with
   * the first course of each sport most often (the athlete's usual loop), so repeated routes glow.
   */
  static double[][] positions(DemoActivity a, double[] distanceM) {
    Random r = new Random(a.externalId().hashCode() * 31L + 7);
    Course[] courses = "Run".equals(a.sportType()) ? RUNS : RIDES;
    int pick = r.nextInt(10);
    Course course = courses[pick < 4 ? 0 : 1 + (pick - 4) % (courses.length - 1)];
    boolean reverse = course.loop() && r.nextBoolean();
    double[][] path = densify(course.km());
    double[] along = cumulative(path);
    double length = along[along.length - 1];
    double total = distanceM.length == 0 ? 0 : distanceM[distanceM.length - 1];
    // Every session ends at home: a loop is lapped a whole number of times, an out-and-back turns as often as it
    // must (at half way, or nearer home on a long day), each stretched a little to the session's recorded distance.
    int laps = (int) Math.max(1, Math.round(total / length));
    double scale = total <= 0 ? 1 : laps * length / total;
    int outs = (int) Math.max(1, Math.ceil(total / (2 * length)));
    double turn = Math.max(1, total / (2 * outs));
    double[] lat = new double[distanceM.length];
    double[] lon = new double[distanceM.length];
    double wanderE = 0;
    double wanderN = 0;
    double side = (r.nextDouble() - 0.5) * 6; // which side of the road, a few metres
    for (int i = 0; i < distanceM.length; i++) {
      double d = Double.isNaN(distanceM[i]) ? 0 : distanceM[i];
      double s;
      if (course.loop()) {
        s = Math.min(d * scale, laps * length) % length;
        if (reverse) {
          s = length - s;
        }
      } else {
        double m = Math.min(d, 2 * turn * outs) % (2 * turn);
        s = m <= turn ? m : 2 * turn - m;
      }
      double[] p = at(path, along, s);
      wanderE = 0.98 * wanderE + r.nextGaussian() * 0.25;
      wanderN = 0.98 * wanderN + r.nextGaussian() * 0.25;
      double east = p[0] * 1000 + wanderE + side;
      double north = p[1] * 1000 + wanderN;
      lat[i] = Math.round((HOME_LAT + north / M_PER_DEG_LAT) * 1e6) / 1e6;
      lon[i] = Math.round((HOME_LON + east / M_PER_DEG_LON) * 1e6) / 1e6;
    }
    return new double[][] {lat, lon};
  }

  /** Catmull–Rom through the waypoints, a point every few tens of metres: roads curve, they do not zigzag. */
  private static double[][] densify(double[][] w) {
    int steps = 12;
    double[][] out = new double[(w.length - 1) * steps + 1][];
    int n = 0;
    for (int k = 0; k < w.length - 1; k++) {
      double[] p0 = w[Math.max(0, k - 1)];
      double[] p1 = w[k];
      double[] p2 = w[k + 1];
      double[] p3 = w[Math.min(w.length - 1, k + 2)];
      for (int j = 0; j < steps; j++) {
        double t = (double) j / steps;
        double t2 = t * t;
        double t3 = t2 * t;
        double[] q = new double[2];
        for (int c = 0; c < 2; c++) {
          q[c] = 0.5 * (2 * p1[c] + (-p0[c] + p2[c]) * t + (2 * p0[c] - 5 * p1[c] + 4 * p2[c] - p3[c]) * t2
              + (-p0[c] + 3 * p1[c] - 3 * p2[c] + p3[c]) * t3);
        }
        out[n++] = q;
      }
    }
    out[n] = w[w.length - 1];
    return out;
  }

  /** Distance along the path at each point, in metres. */
  private static double[] cumulative(double[][] path) {
    double[] along = new double[path.length];
    for (int i = 1; i < path.length; i++) {
      along[i] = along[i - 1] + 1000 * Math.hypot(path[i][0] - path[i - 1][0], path[i][1] - path[i - 1][1]);
    }
    return along;
  }

  /** The point {@code s} metres along the path (km east, north). */
  private static double[] at(double[][] path, double[] along, double s) {
    int lo = 0;
    int hi = along.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (along[mid] <= s) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double span = along[hi] - along[lo];
    double t = span <= 0 ? 0 : Math.min(1, Math.max(0, (s - along[lo]) / span));
    return new double[] {path[lo][0] + t * (path[hi][0] - path[lo][0]), path[lo][1] + t * (path[hi][1] - path[lo][1])};
  }
}
