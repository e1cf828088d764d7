package fitcoach.map;

import fitcoach.privacy.PrivacyZone;
import fitcoach.privacy.PrivacyZones;
import java.util.stream.Collectors;

/** The athlete's privacy zones as the heatmap sees them: what they hide, and a key that changes when any zone does. */
final class ZoneHiddenPositions implements HiddenPositions {
  private final PrivacyZones zones;
  private final String key;

  private ZoneHiddenPositions(PrivacyZones zones) {
    this.zones = zones;
    this.key = zones.zones().stream()
        .map(z -> z.lat() + "," + z.lon() + "," + z.radiusM())
        .sorted()
        .collect(Collectors.joining(";"));
  }

  static HiddenPositions of(PrivacyZones zones) {
    return zones.isEmpty() ? HiddenPositions.NONE : new ZoneHiddenPositions(zones);
  }

  @Override
  public boolean hides(double lat, double lon) {
    return zones.hides(lat, lon);
  }

  @Override
  public String key() {
    return key;
  }

  /** For a zone list in a log line or test message: names only, never where they are. */
  @Override
  public String toString() {
    return zones.zones().stream().map(PrivacyZone::name).collect(Collectors.joining(", ", "zones[", "]"));
  }
}
