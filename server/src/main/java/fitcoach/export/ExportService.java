package fitcoach.export;

import fitcoach.app.PrivateFiles;
import fitcoach.privacy.PrivacyZones;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything the athlete owns as one zip of JSON and CSV: profile, thresholds over time, data policy, privacy zones, wellness entries, the plan (planned workouts and events), activities
 * (with their raw source data and laps), streams, chats and weekly reports. Built page by page into a temporary file, so memory stays bounded by a page.
 */
public final class ExportService {
  private static final int PAGE = 500;
  private static final String ACTIVITY_COLUMNS = """
      id, source, external_id, sport_type, sport_family, name, description, notes, start_date, start_date_local, time_zone,
      moving_time_s, elapsed_time_s, distance_m, elevation_gain_m, avg_hr, max_hr, avg_power_w, weighted_power_w, device_watts,
      kilojoules, avg_cadence, avg_speed_mps, max_speed_mps, rpe, calories, trainer, commute, manual, summary_polyline,
      load, load_method, load_override, primary_activity_id, merge_choice, merge_reason, merged_at, legs, raw""";
  /** Each activity's laps travel inside its row ("laps", null without laps), so a restore writes them with it. */
  private static final String LAPS = """
      (SELECT jsonb_agg(to_jsonb(l) - 'activity_id' ORDER BY l.lap_index) FROM activity_laps l
       WHERE l.activity_id = activities.id) AS laps""";
  private static final String ACTIVITIES = "SELECT " + ACTIVITY_COLUMNS + ", " + LAPS
      + " FROM activities WHERE user_id = $1 AND id > $2 ORDER BY id LIMIT " + PAGE;
  private static final String STREAMS = """
      SELECT s.activity_id, s.resolution, s.point_count, s.stream_types, s.data
      FROM activity_streams s JOIN activities a ON a.id = s.activity_id
      WHERE a.user_id = $1 AND s.activity_id > $2 ORDER BY s.activity_id LIMIT 100""";
  /** Tells a restore what it is reading; bump the version when a file's meaning changes. */
  static final String FORMAT = "fitcoach-export";
  static final int VERSION = 1;
  private static final List<String> CSV_COLUMNS = List.of("id", "source", "sport_type", "name", "start_date", "start_date_local",
      "moving_time_s", "elapsed_time_s", "distance_m", "elevation_gain_m", "avg_hr", "max_hr", "avg_power_w", "weighted_power_w",
      "rpe", "calories", "load", "load_method");

  private final Vertx vertx;
  private final Pool pool;
  private final Path dir;

  public ExportService(Vertx vertx, Pool pool, Path dataDir) {
    this.vertx = vertx;
    this.pool = pool;
    this.dir = dataDir.resolve("exports");
  }

  /** Builds the full export (the athlete's lossless backup); the caller sends and then deletes the file. */
  public Future<Path> build(UUID userId) {
    return build(userId, PrivacyZones.NONE, false);
  }

  /**
   * Builds the export without the positions inside {@code zones}: null in the streams' latlng, dropped from routes and
   * from the raw source data. The zones themselves are left out too, since their centres would say what was hidden.
   */
  public Future<Path> buildHiding(UUID userId, PrivacyZones zones) {
    return build(userId, zones, true);
  }

  private Future<Path> build(UUID userId, PrivacyZones zones, boolean privacy) {
    // The zip holds everything the athlete owns: owner-only, in an owner-only folder.
    return vertx.executeBlocking(() -> PrivateFiles.tempFile(dir, "fitcoach-export-", ".zip"), false)
        .compose(file -> writeTo(userId, file, zones, privacy));
  }

  /**
   * Writes the full export into {@code file}, an existing empty file the caller made private (the nightly backup's
   * temporary file). On failure the file is deleted. The zip is closed, not synced: a caller that keeps it syncs it.
   */
  public Future<Path> writeTo(UUID userId, Path file) {
    return writeTo(userId, file, PrivacyZones.NONE, false);
  }

  private Future<Path> writeTo(UUID userId, Path file, PrivacyZones zones, boolean privacy) {
    return vertx.executeBlocking(() -> new Writer(file, dir), false).compose(w -> blocking(() -> w.entry("manifest.json", new JsonObject().put("format", FORMAT).put("version", VERSION)
            .put("exportedAt", java.time.Instant.now().toString()).put("privacy", privacy ? "on" : "off").encodePrettily()
            .getBytes(StandardCharsets.UTF_8)))
        .compose(v -> single(w, "profile.json", "SELECT * FROM athlete_profiles WHERE user_id = $1", userId))
        .compose(v -> single(w, "data-policy.json", "SELECT allow_strava_api, strava_api_acknowledged_at, strava_retention FROM data_policies WHERE user_id = $1", userId))
        .compose(v -> list(w, "chat-sessions.json", "SELECT id, title, created_at, updated_at FROM chat_sessions WHERE user_id = $1 ORDER BY created_at", userId))
        .compose(v -> list(w, "chat-messages.json", "SELECT id, session_id, role, content, status, model, provider, input_tokens, output_tokens, context_activity_ids, created_at, tool_calls FROM chat_messages WHERE user_id = $1 ORDER BY seq", userId))
        .compose(v -> list(w, "weekly-reports.json", "SELECT week_start, summary, metrics, status, model, input_tokens, output_tokens, context_activity_ids, generated_at, tool_calls FROM weekly_reports WHERE user_id = $1 ORDER BY week_start", userId))
        .compose(v -> list(w, "recommendations.json", "SELECT day, content, status, model, input_tokens, output_tokens, context_activity_ids, created_at, tool_calls FROM recommendations WHERE user_id = $1 ORDER BY day", userId))
        .compose(v -> list(w, "activity-insights.json", "SELECT activity_id, data_hash, content, status, model, input_tokens, output_tokens, created_at, context_activity_ids, tool_calls FROM activity_insights WHERE user_id = $1 ORDER BY activity_id", userId))
        .compose(v -> list(w, "threshold-history.json", "SELECT kind, valid_from, value, source, created_at, updated_at FROM threshold_history WHERE user_id = $1 ORDER BY kind, valid_from", userId))
        .compose(v -> list(w, "wellness.json", "SELECT day, sleep_hours, sleep_quality, soreness, stress, motivation, hrv_rmssd, resting_hr, weight_kg, note, illness, injury, source, updated_at FROM wellness WHERE user_id = $1 ORDER BY day", userId))
        .compose(v -> list(w, "planned-workouts.json", "SELECT id, day, sport, title, description, duration_s, distance_m, intensity_type, intensity_value, target_load, target_load_estimated, steps, link, activity_id, created_at, updated_at FROM planned_workouts WHERE user_id = $1 ORDER BY day, created_at, id", userId))
        .compose(v -> list(w, "planned-events.json", "SELECT id, day, name, sport, distance_m, priority, created_at, updated_at FROM planned_events WHERE user_id = $1 ORDER BY day, created_at, id", userId))
        .compose(v -> single(w, "load-settings.json", "SELECT ctl_days, atl_days, gain, seed_date, seed_ctl, seed_atl FROM load_settings WHERE user_id = $1", userId))
        .compose(v -> single(w, "ai-settings.json", "SELECT provider, model, fast_model FROM ai_settings WHERE user_id = $1", userId))
        .compose(v -> privacy ? Future.<Void>succeededFuture() : list(w, "privacy-zones.json", "SELECT id, name, lat, lon, radius_m, created_at, updated_at FROM privacy_zones WHERE user_id = $1 ORDER BY created_at, id", userId))
        .compose(v -> blocking(() -> w.begin("activities.json", "[")).compose(x -> blocking(() -> w.csvHeader())))
        .compose(v -> activities(w, userId, zones, new UUID(0, 0), true))
        .compose(v -> blocking(() -> w.end("]")))
        .compose(v -> streams(w, userId, zones, new UUID(0, 0), new io.vertx.core.json.JsonArray()))
        .compose(v -> blocking(w::close))
        .map(v -> w.file)
        .recover(err -> blocking(w::abort).compose(v -> Future.failedFuture(err))));
  }

  private Future<Void> activities(Writer w, UUID userId, PrivacyZones zones, UUID after, boolean first) {
    return pool.preparedQuery(ACTIVITIES).execute(Tuple.of(userId, after)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture();
      }
      UUID last = null;
      List<JsonObject> page = new java.util.ArrayList<>(rows.size());
      StringBuilder csv = new StringBuilder();
      for (Row r : rows) {
        page.add(r.toJson());
        csv.append(csvLine(r));
        last = r.getUUID("id");
      }
      UUID next = last;
      return blocking(() -> {
        StringBuilder json = new StringBuilder();
        boolean firstItem = first;
        for (JsonObject row : page) {
          json.append(firstItem ? "\n" : ",\n").append(hidePositions(row, zones).encode());
          firstItem = false;
        }
        w.append(json.toString(), csv.toString());
      }).compose(v -> rows.size() < PAGE ? Future.succeededFuture() : activities(w, userId, zones, next, false));
    });
  }

  /** An activity row without its positions inside {@code zones}: the route and the raw source data's. */
  private static JsonObject hidePositions(JsonObject row, PrivacyZones zones) {
    if (zones.isEmpty()) {
      return row;
    }
    row.put("summary_polyline", zones.polyline(row.getString("summary_polyline")));
    if (row.getValue("raw") instanceof JsonObject raw) {
      row.put("raw", zones.hideInRaw(raw));
    }
    return row;
  }

  /** Gzipped streams JSON with the positions inside {@code zones} set to null (other channels as they were). */
  private static byte[] hidePositions(byte[] gzipped, PrivacyZones zones) throws IOException {
    if (zones.isEmpty()) {
      return gzipped;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(gzipped.length);
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped), 64 * 1024);
         java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes, 64 * 1024)) {
      zones.hideInStreams(in, out);
    }
    return bytes.toByteArray();
  }

  /** Each stream as its own gzip entry, then streams.json: what each one holds (the index a restore reads). */
  private Future<Void> streams(Writer w, UUID userId, PrivacyZones zones, UUID after, io.vertx.core.json.JsonArray index) {
    return pool.preparedQuery(STREAMS).execute(Tuple.of(userId, after)).compose(rows -> {
      if (rows.size() == 0) {
        return blocking(() -> w.entry("streams.json", index.encode().getBytes(StandardCharsets.UTF_8)));
      }
      UUID last = null;
      for (Row r : rows) {
        last = r.getUUID("activity_id");
        if (r.getBuffer("data") != null) {
          index.add(new JsonObject().put("activity_id", last.toString()).put("resolution", r.getString("resolution"))
              .put("point_count", r.getInteger("point_count"))
              .put("stream_types", new io.vertx.core.json.JsonArray(java.util.Arrays.asList(r.getArrayOfStrings("stream_types")))));
        }
      }
      UUID next = last;
      return blocking(() -> {
        for (Row r : rows) {
          if (r.getBuffer("data") != null) {
            w.entry("streams/" + r.getUUID("activity_id") + ".json.gz", hidePositions(r.getBuffer("data").getBytes(), zones));
          }
        }
      }).compose(v -> rows.size() < 100 ? blocking(() -> w.entry("streams.json", index.encode().getBytes(StandardCharsets.UTF_8)))
          : streams(w, userId, zones, next, index));
    });
  }

  private Future<Void> single(Writer w, String name, String sql, UUID userId) {
    return pool.preparedQuery(sql).execute(Tuple.of(userId)).compose(rows -> blocking(() ->
        w.entry(name, (rows.size() == 0 ? new JsonObject() : rows.iterator().next().toJson()).encodePrettily().getBytes(StandardCharsets.UTF_8))));
  }

  private Future<Void> list(Writer w, String name, String sql, UUID userId) {
    return pool.preparedQuery(sql).execute(Tuple.of(userId)).compose(rows -> blocking(() -> w.entry(name, array(rows))));
  }

  private static byte[] array(RowSet<Row> rows) {
    io.vertx.core.json.JsonArray a = new io.vertx.core.json.JsonArray();
    rows.forEach(r -> a.add(r.toJson()));
    return a.encodePrettily().getBytes(StandardCharsets.UTF_8);
  }

  private static String csvLine(Row r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < CSV_COLUMNS.size(); i++) {
      Object v = r.getValue(CSV_COLUMNS.get(i));
      String s = v == null ? "" : v.toString();
      sb.append(i == 0 ? "" : ",").append(s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
    }
    return sb.append('\n').toString();
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private Future<Void> blocking(IoAction action) {
    return vertx.<Void>executeBlocking(() -> {
      action.run();
      return null;
    }, true);
  }

  /** The zip being written: activities.json and activities.csv grow page by page (the CSV is kept until the end). */
  private static final class Writer {
    final Path file;
    final ZipOutputStream zip;
    final Path csv;

    /** The CSV is gathered in {@code scratch} (exports/), never beside a zip that is written elsewhere. */
    Writer(Path file, Path scratch) throws IOException {
      this.file = file;
      this.zip = new ZipOutputStream(Files.newOutputStream(file));
      this.csv = PrivateFiles.tempFile(scratch, "activities-", ".csv");
    }

    void entry(String name, byte[] bytes) throws IOException {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(bytes);
      zip.closeEntry();
    }

    void begin(String name, String text) throws IOException {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(text.getBytes(StandardCharsets.UTF_8));
    }

    void csvHeader() throws IOException {
      Files.writeString(csv, String.join(",", CSV_COLUMNS) + "\n");
    }

    void append(String json, String csvRows) throws IOException {
      zip.write(json.getBytes(StandardCharsets.UTF_8));
      Files.writeString(csv, csvRows, java.nio.file.StandardOpenOption.APPEND);
    }

    void end(String text) throws IOException {
      zip.write(("\n" + text + "\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      entry("activities.csv", Files.readAllBytes(csv));
      Files.deleteIfExists(csv);
    }

    void close() throws IOException {
      zip.close();
    }

    void abort() throws IOException {
      try {
        zip.close();
      } finally {
        Files.deleteIfExists(csv);
        Files.deleteIfExists(file);
      }
    }
  }
}
