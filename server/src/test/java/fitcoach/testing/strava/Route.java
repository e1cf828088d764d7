package fitcoach.testing.strava;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A wobbly loop of a given length that starts and ends at a point, derived only from its inputs, so an activity's
 * polyline and its latlng stream always describe the same track.
 */
public final class Route {
  private static final double METERS_PER_DEGREE = 111_320;
  private final List<double[]> points = new ArrayList<>();

  public Route(long seed, double startLat, double startLng, double distanceMeters) {
    Random random = new Random(seed);
    int count = (int) Math.max(24, Math.min(400, distanceMeters / 100));
    double radius = Math.max(50, distanceMeters / (2 * Math.PI));
    double heading = random.nextDouble() * 2 * Math.PI;
    double phase = random.nextDouble() * 2 * Math.PI;
    double lngScale = METERS_PER_DEGREE * Math.cos(Math.toRadians(startLat));
    double centerLat = startLat + radius * Math.sin(heading) / METERS_PER_DEGREE;
    double centerLng = startLng + radius * Math.cos(heading) / lngScale;
    for (int k = 0; k <= count; k++) {
      double a = 2 * Math.PI * k / count;
      // sin(3a) is 0 at both ends, so the loop closes exactly on the start point.
      double r = radius * (1 + 0.15 * Math.sin(3 * a) * Math.cos(phase));
      double angle = heading + Math.PI + a;
      double lat = centerLat + r * Math.sin(angle) / METERS_PER_DEGREE;
      double lng = centerLng + r * Math.cos(angle) / lngScale;
      points.add(new double[] {round6(lat), round6(lng)});
    }
  }

  public List<double[]> points() {
    return points;
  }

  /** Every {@code step}-th point plus the last, for the coarser summary polyline. */
  public List<double[]> every(int step) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i += step) {
      out.add(points.get(i));
    }
    if ((points.size() - 1) % step != 0) {
      out.add(points.get(points.size() - 1));
    }
    return out;
  }

  /** The position at a fraction (0..1) of the way round. */
  public double[] at(double fraction) {
    double x = Math.max(0, Math.min(1, fraction)) * (points.size() - 1);
    int i = (int) Math.min(points.size() - 2, Math.floor(x));
    double t = x - i;
    double[] a = points.get(i);
    double[] b = points.get(i + 1);
    return new double[] {round6(a[0] + (b[0] - a[0]) * t), round6(a[1] + (b[1] - a[1]) * t)};
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
