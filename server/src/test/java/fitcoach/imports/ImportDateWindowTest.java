package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fitcoach.testing.ApiTest;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A file whose activity starts outside the DateWindow (a device clock gone wrong) fails alone, with a reason. */
class ImportDateWindowTest extends ApiTest {

  @Test
  @DisplayName("Parsing a GPX stamped 9999 or 1900 is refused with a message naming the date and the accepted range")
  void parserRefusesDatesOutsideTheWindow() {
    for (String start : new String[] {"9999-01-01T08:00:00Z", "1900-06-01T08:00:00Z"}) {
      byte[] file = ImportRoutesTest.gpx(Instant.parse(start), 10).getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> ActivityFileParser.parseFile("clock.gpx", new ByteArrayInputStream(file)))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining(start.substring(0, 10))
          .hasMessageContaining("1970-01-01");
    }
  }

  @Test
  @DisplayName("In one upload the year-9999 GPX fails with its reason and the good file is imported")
  void uploadKeepsTheGoodFile() {
    signedIn();
    Instant recent = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    var r = client.upload("/api/imports", "files", Map.of(
        "future.gpx", ImportRoutesTest.gpx(Instant.parse("9999-01-01T08:00:00Z"), 30).getBytes(StandardCharsets.UTF_8),
        "good.gpx", ImportRoutesTest.gpx(recent, 30).getBytes(StandardCharsets.UTF_8)));
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    ImportRoutesTest.await(() -> "done".equals(client.get("/api/imports/latest").json().getString("state")));
    JsonObject job = client.get("/api/imports/latest").json();
    assertThat(job.getInteger("filesDone")).isEqualTo(1);
    assertThat(job.getInteger("filesFailed")).isEqualTo(1);
    assertThat(job.getJsonArray("fileResults")).anySatisfy(o -> {
      JsonObject f = (JsonObject) o;
      assertThat(f.getString("name")).isEqualTo("future.gpx");
      assertThat(f.getString("state")).isEqualTo("failed");
      assertThat(f.getString("error")).contains("9999-01-01").contains("outside the dates FitCoach accepts");
    });
    var list = client.get("/api/activities").json();
    assertThat(list.getLong("total")).isEqualTo(1);
    assertThat(list.getJsonArray("items").getJsonObject(0).getString("startDate")).startsWith(recent.toString().substring(0, 10));
  }
}
