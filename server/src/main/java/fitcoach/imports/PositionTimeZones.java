package fitcoach.imports;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.dustinj.timezonemap.TimeZone;
import us.dustinj.timezonemap.TimeZoneMap;

/**
 * The IANA time zone at a position, from timezonemap's offline copy of the timezone-boundary-builder polygons.
 *
 * <p>Why tiles: the whole world's polygons take about 170 MB of heap, which a 256 MB server cannot spare. timezonemap
 * can load one region, clipping the polygons to it, so a {@value #TILE_DEGREES}-degree tile is loaded on first need:
 * 0.3 MB on average for eight tiles of dense borders (Slovenia, Belgium, Switzerland, Puerto Rico, Tokyo, New York...),
 * about 0.6 s of CPU each. Bigger tiles cost more than they save: 10-degree ones take 3 MB each on average, 9 MB for
 * central Europe, and 1.6 s (seconds more in a cold JVM, while every parser waits for it). At most {@value #MAX_TILES}
 * are kept, the newest, and {@link #release} drops them when no import runs.
 * timeshape, with newer boundaries (2026b against 2020d), was measured too: it keeps only zones lying wholly inside a
 * box (a 10-degree box around Tokyo finds no zone), so a box that works costs tens of MB, and the world 215 MB.
 * Loading happens on the calling thread: call this from a worker, never the event loop.
 */
final class PositionTimeZones {
  static final int TILE_DEGREES = 2;
  private static final int MAX_TILES = 16;
  /** The loaded tiles, newest first; replaced whole, so lookups and release never wait for a tile being loaded. */
  private static final AtomicReference<List<Tile>> TILES = new AtomicReference<>(List.of());
  private static final Object LOADING = new Object();
  /** Whether a tile was ever loaded in this JVM (the code stays warm after release). */
  private static boolean warm;
  private static final Logger LOG = LoggerFactory.getLogger(PositionTimeZones.class);

  private PositionTimeZones() {
  }

  private record Tile(int south, int west, TimeZoneMap map) {
    boolean covers(double lat, double lon) {
      return lat >= south && lat <= south + TILE_DEGREES && lon >= west && lon <= west + TILE_DEGREES;
    }
  }

  /** The zone at the position, or empty where the map has none (it covers the oceans too, with Etc/GMT zones). */
  static Optional<ZoneId> at(double lat, double lon) {
    if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return Optional.empty();
    }
    Tile tile = loaded(lat, lon);
    Tile found = tile != null ? tile : load(lat, lon);
    TimeZone zone;
    // One lookup at a time per tile: the map's polygons (Esri geometry) fill caches on first use and are not safe to share
    // unguarded; three parsers resuming an import together on a fresh tile left it answering no zone for every file.
    synchronized (found) {
      try {
        zone = found.map().getOverlappingTimeZone(lat, lon);
      } catch (java.util.NoSuchElementException e) {
        // The map throws instead of answering "none" for some positions; the profile's zone then applies, as for no GPS.
        zone = null;
      }
    }
    return zone == null ? Optional.empty() : Optional.of(ZoneId.of(zone.getZoneId()));
  }

  /**
   * Loads a speck of ocean and drops it, so the map's code, its native decompressor and the JIT are ready before the
   * first real tile is needed: in a cold server the first load took 5 s, with every parser waiting on it; warm, 0.6 s.
   * Meant to run on a worker while an import's files are still being received or unpacked.
   */
  static void warmUp() {
    synchronized (LOADING) {
      if (!warm) {
        TimeZoneMap.forRegion(0, -30, 0.01, -29.99);
        warm = true;
      }
    }
  }

  /** Forgets the loaded tiles (their memory is freed once lookups under way are done). Never blocks. */
  static void release() {
    TILES.set(List.of());
  }

  private static Tile loaded(double lat, double lon) {
    for (Tile t : TILES.get()) {
      if (t.covers(lat, lon)) {
        return t;
      }
    }
    return null;
  }

  /** Loads the tile covering the position (one load at a time: each needs tens of MB of heap while it runs). */
  private static Tile load(double lat, double lon) {
    synchronized (LOADING) {
      Tile known = loaded(lat, lon);
      if (known != null) {
        return known;
      }
      int south = (int) Math.floor(Math.min(lat, 90 - TILE_DEGREES) / TILE_DEGREES) * TILE_DEGREES;
      int west = (int) Math.floor(Math.min(lon, 180 - TILE_DEGREES) / TILE_DEGREES) * TILE_DEGREES;
      long t0 = System.nanoTime();
      Tile tile = new Tile(south, west, TimeZoneMap.forRegion(south, west, south + TILE_DEGREES, west + TILE_DEGREES));
      warm = true;
      LOG.info("Loaded the time zone map of {}..{} N, {}..{} E in {} ms", south, south + TILE_DEGREES, west, west + TILE_DEGREES,
          (System.nanoTime() - t0) / 1_000_000);
      TILES.updateAndGet(tiles -> {
        List<Tile> next = new ArrayList<>(List.of(tile));
        next.addAll(tiles.subList(0, Math.min(tiles.size(), MAX_TILES - 1)));
        return List.copyOf(next);
      });
      return tile;
    }
  }
}
