package fitcoach.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The heatmap's size bound: newest routes first, older ones left out past the point budget, and it says so. */
class HeatmapBoundsTest {
  @Test
  @DisplayName("Past the total point budget the oldest routes are left out and the answer is marked truncated")
  void pointBudget() {
    List<HeatmapRepository.Candidate> candidates = new ArrayList<>();
    Map<UUID, RouteCache.Shape> shapes = new HashMap<>();
    int perRoute = 150;
    int routes = HeatmapService.MAX_POINTS / perRoute + 10;
    for (int i = 0; i < routes; i++) {
      UUID id = new UUID(0, i);
      candidates.add(new HeatmapRepository.Candidate(id, "run", LocalDate.of(2026, 1, 1).minusDays(i), "v", null, true));
      shapes.put(id, new RouteCache.Shape(List.of("x"), perRoute));
    }
    HeatmapService.Heatmap map = HeatmapService.assemble(candidates, shapes, false);
    assertThat(map.truncated()).isTrue();
    assertThat(map.routes()).hasSize(HeatmapService.MAX_POINTS / perRoute);
    assertThat(map.routes().get(0).id()).isEqualTo(new UUID(0, 0));

    HeatmapService.Heatmap small = HeatmapService.assemble(candidates.subList(0, 3), shapes, false);
    assertThat(small.truncated()).isFalse();
    assertThat(small.routes()).hasSize(3);
  }

  @Test
  @DisplayName("The route cache keeps at most its capacity, dropping the least recently used")
  void cacheIsBounded() {
    RouteCache cache = new RouteCache(2);
    cache.put("a", new RouteCache.Shape(List.of(), 0));
    cache.put("b", new RouteCache.Shape(List.of(), 0));
    cache.get("a");
    cache.put("c", new RouteCache.Shape(List.of(), 0));
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).isNotNull();
  }
}
