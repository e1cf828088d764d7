package fitcoach.privacy;

import fitcoach.geo.Polyline;

/** Encodes routes as polylines for tests in other packages. */
public final class PolylineFixture {
  private PolylineFixture() {
  }

  public static String encode(double[][] points) {
    return Polyline.encode(points);
  }
}
