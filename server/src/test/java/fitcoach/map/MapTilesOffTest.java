package fitcoach.map;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** FITCOACH_MAP_TILES=none: no tile template for the browser, and a CSP that lets images come from nowhere else. */
class MapTilesOffTest extends ApiTest {
  @Override
  protected Map<String, String> environment(Map<String, String> env) {
    var out = new java.util.HashMap<>(env);
    out.put("FITCOACH_MAP_TILES", "none");
    return out;
  }

  @Test
  @DisplayName("With tiles off the settings say null and the CSP allows images from FitCoach itself only")
  void tilesOff() {
    signedIn();
    var r = client.get("/api/map/settings");
    assertThat(r.json()).isEqualTo(new JsonObject().putNull("tiles").put("attribution", "").put("maxZoom", 19));
    assertThat(r.header("Content-Security-Policy")).contains("img-src 'self' data:;");
    assertThat(client.get("/").header("Content-Security-Policy")).contains("img-src 'self' data:;");
  }
}
