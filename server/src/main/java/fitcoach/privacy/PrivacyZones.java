package fitcoach.privacy;

import java.util.List;

/**
 * An athlete's privacy zones, as the features that hand out positions use them: {@link #hides} says whether one point
 * is inside any zone (great-circle distance to the centre at most the radius, so it holds at the poles and across the
 * antimeridian). Obtain it from {@link PrivacyService#zonesFor}; it is immutable and safe to use on any thread.
 *
 * <p>Helpers for the shapes positions take here: {@link #hideInStreams} (a streams object's {@code latlng} channel),
 * {@link #polyline} (an encoded polyline) and {@link #hideInRaw} (a source's raw JSON). With no zones each returns
 * its input.
 */
public record PrivacyZones(List<PrivacyZone> zones) {
  /** No zones: hides nothing. */
  public static final PrivacyZones NONE = new PrivacyZones(List.of());
  /** The mean Earth radius (IUGG), in metres; the spherical error against WGS84 is under 0.5 %, well within a radius. */
  static final double EARTH_RADIUS_M = fitcoach.geo.GreatCircle.EARTH_RADIUS_M;

  public PrivacyZones {
    zones = List.copyOf(zones);
  }

  public boolean isEmpty() {
    return zones.isEmpty();
  }

  /** True when (lat, lon), in degrees, lies inside or on the edge of any zone. Not-a-number positions are not hidden. */
  public boolean hides(double lat, double lon) {
    for (PrivacyZone z : zones) {
      if (distanceM(z.lat(), z.lon(), lat, lon) <= z.radiusM()) {
        return true;
      }
    }
    return false;
  }

  /** Great-circle distance in metres (haversine, stable for the short distances a zone spans). */
  static double distanceM(double lat1, double lon1, double lat2, double lon2) {
    return fitcoach.geo.GreatCircle.metres(lat1, lon1, lat2, lon2);
  }

  /**
   * A streams object as JSON text ({@code {"time":[..],"latlng":[[lat,lon],..],..}}) with every {@code latlng} point
   * inside a zone counted and, when {@code apply}, replaced by {@code null}, so the other channels keep their indexes.
   * Parsing: call it on a worker thread for long streams.
   */
  public HiddenStreams hideInStreams(String streamsJson, boolean apply) {
    return LatLngStreams.hide(streamsJson, this, apply);
  }

  /**
   * The same for a streams object read from {@code in} and written to {@code out} (neither closed), token by token, so
   * memory stays small whatever its size; returns how many positions were hidden. Blocking: on a worker thread.
   */
  public int hideInStreams(java.io.InputStream in, java.io.OutputStream out) throws java.io.IOException {
    return LatLngStreams.hide(in, out, this);
  }

  /** The streams as served, and how many positions lay inside a zone. */
  public record HiddenStreams(String json, int hiddenPoints) {
  }

  /**
   * An encoded polyline (Google's format, 5 decimals) without its points inside a zone; null when none is left or it
   * cannot be read (a route that cannot be checked is not handed out).
   */
  public String polyline(String encoded) {
    return isEmpty() || encoded == null ? encoded : withoutHidden(encoded);
  }

  /**
   * A source's raw JSON (a Strava activity: {@code start_latlng}, {@code end_latlng}, {@code map.summary_polyline}...)
   * with every {@code *latlng} pair inside a zone set to null and every {@code *polyline} filtered, at any depth.
   */
  public io.vertx.core.json.JsonObject hideInRaw(io.vertx.core.json.JsonObject raw) {
    return isEmpty() || raw == null ? raw : RawPositions.hide(raw, this);
  }

  /**
   * An encoded polyline (Strava's route) without its points inside the zones, so a route through a zone runs straight
   * across it; null when no point is left. A garbled tail is dropped with the points it held.
   */
  private String withoutHidden(String encoded) {
    double[][] kept = java.util.Arrays.stream(fitcoach.geo.Polyline.decode(encoded))
        .filter(p -> !hides(p[0], p[1]))
        .toArray(double[][]::new);
    return kept.length == 0 ? null : fitcoach.geo.Polyline.encode(kept);
  }
}
