package fitcoach.privacy;

import java.util.UUID;

/**
 * A circle of the athlete's (home, work) inside which positions are left out: centre in WGS84 degrees, radius in metres
 * measured along the Earth's surface. As stored and as the API shows it.
 */
public record PrivacyZone(UUID id, String name, double lat, double lon, int radiusM) {
}
