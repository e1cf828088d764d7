package fitcoach.wellness;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.testing.ApiTest;
import fitcoach.testing.TestClient;
import fitcoach.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POST /api/wellness/import: a CSV of days merged into the stored entries; bad rows fail alone. */
class WellnessImportTest extends ApiTest {

  private TestClient.Response csv(String text) {
    return client.send("POST", WellnessRoutes.IMPORT_PATH, text, "text/csv");
  }

  private JsonObject day(String date) {
    JsonArray days = client.get("/api/wellness?from=" + date + "&to=" + date).jsonArray("days");
    return days.isEmpty() ? null : days.getJsonObject(0);
  }

  private static long stored() {
    return TestDatabase.count("SELECT count(*) FROM wellness");
  }

  @Test
  @DisplayName("Common column names are recognised (HRV app, Garmin and Oura style), units converted, unknown columns reported")
  void goodColumns() {
    signedIn();
    var r = csv("""
        Date,rMSSD,HRV,Resting HR,Sleep duration,sleep_quality,Soreness,Stress,Motivation,Weight (lb),Notes,Sick,Injured,Steps
        2026-11-01,62.5,55,48,7:30,4,2,3,5,154.3,"Easy, slept \"\"well\"\"",no,0,10234
        2026-11-02,58,60,49.5,6.25,3,,,4,,,yes,n,9000
        """);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject result = r.json();
    assertThat(result.getInteger("rows")).isEqualTo(2);
    assertThat(result.getInteger("days")).isEqualTo(2);
    assertThat(result.getInteger("errorCount")).isZero();
    assertThat(result.getJsonArray("unknownColumns")).containsExactly("Steps");
    // rMSSD by name wins over a bare HRV column, which is reported as not used.
    JsonArray ignored = result.getJsonArray("ignoredColumns");
    assertThat(ignored).hasSize(1);
    assertThat(ignored.getJsonObject(0).getString("column")).isEqualTo("HRV");
    JsonObject columns = result.getJsonObject("columns");
    assertThat(columns.getString("rMSSD")).isEqualTo("hrvRmssd");
    assertThat(columns.getString("Resting HR")).isEqualTo("restingHr");
    assertThat(columns.getString("Sleep duration")).isEqualTo("sleepHours");
    assertThat(columns.getString("Weight (lb)")).isEqualTo("weightKg");
    assertThat(columns.getString("Date")).isEqualTo("date");

    JsonObject first = day("2026-11-01");
    assertThat(first.getDouble("hrvRmssd")).isEqualTo(62.5);
    assertThat(first.getDouble("restingHr")).isEqualTo(48.0);
    assertThat(first.getDouble("sleepHours")).isEqualTo(7.5);
    assertThat(first.getInteger("sleepQuality")).isEqualTo(4);
    assertThat(first.getInteger("soreness")).isEqualTo(2);
    assertThat(first.getInteger("stress")).isEqualTo(3);
    assertThat(first.getInteger("motivation")).isEqualTo(5);
    assertThat(first.getDouble("weightKg")).isEqualTo(69.99); // 154.3 lb
    assertThat(first.getString("note")).isEqualTo("Easy, slept \"well\"");
    assertThat(first.getBoolean("illness")).isFalse();
    assertThat(first.getBoolean("injury")).isFalse();
    assertThat(first.getString("source")).isEqualTo("csv");
    JsonObject second = day("2026-11-02");
    assertThat(second.getDouble("hrvRmssd")).isEqualTo(58.0);
    assertThat(second.getDouble("restingHr")).isEqualTo(49.5);
    assertThat(second.getDouble("sleepHours")).isEqualTo(6.25);
    assertThat(second.getValue("soreness")).isNull();
    assertThat(second.getBoolean("illness")).isTrue();
  }

  @Test
  @DisplayName("Each bad row fails alone with its line number, column and reason; the good rows are stored")
  void badRows() {
    signedIn();
    var r = csv("""
        date,hrv,rhr,sleep_hours,soreness,note
        2026-11-01,60,50,8,2,fine
        2026-11-02,4,50,8,2,HRV below 5 ms
        2026-13-01,60,50,8,2,no such month
        not a date,60,50,8,2,
        2026-11-05,60,50,8,2.5,half a score
        2026-11-06,60,50,25,2,too much sleep
        2026-11-07,60,abc,8,2,letters
        2026-11-08,60,50,8,2,"a note
        over two lines",extra cell
        ,60,50,8,2,no date

        2026-11-09,,,,,
        2026-11-10,61,51,7,3,"last, and good"
        """);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject result = r.json();
    assertThat(result.getInteger("rows")).isEqualTo(11);
    assertThat(result.getInteger("days")).isEqualTo(2);
    assertThat(result.getInteger("skipped")).isEqualTo(1);
    assertThat(result.getInteger("errorCount")).isEqualTo(8);
    JsonArray errors = result.getJsonArray("errors");
    assertThat(errors.stream().map(e -> ((JsonObject) e).getInteger("line")).toList())
        .containsExactly(3, 4, 5, 6, 7, 8, 9, 11);
    assertThat(errors.getJsonObject(0).getString("column")).isEqualTo("hrv");
    assertThat(errors.getJsonObject(0).getString("message")).contains("between 5 and 300 ms");
    assertThat(errors.getJsonObject(1).getString("column")).isEqualTo("date");
    assertThat(errors.getJsonObject(3).getString("column")).isEqualTo("soreness");
    assertThat(errors.getJsonObject(4).getString("column")).isEqualTo("sleep_hours");
    assertThat(errors.getJsonObject(5).getString("column")).isEqualTo("rhr");
    assertThat(errors.getJsonObject(6).getString("message")).contains("7 cells");
    assertThat(errors.getJsonObject(7).getString("message")).contains("no date");
    assertThat(stored()).isEqualTo(2);
    assertThat(day("2026-11-01").getString("note")).isEqualTo("fine");
    assertThat(day("2026-11-10").getString("note")).isEqualTo("last, and good");
  }

  @Test
  @DisplayName("Imported rows merge into stored days: fields the CSV does not carry, or leaves empty, keep their values")
  void mergesWithoutLoss() {
    signedIn();
    client.put("/api/wellness/2026-11-01", new JsonObject().put("sleepHours", 7).put("note", "typed by hand").put("soreness", 4));
    var r = csv("date,rMSSD,sleep,soreness\n2026-11-01,65,,2\n2026-11-01,66,,\n2026-11-02,70,8,\n");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getInteger("days")).isEqualTo(2);
    JsonObject merged = day("2026-11-01");
    // Later rows for the same day win for the cells they fill.
    assertThat(merged.getDouble("hrvRmssd")).isEqualTo(66.0);
    assertThat(merged.getDouble("sleepHours")).isEqualTo(7.0);
    assertThat(merged.getString("note")).isEqualTo("typed by hand");
    assertThat(merged.getInteger("soreness")).isEqualTo(2);
    assertThat(day("2026-11-02").getDouble("sleepHours")).isEqualTo(8.0);
  }

  @Test
  @DisplayName("Semicolons with decimal commas, tabs, a byte-order mark, CRLF and minutes or seconds columns are read")
  void formats() {
    signedIn();
    var semicolons = csv("\uFEFFDatum;Date;RHR;Weight\r\nx;2026-11-01;48,5;70,2\r\n");
    assertThat(semicolons.status()).as(semicolons.toString()).isEqualTo(200);
    assertThat(semicolons.json().getJsonArray("unknownColumns")).containsExactly("Datum");
    assertThat(day("2026-11-01").getDouble("restingHr")).isEqualTo(48.5);
    assertThat(day("2026-11-01").getDouble("weightKg")).isEqualTo(70.2);
    var tabs = csv("date\tsleep_minutes\n2026-11-02\t450\n2026-11-03T06:30:00\t390\n");
    assertThat(tabs.json().getInteger("days")).as(tabs.toString()).isEqualTo(2);
    assertThat(day("2026-11-02").getDouble("sleepHours")).isEqualTo(7.5);
    assertThat(day("2026-11-03").getDouble("sleepHours")).isEqualTo(6.5);
    csv("date,sleep_seconds\n2026-11-04,27000\n");
    assertThat(day("2026-11-04").getDouble("sleepHours")).isEqualTo(7.5);
  }

  @Test
  @DisplayName("A file that cannot be read at all is refused whole and stores nothing: no date column, empty, not UTF-8, wrong type, too large")
  void refusedWhole() {
    signedIn();
    var noDate = csv("day_of_week,rmssd\nMonday,60\n");
    assertThat(noDate.status()).isEqualTo(422);
    assertThat(noDate.errorField()).isEqualTo("date");
    assertThat(noDate.errorCode()).isEqualTo("no_date_column");
    assertThat(csv("").status()).isEqualTo(422);
    assertThat(csv("\n\n").status()).isEqualTo(422);
    var json = client.send("POST", WellnessRoutes.IMPORT_PATH, "date,rmssd\n2026-11-01,60\n", "application/json");
    assertThat(json.status()).isEqualTo(415);
    assertThat(client.send("POST", WellnessRoutes.IMPORT_PATH, "date,rmssd\n2026-11-01,60\n", null).status()).isEqualTo(415);
    StringBuilder many = new StringBuilder("date,rmssd\n");
    for (int i = 0; i <= WellnessCsv.MAX_ROWS; i++) {
      many.append("2020-01-01,60\n");
    }
    var tooMany = csv(many.toString());
    assertThat(tooMany.status()).isEqualTo(413);
    assertThat(tooMany.errorCode()).isEqualTo("too_many_rows");
    var huge = csv("date,note\n2026-11-01," + "x".repeat(1024 * 1024) + "\n");
    assertThat(huge.status()).isEqualTo(413);
    StringBuilder wide = new StringBuilder("date");
    for (int i = 0; i < WellnessCsv.MAX_COLUMNS; i++) {
      wide.append(",c").append(i);
    }
    assertThat(csv(wide + "\n2026-11-01" + "\n").errorCode()).isEqualTo("too_many_columns");
    assertThat(stored()).isZero();
  }

  @Test
  @DisplayName("Bytes that are not UTF-8 are a 400; a NUL in a cell fails only its row; dates outside the window fail their row")
  void hostileBytes() throws Exception {
    signedIn();
    var http = java.net.http.HttpClient.newHttpClient();
    byte[] latin1 = "date,note\n2026-11-01,caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + WellnessRoutes.IMPORT_PATH))
        .header("Content-Type", "text/csv").header("Origin", client.base()).header("Cookie", client.cookie())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin1)).build();
    var notUtf8 = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(notUtf8.statusCode()).isEqualTo(400);
    assertThat(stored()).isZero();
    var r = csv("date,note,rmssd\n2026-11-01,a\u0000b,60\n0000-01-01,,60\n9999-12-31,,60\n2026-11-02,ok,61\n");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getInteger("errorCount")).isEqualTo(3);
    assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("message")).contains("NUL");
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  @DisplayName("The import needs the session: 401 signed out")
  void needsSession() {
    assertThat(csv("date,rmssd\n2026-11-01,60\n").status()).isEqualTo(401);
    assertThat(stored()).isZero();
  }
}
