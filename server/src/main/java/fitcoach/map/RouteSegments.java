package fitcoach.map;

import fitcoach.geo.Polyline;
import java.util.ArrayList;
import java.util.List;

/**
 * A route as the heatmap draws it: its visible runs, simplified (Douglas–Peucker, about {@value #TOLERANCE_M} m, coarser
 * until the route has at most {@value #MAX_POINTS} points) and encoded as polylines. Every route the heatmap serves is
 * built here, so what {@link HiddenPositions} hides is cut out before anything is simplified or cached: a position that
 * is missing, impossible (0, 0 or out of range) or hidden ends one segment, and the next visible one starts another.
 */
final class RouteSegments {
  static final double TOLERANCE_M = 10;
  static final int MAX_POINTS = 150;
  private static final double M_PER_DEG_LAT = 110_574;
  private static final double M_PER_DEG_LON = 111_320;

  private RouteSegments() {
  }

  /** The encoded segments of a route (positions aligned by index); empty when nothing visible is left. */
  static List<String> build(double[] lat, double[] lon, HiddenPositions hidden) {
    List<double[][]> runs = visibleRuns(lat, lon, hidden);
    double tolerance = TOLERANCE_M;
    List<double[][]> simplified = simplifyAll(runs, tolerance);
    while (count(simplified) > MAX_POINTS) {
      tolerance *= 2;
      simplified = simplifyAll(runs, tolerance);
    }
    List<String> out = new ArrayList<>(simplified.size());
    for (double[][] run : simplified) {
      out.add(Polyline.encode(run));
    }
    return out;
  }

  /** The same for an encoded polyline (a summary polyline when no positions are stored). */
  static List<String> build(String encoded, HiddenPositions hidden) {
    double[][] points = Polyline.decode(encoded);
    double[] lat = new double[points.length];
    double[] lon = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      lat[i] = points[i][0];
      lon[i] = points[i][1];
    }
    return build(lat, lon, hidden);
  }

  private static List<double[][]> visibleRuns(double[] lat, double[] lon, HiddenPositions hidden) {
    List<double[][]> runs = new ArrayList<>();
    int n = Math.min(lat.length, lon.length);
    List<double[]> run = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double la = lat[i];
      double lo = lon[i];
      boolean shown = Double.isFinite(la) && Double.isFinite(lo) && Math.abs(la) <= 90 && Math.abs(lo) <= 180
          && !(la == 0 && lo == 0) && !hidden.hides(la, lo);
      if (shown) {
        run.add(new double[] {la, lo});
      } else {
        close(runs, run);
        run = new ArrayList<>();
      }
    }
    close(runs, run);
    return runs;
  }

  private static void close(List<double[][]> runs, List<double[]> run) {
    if (run.size() >= 2) {
      runs.add(run.toArray(new double[0][]));
    }
  }

  private static List<double[][]> simplifyAll(List<double[][]> runs, double toleranceM) {
    List<double[][]> out = new ArrayList<>(runs.size());
    for (double[][] run : runs) {
      out.add(simplify(run, toleranceM));
    }
    return out;
  }

  private static int count(List<double[][]> runs) {
    int n = 0;
    for (double[][] r : runs) {
      n += r.length;
    }
    return n;
  }

  /** Douglas–Peucker in local metres, with an explicit stack (a 10-hour ride at 1 Hz would overflow recursion). */
  static double[][] simplify(double[][] pts, double toleranceM) {
    int n = pts.length;
    if (n <= 2) {
      return pts;
    }
    double kx = Math.cos(Math.toRadians(pts[0][0])) * M_PER_DEG_LON;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = pts[i][1] * kx;
      y[i] = pts[i][0] * M_PER_DEG_LAT;
    }
    boolean[] keep = new boolean[n];
    keep[0] = true;
    keep[n - 1] = true;
    int[] stack = new int[2 * n];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = n - 1;
    double tol2 = toleranceM * toleranceM;
    while (top > 0) {
      int last = stack[--top];
      int first = stack[--top];
      double best = -1;
      int at = -1;
      for (int i = first + 1; i < last; i++) {
        double d = distance2(x[i], y[i], x[first], y[first], x[last], y[last]);
        if (d > best) {
          best = d;
          at = i;
        }
      }
      if (at >= 0 && best > tol2) {
        keep[at] = true;
        stack[top++] = first;
        stack[top++] = at;
        stack[top++] = at;
        stack[top++] = last;
      }
    }
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        out.add(pts[i]);
      }
    }
    return out.toArray(new double[0][]);
  }

  /** Squared distance from (px, py) to the segment from a to b. */
  private static double distance2(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
    double ex = ax + t * dx - px;
    double ey = ay + t * dy - py;
    return ex * ex + ey * ey;
  }
}
