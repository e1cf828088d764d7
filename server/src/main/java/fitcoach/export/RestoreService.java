package fitcoach.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import fitcoach.activities.ActivityStore;
import fitcoach.app.ApiException;
import fitcoach.app.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a FitCoach export ({@code GET /api/export}) into an account that holds no data yet, e.g. on a new machine.
 * The zip is read on worker threads: activities.json a page at a time, streams one entry at a time, so memory stays
 * bounded whatever the archive's size. Loads and the chart are recomputed at the end, by the engine of this version.
 */
public final class RestoreService {
  private static final Logger LOG = LoggerFactory.getLogger(RestoreService.class);
  private static final int PAGE = 500;
  private static final int STREAM_BATCH = 20;
  /** Small files (profile, chats, reports) are read whole; anything bigger than this is not from FitCoach. */
  private static final long MAX_SMALL_ENTRY = 64L * 1024 * 1024;
  private static final long MAX_STREAM_ENTRY = 64L * 1024 * 1024;

  private final Vertx vertx;
  private final Pool pool;
  private final ActivityStore store;

  public RestoreService(Vertx vertx, Pool pool, ActivityStore store) {
    this.vertx = vertx;
    this.pool = pool;
    this.store = store;
  }

  public Future<RestoreResult> restore(UUID userId, Path zipFile) {
    long t0 = System.nanoTime();
    return pool.preparedQuery(RestoreSql.HAS_DATA).execute(Tuple.of(userId)).compose(rows -> {
      if (rows.iterator().next().getBoolean("has_data")) {
        return Future.failedFuture(ApiException.conflict("not_empty", "A FitCoach export can only be restored into an account "
            + "with no activities, chats or reports yet, so nothing is duplicated or overwritten."));
      }
      return blocking(() -> Archive.open(zipFile));
    }).compose(archive -> store.write(userId, w -> run(w, userId, archive)).compose(ActivityStore.Stored::whenSettled)
        .eventually(() -> blocking(() -> {
          archive.close();
          return null;
        }))
        .map(counts -> {
          long ms = (System.nanoTime() - t0) / 1_000_000;
          LOG.info("Restored an export for user {}: {} activities, {} streams in {} ms", userId, counts[0], counts[1], ms);
          return new RestoreResult(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8], counts[9],
              counts[10], ms);
        }));
  }

  /**
   * All in one transaction: a restore that fails part way leaves the account as empty as it was. Copies of the same
   * workout are grouped again by the store once everything is in, so they count once whatever the export says.
   */
  private Future<int[]> run(ActivityStore.Writer w, UUID userId, Archive archive) {
    SqlClient db = w.connection();
    int[] counts = new int[11];
    return single(db, userId, archive, "profile.json", RestoreSql.PROFILE)
        .compose(v -> single(db, userId, archive, "data-policy.json", RestoreSql.DATA_POLICY))
        .compose(v -> single(db, userId, archive, "load-settings.json", RestoreSql.LOAD_SETTINGS))
        .compose(v -> single(db, userId, archive, "ai-settings.json", RestoreSql.AI_SETTINGS))
        .compose(v -> activities(w, archive, counts))
        .compose(v -> thresholds(db, userId, archive))
        .compose(v -> streams(w, userId, archive, counts))
        .compose(v -> list(db, userId, archive, "chat-sessions.json", RestoreSql.CHAT_SESSIONS).map(n -> counts[2] = n))
        .compose(v -> list(db, userId, archive, "chat-messages.json", RestoreSql.CHAT_MESSAGES).map(n -> counts[3] = n))
        .compose(v -> list(db, userId, archive, "weekly-reports.json", RestoreSql.WEEKLY_REPORTS).map(n -> counts[4] = n))
        .compose(v -> list(db, userId, archive, "recommendations.json", RestoreSql.RECOMMENDATIONS).map(n -> counts[5] = n))
        .compose(v -> list(db, userId, archive, "activity-insights.json", RestoreSql.INSIGHTS).map(n -> counts[6] = n))
        .compose(v -> list(db, userId, archive, "wellness.json", RestoreSql.WELLNESS).map(n -> counts[7] = n))
        .compose(v -> list(db, userId, archive, "planned-workouts.json", RestoreSql.PLANNED_WORKOUTS).map(n -> counts[8] = n))
        .compose(v -> list(db, userId, archive, "planned-events.json", RestoreSql.PLANNED_EVENTS).map(n -> counts[9] = n))
        .compose(v -> list(db, userId, archive, "privacy-zones.json", RestoreSql.PRIVACY_ZONES).map(n -> counts[10] = n))
        .map(v -> counts);
  }

  /** After the activities: an old export's single profile values start at the first activity's day. */
  private Future<Void> thresholds(SqlClient db, UUID userId, Archive archive) {
    return blocking(() -> archive.small("threshold-history.json")).compose(json -> json == null
        ? single(db, userId, archive, "profile.json", RestoreSql.THRESHOLDS_FROM_OLD_PROFILE)
        : db.preparedQuery(RestoreSql.THRESHOLD_HISTORY).execute(Tuple.of(userId, array(json, "threshold-history.json"))).mapEmpty());
  }

  private Future<Void> single(SqlClient db, UUID userId, Archive archive, String name, String sql) {
    return blocking(() -> archive.small(name)).compose(json -> json == null || json.isBlank() || json.trim().equals("{}")
        ? Future.succeededFuture()
        : db.preparedQuery(sql).execute(Tuple.of(userId, object(json, name))).mapEmpty());
  }

  private Future<Integer> list(SqlClient db, UUID userId, Archive archive, String name, String sql) {
    return blocking(() -> archive.small(name)).compose(json -> json == null
        ? Future.succeededFuture(0)
        : db.preparedQuery(sql).execute(Tuple.of(userId, array(json, name))).map(rows -> rows.rowCount()));
  }

  /** Page by page; which copies are merged is decided again once all are in. */
  private Future<Void> activities(ActivityStore.Writer w, Archive archive, int[] counts) {
    return blocking(() -> archive.nextActivities(PAGE, new ArrayList<>(), new ArrayList<>())).compose(page -> page == null
        ? Future.succeededFuture()
        : w.restoreActivities(page).compose(n -> {
          counts[0] += n;
          return activities(w, archive, counts);
        }));
  }

  private Future<Void> streams(ActivityStore.Writer w, UUID userId, Archive archive, int[] counts) {
    return blocking(() -> archive.nextStreams(STREAM_BATCH)).compose(batch -> {
      if (batch == null) {
        return Future.succeededFuture();
      }
      List<Tuple> tuples = new ArrayList<>();
      for (StreamRow s : batch) {
        tuples.add(Tuple.of(s.activityId(), s.resolution(), s.pointCount(), Buffer.buffer(s.data()), s.types()));
      }
      return w.restoreStreams(tuples).compose(n -> {
        counts[1] += n;
        return streams(w, userId, archive, counts);
      });
    });
  }

  private static JsonObject object(String json, String name) {
    try {
      return new JsonObject(json);
    } catch (RuntimeException e) {
      throw invalid(name + " is not a JSON object");
    }
  }

  private static JsonArray array(String json, String name) {
    try {
      return new JsonArray(json);
    } catch (RuntimeException e) {
      throw invalid(name + " is not a JSON array");
    }
  }

  static ApiException invalid(String why) {
    return new ApiException(422, "not_a_fitcoach_export", "This is not a FitCoach export that can be restored: " + why, "file",
        null);
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(work, true);
  }

  record StreamRow(UUID activityId, String resolution, int pointCount, byte[] data, String[] types) {
  }

  /** The open zip and where the readers are in it. Used by one worker task at a time (ordered executeBlocking). */
  private static final class Archive implements AutoCloseable {
    private final ZipFile zip;
    private JsonParser activities;
    private boolean activitiesDone;
    private final List<JsonObject> streamIndex = new ArrayList<>();
    private int streamPosition = -1;

    private Archive(ZipFile zip) {
      this.zip = zip;
    }

    static Archive open(Path file) {
      ZipFile zip;
      try {
        zip = new ZipFile(file.toFile());
      } catch (ZipException e) {
        throw invalid("the file is not a zip");
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the uploaded export", e);
      }
      Archive archive = new Archive(zip);
      String manifest = archive.small("manifest.json");
      if (manifest != null) {
        JsonObject m = object(manifest, "manifest.json");
        if (!ExportService.FORMAT.equals(m.getString("format"))) {
          archive.close();
          throw invalid("its manifest names another format");
        }
        if (m.getInteger("version", 0) > ExportService.VERSION) {
          archive.close();
          throw invalid("it was made by a newer FitCoach (format version " + m.getInteger("version") + "); update first");
        }
      } else if (zip.getEntry("activities.json") == null || zip.getEntry("profile.json") == null) {
        archive.close();
        throw invalid("it has no manifest.json, activities.json or profile.json");
      }
      return archive;
    }

    String small(String name) {
      ZipEntry e = zip.getEntry(name);
      if (e == null) {
        return null;
      }
      try (InputStream in = zip.getInputStream(e)) {
        byte[] bytes = in.readNBytes((int) MAX_SMALL_ENTRY + 1);
        if (bytes.length > MAX_SMALL_ENTRY) {
          throw invalid(name + " is too large");
        }
        return new String(bytes, StandardCharsets.UTF_8);
      } catch (IOException ex) {
        throw invalid(name + " cannot be read (" + ex.getMessage() + ")");
      }
    }

    /** The next page of activities as a JSON array, or null when there are no more. */
    JsonArray nextActivities(int page, List<UUID> secondaries, List<UUID> primaries) throws IOException {
      if (activitiesDone) {
        return null;
      }
      if (activities == null) {
        ZipEntry e = zip.getEntry("activities.json");
        if (e == null) {
          activitiesDone = true;
          return null;
        }
        activities = Json.MAPPER.getFactory().createParser(zip.getInputStream(e));
        if (activities.nextToken() != JsonToken.START_ARRAY) {
          throw invalid("activities.json is not a JSON array");
        }
      }
      JsonArray out = new JsonArray();
      try {
        while (out.size() < page) {
          JsonToken t = activities.nextToken();
          if (t == JsonToken.END_ARRAY || t == null) {
            activitiesDone = true;
            activities.close();
            break;
          }
          JsonNode node = Json.MAPPER.readTree(activities);
          if (!node.isObject() || !node.hasNonNull("id")) {
            throw invalid("an activity has no id");
          }
          if (node.hasNonNull("primary_activity_id")) {
            secondaries.add(UUID.fromString(node.get("id").asText()));
            primaries.add(UUID.fromString(node.get("primary_activity_id").asText()));
          }
          out.add(new JsonObject(Json.MAPPER.writeValueAsString(node)));
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
        throw invalid("activities.json is malformed (" + e.getMessage() + ")");
      }
      return out.isEmpty() ? null : out;
    }

    /** The next few streams with their bytes, or null when there are no more. */
    List<StreamRow> nextStreams(int batch) {
      if (streamPosition < 0) {
        streamPosition = 0;
        String index = small("streams.json");
        if (index != null) {
          array(index, "streams.json").forEach(o -> streamIndex.add((JsonObject) o));
        }
      }
      List<StreamRow> rows = new ArrayList<>();
      while (rows.size() < batch && streamPosition < streamIndex.size()) {
        JsonObject s = streamIndex.get(streamPosition++);
        UUID id;
        try {
          id = UUID.fromString(s.getString("activity_id"));
        } catch (RuntimeException e) {
          throw invalid("streams.json names an activity without a valid id");
        }
        ZipEntry e = zip.getEntry("streams/" + id + ".json.gz");
        if (e == null) {
          continue;
        }
        try (InputStream in = zip.getInputStream(e)) {
          byte[] data = in.readNBytes((int) MAX_STREAM_ENTRY + 1);
          if (data.length > MAX_STREAM_ENTRY) {
            throw invalid("the streams of activity " + id + " are too large");
          }
          JsonArray types = s.getJsonArray("stream_types", new JsonArray());
          rows.add(new StreamRow(id, s.getString("resolution", "full"), s.getInteger("point_count", 0), data,
              types.stream().map(String::valueOf).toArray(String[]::new)));
        } catch (IOException ex) {
          throw invalid("the streams of activity " + id + " cannot be read");
        }
      }
      return rows.isEmpty() ? null : rows;
    }

    @Override
    public void close() {
      try {
        if (activities != null) {
          activities.close();
        }
        zip.close();
      } catch (IOException e) {
        LOG.debug("Closing a restored export failed: {}", e.toString());
      }
    }
  }
}
