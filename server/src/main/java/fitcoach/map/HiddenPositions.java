package fitcoach.map;

/**
 * Where a position must not be shown (a privacy zone around home). {@link #key()} names what is hidden, so a route
 * cached under one set of zones is never served under another.
 */
public interface HiddenPositions {
  /** Hides nothing: the default until privacy zones are plugged in. */
  HiddenPositions NONE = new HiddenPositions() {
    @Override
    public boolean hides(double lat, double lon) {
      return false;
    }

    @Override
    public String key() {
      return "none";
    }
  };

  boolean hides(double lat, double lon);

  /** A fingerprint of what is hidden (e.g. the zones' centres and radii); equal keys hide the same positions. */
  String key();
}
