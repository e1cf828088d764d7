package fitcoach.map;

import fitcoach.geo.Polyline;
import fitcoach.app.OffLoop;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The heatmap: every route of the athlete's workouts in a range, newest first, each simplified through
 * {@link RouteSegments} and cached. Bounded: at most {@value #MAX_ROUTES} routes and {@value #MAX_POINTS} points in all;
 * {@code truncated} says when older routes were left out.
 */
final class HeatmapService {
  static final int MAX_ROUTES = 5_000;
  static final int MAX_POINTS = 400_000;
  /** Streams read per query: about 50 kB gzipped each, so a page stays a few megabytes. */
  private static final int STREAMS_PER_PAGE = 40;

  record Route(UUID id, String sport, LocalDate date, List<String> segments) {
  }

  record Heatmap(List<Route> routes, boolean truncated) {
  }

  private final HeatmapRepository repository;
  private final Function<UUID, Future<HiddenPositions>> hiddenFor;
  private final RouteCache cache = new RouteCache(MAX_ROUTES * 2);

  HeatmapService(HeatmapRepository repository, Function<UUID, Future<HiddenPositions>> hiddenFor) {
    this.repository = repository;
    this.hiddenFor = hiddenFor;
  }

  Future<Heatmap> heatmap(UUID userId, LocalDate from, LocalDate to, String family) {
    return hiddenFor.apply(userId).compose(hidden -> repository.candidates(userId, from, to, family, MAX_ROUTES + 1)
        .compose(candidates -> {
          boolean moreRoutes = candidates.size() > MAX_ROUTES;
          List<HeatmapRepository.Candidate> shown = moreRoutes ? candidates.subList(0, MAX_ROUTES) : candidates;
          return shapes(userId, shown, hidden).compose(shapes -> OffLoop.run(() -> assemble(shown, shapes, moreRoutes)));
        }));
  }

  /** Every candidate's shape: from the cache, else built (positions read page by page), then cached. */
  private Future<Map<UUID, RouteCache.Shape>> shapes(UUID userId, List<HeatmapRepository.Candidate> candidates,
                                                    HiddenPositions hidden) {
    Map<UUID, RouteCache.Shape> out = new HashMap<>();
    List<HeatmapRepository.Candidate> fromPolyline = new ArrayList<>();
    List<HeatmapRepository.Candidate> fromStreams = new ArrayList<>();
    for (HeatmapRepository.Candidate c : candidates) {
      RouteCache.Shape cached = cache.get(RouteCache.key(c, hidden));
      if (cached != null) {
        out.put(c.id(), cached);
      } else if (c.positions()) {
        fromStreams.add(c);
      } else {
        fromPolyline.add(c);
      }
    }
    Future<Void> polylines = fromPolyline.isEmpty() ? Future.succeededFuture() : OffLoop.run(() -> {
      for (HeatmapRepository.Candidate c : fromPolyline) {
        out.put(c.id(), remember(c, hidden, RouteSegments.build(c.polyline(), hidden)));
      }
      return null;
    });
    // Two chains of pages at once: reading positions is gunzip and parsing, CPU a second core can share.
    int half = (fromStreams.size() + 1) / 2;
    return polylines.compose(v -> Future.all(streamPages(userId, fromStreams.subList(0, half), 0, hidden, out),
        streamPages(userId, fromStreams.subList(half, fromStreams.size()), 0, hidden, out))).map(v -> out);
  }

  private Future<Void> streamPages(UUID userId, List<HeatmapRepository.Candidate> todo, int start, HiddenPositions hidden,
                                   Map<UUID, RouteCache.Shape> out) {
    if (start >= todo.size()) {
      return Future.succeededFuture();
    }
    List<HeatmapRepository.Candidate> page = todo.subList(start, Math.min(todo.size(), start + STREAMS_PER_PAGE));
    return repository.streams(userId, page.stream().map(HeatmapRepository.Candidate::id).toList())
        .compose(data -> OffLoop.run(() -> {
          for (HeatmapRepository.Candidate c : page) {
            byte[] bytes = data.get(c.id());
            StoredPositions p = bytes == null ? StoredPositions.NONE : StoredPositions.read(bytes);
            List<String> segments = RouteSegments.build(p.lat(), p.lon(), hidden);
            // Streams without a usable position (all hidden, or all null) fall back to Strava's line, cut the same way.
            if (segments.isEmpty() && c.polyline() != null && p.lat().length == 0) {
              segments = RouteSegments.build(c.polyline(), hidden);
            }
            synchronized (out) {
              out.put(c.id(), remember(c, hidden, segments));
            }
          }
          return (Void) null;
        }))
        .compose(v -> streamPages(userId, todo, start + STREAMS_PER_PAGE, hidden, out));
  }

  private RouteCache.Shape remember(HeatmapRepository.Candidate c, HiddenPositions hidden, List<String> segments) {
    int points = 0;
    for (String s : segments) {
      points += Polyline.decode(s).length;
    }
    RouteCache.Shape shape = new RouteCache.Shape(List.copyOf(segments), points);
    cache.put(RouteCache.key(c, hidden), shape);
    return shape;
  }

  static Heatmap assemble(List<HeatmapRepository.Candidate> candidates, Map<UUID, RouteCache.Shape> shapes,
                                  boolean truncated) {
    List<Route> routes = new ArrayList<>(candidates.size());
    int points = 0;
    for (HeatmapRepository.Candidate c : candidates) {
      RouteCache.Shape shape = shapes.get(c.id());
      if (shape == null || shape.segments().isEmpty()) {
        continue;
      }
      if (points + shape.points() > MAX_POINTS) {
        truncated = true;
        break;
      }
      points += shape.points();
      routes.add(new Route(c.id(), c.family(), c.date(), shape.segments()));
    }
    return new Heatmap(routes, truncated);
  }
}
