package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamJsonTest {

  @Test
  @DisplayName("Streams become valid JSON with fixed decimals per channel, nulls for missing samples and only the channels present")
  void encodes() {
    double nan = Double.NaN;
    Streams s = new Streams(new int[] {0, 1, 2}, new double[] {46.0512345678, nan, -0.5}, new double[] {14.5, nan, 120.25},
        new double[] {300.04, 300.06, -12.5}, new double[] {140, nan, 141}, null, new double[] {3.14159, 0.0005, 10},
        new double[] {nan, nan, nan}, new double[] {0, 1.25, 2.5});
    StreamJson.Encoded e = StreamJson.encode(s);
    JsonObject json = new JsonObject(e.json());
    assertThat(e.types()).containsExactly("time", "heartrate", "altitude", "velocity_smooth", "distance", "latlng");
    assertThat(e.points()).isEqualTo(3);
    assertThat(json.getJsonArray("time").getList()).containsExactly(0, 1, 2);
    assertThat(json.getJsonArray("heartrate").getList()).containsExactly(140, null, 141);
    assertThat(json.getJsonArray("altitude").encode()).isEqualTo("[300,300.1,-12.5]");
    assertThat(json.getJsonArray("velocity_smooth").encode()).isEqualTo("[3.142,0.001,10]");
    assertThat(json.getJsonArray("latlng").encode()).isEqualTo("[[46.051235,14.5],null,[-0.5,120.25]]");
    assertThat(json.containsKey("watts")).isFalse();
    assertThat(json.containsKey("cadence")).isFalse();
    assertThat(fitcoach.app.Gzip.untext(e.gzipped())).isEqualTo(e.json());
    assertThat(StreamJson.encode(new Streams(new int[0], null, null, null, null, null, null, null, null))).isNull();
  }

  @Test
  @DisplayName("Fixed-decimal formatting handles negatives below one, rounding up to the next whole number, and zero")
  void fixedDecimals() {
    StringBuilder sb = new StringBuilder();
    StreamJson.fixed(sb, -0.06, 1);
    sb.append(' ');
    StreamJson.fixed(sb, 9.99, 1);
    sb.append(' ');
    StreamJson.fixed(sb, 0, 3);
    sb.append(' ');
    StreamJson.fixed(sb, 1.007, 2);
    assertThat(sb.toString()).isEqualTo("-0.1 10 0 1.01");
  }
}
