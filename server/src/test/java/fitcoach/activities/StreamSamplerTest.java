package fitcoach.activities;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.app.Gzip;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamSamplerTest {

  private static byte[] streams(int n) {
    JsonArray time = new JsonArray();
    JsonArray hr = new JsonArray();
    JsonArray latlng = new JsonArray();
    for (int i = 0; i < n; i++) {
      time.add(i);
      hr.add(i % 7 == 0 ? null : 100 + i % 50);
      latlng.add(new JsonArray().add(46.0 + i * 1e-5).add(14.5));
    }
    return Gzip.text(new JsonObject().put("time", time).put("heartrate", hr).put("latlng", latlng).put("note", "kept").encode());
  }

  @Test
  @DisplayName("Evenly spaced indexes keep the first and last point and never repeat one")
  void indexes() {
    for (long n : new long[] {10, 11, 9_999, 10_001, 1_000_000}) {
      long m = Math.min(n, 1000);
      long previous = -1;
      for (long i = 0; i < m; i++) {
        long index = StreamSampler.index(i, n, m);
        assertThat(index).isGreaterThan(previous).isLessThan(n);
        previous = index;
      }
      assertThat(StreamSampler.index(0, n, m)).isZero();
      assertThat(StreamSampler.index(m - 1, n, m)).isEqualTo(n - 1);
    }
  }

  @Test
  @DisplayName("Long streams come back with maxPoints points per channel, the same samples in every channel")
  void downsamplesAligned() {
    StreamSampler.Sampled s = StreamSampler.sample(streams(25_000), 1_000);
    assertThat(s.points()).isEqualTo(1_000);
    assertThat(s.storedPoints()).isEqualTo(25_000);
    JsonObject o = new JsonObject(s.json());
    JsonArray time = o.getJsonArray("time");
    assertThat(time).hasSize(1_000);
    assertThat(o.getJsonArray("heartrate")).hasSize(1_000);
    assertThat(o.getJsonArray("latlng")).hasSize(1_000);
    assertThat(time.getInteger(0)).isZero();
    assertThat(time.getInteger(999)).isEqualTo(24_999);
    for (int k = 0; k < time.size(); k++) {
      int i = time.getInteger(k);
      Object hr = o.getJsonArray("heartrate").getValue(k);
      assertThat(hr).isEqualTo(i % 7 == 0 ? null : 100 + i % 50);
      assertThat(o.getJsonArray("latlng").getJsonArray(k).getDouble(0)).isEqualTo(46.0 + i * 1e-5);
    }
    assertThat(o.getString("note")).isEqualTo("kept");
  }

  @Test
  @DisplayName("Streams within the limit are served as stored")
  void shortStreamsUnchanged() {
    byte[] stored = streams(500);
    StreamSampler.Sampled s = StreamSampler.sample(stored, StreamSampler.MAX_POINTS);
    assertThat(s.points()).isEqualTo(500);
    assertThat(new JsonObject(s.json())).isEqualTo(new JsonObject(Gzip.untext(stored)));
  }
}
