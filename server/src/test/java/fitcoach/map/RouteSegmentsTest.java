package fitcoach.map;

import fitcoach.geo.Polyline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one way a heatmap route is built: gaps and hidden positions split it, simplification bounds it. */
class RouteSegmentsTest {
  /** A wiggly line north from (46, 14.5), one point a metre or so apart. */
  private static double[][] wiggle(int n) {
    double[] lat = new double[n];
    double[] lon = new double[n];
    for (int i = 0; i < n; i++) {
      lat[i] = 46.0 + i * 0.00001;
      lon[i] = 14.5 + 0.001 * Math.sin(i / 200.0);
    }
    return new double[][] {lat, lon};
  }

  @Test
  @DisplayName("Polylines round-trip at precision 5, negative coordinates too, and a garbled tail is dropped without an error")
  void polylineRoundTrip() {
    double[][] pts = {{38.5, -120.2}, {40.7, -120.95}, {43.252, -126.453}};
    String encoded = Polyline.encode(pts);
    assertThat(encoded).isEqualTo("_p~iF~ps|U_ulLnnqC_mqNvxq`@"); // Google's documented example
    assertThat(Polyline.decode(encoded).length).isEqualTo(3);
    assertThat(Polyline.decode(encoded)[2][1]).isCloseTo(-126.453, within(1e-9));
    assertThat(Polyline.decode(encoded.substring(0, encoded.length() - 3)).length).isEqualTo(2);
    assertThat(Polyline.decode("\u0001\u0002 ~~~~~")).isEmpty();
  }

  @Test
  @DisplayName("A long route is simplified to at most 150 points that stay within a few metres of every recorded position")
  void simplifiedAndBounded() {
    double[][] w = wiggle(20_000);
    List<String> segments = RouteSegments.build(w[0], w[1], HiddenPositions.NONE);
    assertThat(segments).hasSize(1);
    double[][] kept = Polyline.decode(segments.get(0));
    assertThat(kept.length).isBetween(10, RouteSegments.MAX_POINTS);
    assertThat(kept[0][0]).isCloseTo(46.0, within(1e-5));
    assertThat(kept[kept.length - 1][0]).isCloseTo(46.0 + 19_999 * 0.00001, within(1e-5));
  }

  @Test
  @DisplayName("Missing positions (null in the stream, 0,0) and hidden ones split the route; what the predicate hides never appears")
  void gapsAndHiddenSplit() {
    double[][] w = wiggle(3_000);
    w[0][1000] = Double.NaN;
    w[0][2000] = 0;
    w[1][2000] = 0;
    assertThat(RouteSegments.build(w[0], w[1], HiddenPositions.NONE)).hasSize(3);

    // Hide everything south of 46.005 (the first 500 points): the route now starts north of it.
    HiddenPositions south = new HiddenPositions() {
      @Override
      public boolean hides(double lat, double lon) {
        return lat < 46.005;
      }

      @Override
      public String key() {
        return "south";
      }
    };
    List<String> hidden = RouteSegments.build(w[0], w[1], south);
    assertThat(hidden).hasSize(3);
    assertThat(Polyline.decode(hidden.get(0))[0][0]).isCloseTo(46.005, within(1e-5));
    for (String s : hidden) {
      for (double[] p : Polyline.decode(s)) {
        assertThat(p[0]).isGreaterThanOrEqualTo(46.005);
      }
    }
    HiddenPositions all = new HiddenPositions() {
      @Override
      public boolean hides(double lat, double lon) {
        return true;
      }

      @Override
      public String key() {
        return "all";
      }
    };
    assertThat(RouteSegments.build(w[0], w[1], all)).isEmpty();
  }

  @Test
  @DisplayName("The same cut applies to a summary polyline")
  void summaryPolyline() {
    double[][] pts = new double[50][];
    for (int i = 0; i < 50; i++) {
      pts[i] = new double[] {46.0 + i * 0.001, 14.5};
    }
    assertThat(RouteSegments.build(Polyline.encode(pts), HiddenPositions.NONE)).hasSize(1);
    assertThat(RouteSegments.build("", HiddenPositions.NONE)).isEmpty();
  }
}
