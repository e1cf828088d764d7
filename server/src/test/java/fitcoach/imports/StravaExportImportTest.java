package fitcoach.imports;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StravaExportImportTest extends ApiTest {
  private final Instant start = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

  @BeforeEach
  void signIn() {
    signedIn();
  }

  private static byte[] zip(String[][] entries) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String[] e : entries) {
        zip.putNextEntry(new ZipEntry(e[0]));
        zip.write(e[1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private int upload(String name, byte[] content) throws Exception {
    String boundary = "----export" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
        + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/imports"))
        .header("Cookie", client.cookie()).header("Origin", "http://127.0.0.1:" + app.port())
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private JsonObject awaitDone() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      var r = client.get("/api/imports/latest");
      if (r.status() == 200 && !"null".equals(r.body()) && "done".equals(r.json().getString("state"))) {
        return r.json();
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("Import not done in 30 s");
  }

  @Test
  @DisplayName("A Strava export imports its activity files with the names, descriptions and RPE of activities.csv, and its file-less rows")
  void importsExport() throws Exception {
    String csv = "\uFEFFActivity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
        + "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Perceived Exertion\n"
        + "111,\"Oct 7, 2020, 2:43:11 PM\",Evening run,Run,\"Felt good, \"\"easy\"\"\nsecond line\",1800,5.0,,,false,,Pegasus 41,"
        + "activities/222.gpx,6\n"
        + "333,\"Oct 8, 2020, 2:43:11 PM\",Manual swim,Swim,,1200,1.0,,,false,,,,\n";
    byte[] export = zip(new String[][] {{"activities.csv", csv}, {"activities/222.gpx", ImportRoutesTest.gpx(start, 30)},
        {"profile.csv", "x"}});
    assertThat(upload("export_12345.zip", export)).isEqualTo(202);
    JsonObject job = awaitDone();
    assertThat(job.getInteger("activitiesNew")).isEqualTo(2);
    JsonObject swim = client.get("/api/activities?sport=swim").jsonArray("items").getJsonObject(0);
    assertThat(swim.getString("name")).isEqualTo("Manual swim");
    assertThat(swim.getString("startDate")).isEqualTo("2020-10-08T14:43:11Z");
    assertThat(swim.getInteger("elapsedTimeS")).isEqualTo(1200);
    JsonObject a = client.get("/api/activities?sport=run").jsonArray("items").getJsonObject(0);
    assertThat(a.getString("source")).isEqualTo("strava_export");
    assertThat(a.getString("name")).isEqualTo("Evening run");
    assertThat(a.getInteger("rpe")).isEqualTo(6);
    JsonObject detail = client.get("/api/activities/" + a.getString("id")).json();
    assertThat(detail.getString("description")).isEqualTo("Felt good, \"easy\"\nsecond line");
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE external_id = '111'")).isEqualTo(1);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities WHERE external_id = '111' AND raw->>'gear' = 'Pegasus 41'"))
        .isEqualTo(1);

    assertThat(upload("export_again.zip", export)).isEqualTo(202);
    assertThat(awaitDone().getInteger("activitiesKnown")).isEqualTo(2);
    assertThat(TestDatabase.count("SELECT count(*) FROM activities")).isEqualTo(2);
  }

  @Test
  @DisplayName("An export's files are imported and reported in the order of its activities.csv")
  void keepsExportOrder() throws Exception {
    StringBuilder csv = new StringBuilder("Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
        + "Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename\n");
    String[][] entries = new String[6][];
    for (int i = 0; i < 5; i++) {
      csv.append(500 + i).append(",,Run ").append(i).append(",Run,,600,1.0,,,false,,,activities/").append(900 - i).append(".gpx\n");
      entries[i + 1] = new String[] {"activities/" + (900 - i) + ".gpx", ImportRoutesTest.gpx(start.minus(i, ChronoUnit.DAYS), 10)};
    }
    entries[0] = new String[] {"activities.csv", csv.toString()};
    assertThat(upload("export_order.zip", zip(entries))).isEqualTo(202);
    JsonObject job = awaitDone();
    assertThat(job.getInteger("activitiesNew")).isEqualTo(5);
    assertThat(job.getJsonArray("fileResults").stream().map(f -> ((JsonObject) f).getString("name")).toList())
        .containsExactly("export_order.zip", "900.gpx", "899.gpx", "898.gpx", "897.gpx", "896.gpx");
  }

  @Test
  @DisplayName("Archives with traversal paths, without activities.csv, or that inflate like a bomb fail with a reason; nothing is written")
  void hostileArchives() throws Exception {
    assertThat(upload("evil.zip", zip(new String[][] {{"activities.csv", "Activity ID\n"}, {"../../etc/cron.d/x", "boom"}})))
        .isEqualTo(202);
    JsonObject job = awaitDone();
    assertThat(job.getJsonArray("fileResults").getJsonObject(0).getString("error")).contains("unsafe path");

    assertThat(upload("photos.zip", zip(new String[][] {{"a.jpg", "x"}}))).isEqualTo(202);
    assertThat(awaitDone().getJsonArray("fileResults").getJsonObject(0).getString("error")).contains("not a Strava export");

    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
      zip.putNextEntry(new ZipEntry("activities.csv"));
      zip.write(("Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,a,b,c,d,e,f,g,Filename\n"
          + "1,x,y,Run,,,,,,,,,activities/1.gpx\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("activities/1.gpx"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 40; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertThat(upload("bomb.zip", bomb.toByteArray())).isEqualTo(202);
    assertThat(awaitDone().getJsonArray("fileResults").getJsonObject(0).getString("error")).contains("inflates suspiciously");
    assertThat(TestDatabase.count("SELECT count(*) FROM activities")).isZero();
  }
}
