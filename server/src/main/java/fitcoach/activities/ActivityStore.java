package fitcoach.activities;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one owner of {@code activities}, {@code activity_streams} and {@code activity_laps}: every source (device files,
 * the Strava export, the Strava API, manual entries, restores, the demo) writes through here, so every write groups
 * copies of the same workout the same way (see {@link Grouping}) and tells the load layer the earliest day it changed.
 * Writes for one athlete are serialised across every FitCoach on the database by an advisory lock, so two writers never
 * group from stale rows.
 */
public final class ActivityStore {
  /** Told after every committed change: the athlete and the earliest local day whose numbers may differ. */
  public interface Changes {
    /** Bring the numbers up to date now; the future completes when they are. */
    Future<?> changed(UUID userId, LocalDate earliest);

    /**
     * One write of many (a sync's pages, an import's files): what is memoised goes stale now, and the numbers are
     * brought up to date once, when the bulk writer settles (see LoadService#settled), rather than after every write.
     */
    default void changedInBulk(UUID userId, LocalDate earliest) {
      changed(userId, earliest);
    }
  }

  /** What a write returned, and when the load layer has caught up with it (routes wait; bulk writers need not). */
  public record Stored<T>(T value, Future<?> settled) {
    public Future<T> whenSettled() {
      return settled.map(v -> value);
    }
  }

  /** A copy written: whether it is new, and the day it lies on. */
  public record Saved(UUID id, String externalId, boolean inserted, LocalDate localDate) {
  }

  private static final int CHUNK = 2000;
  private static final int MAX_EXPANSIONS = 20;
  private static final int WHOLE_HISTORY_AFTER = 500;
  private static final int OFF_LOOP_AFTER = 2000;

  private final Pool pool;
  private final String instance;
  private final Changes changes;
  private final java.time.Clock clock;

  /** {@code clock} is the calendar: it stamps when a copy was last written or re-confirmed, and says how old copies are. */
  public ActivityStore(Pool pool, String instance, Changes changes, java.time.Clock clock) {
    this.clock = clock;
    this.pool = pool;
    this.instance = instance;
    this.changes = changes;
  }

  /** The pool the store writes through (reads of activities use the same one). */
  public Pool pool() {
    return pool;
  }

  /** Runs {@code work} in one transaction, regroups what it touched, commits, and signals the change. */
  public <T> Future<Stored<T>> write(UUID userId, Function<Writer, Future<T>> work) {
    return write(userId, work, false);
  }

  /**
   * As {@link #write}, for one write of many (a sync page, an imported file): the change is signalled as part of a bulk,
   * so the load layer brings the numbers up to date once when the bulk writer settles, not after every write.
   */
  public <T> Future<T> writeInBulk(UUID userId, Function<Writer, Future<T>> work) {
    return write(userId, work, true).map(Stored::value);
  }

  /** How often a write that Postgres picked as a deadlock victim is tried again before the failure is reported. */
  private static final int DEADLOCK_ATTEMPTS = 3;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ActivityStore.class);

  private <T> Future<Stored<T>> write(UUID userId, Function<Writer, Future<T>> work, boolean bulk) {
    return write(userId, work, bulk, 1);
  }

  /**
   * Background work on the same rows (the load engine writing loads, the analysis worker inserting curves) does not
   * take the athlete's write lock, so a large write (deleting the demo, a restore) can deadlock with it. Postgres then
   * aborts one transaction; when it is this one, nothing of it was stored, and trying it again is safe.
   */
  private <T> Future<Stored<T>> write(UUID userId, Function<Writer, Future<T>> work, boolean bulk, int attempt) {
    return transaction(userId, work, bulk).recover(err -> {
      boolean deadlock = err instanceof io.vertx.pgclient.PgException pg && "40P01".equals(pg.getSqlState());
      if (!deadlock || attempt >= DEADLOCK_ATTEMPTS) {
        return Future.failedFuture(err);
      }
      LOG.info("A write for user {} was a deadlock victim; trying again ({} of {})", userId, attempt + 1, DEADLOCK_ATTEMPTS);
      return write(userId, work, bulk, attempt + 1);
    });
  }

  private <T> Future<Stored<T>> transaction(UUID userId, Function<Writer, Future<T>> work, boolean bulk) {
    Writer[] holder = new Writer[1];
    return pool.withTransaction(conn -> {
      Writer w = new Writer(conn, userId);
      holder[0] = w;
      // The lock is sent without waiting for its answer: the work's first statement follows it on the same connection
      // and runs once the lock is held (a failed lock fails the transaction, and with it the write).
      Future<?> locked = conn.preparedQuery(ActivityStoreSql.BEGIN).execute(Tuple.of(userId.toString(), instance));
      return work.apply(w)
          .compose(value -> w.regroup().map(value))
          .compose(value -> locked.map(value));
    }).map(value -> {
      LocalDate earliest = holder[0].earliest;
      if (earliest == null) {
        return new Stored<>(value, Future.succeededFuture());
      }
      if (bulk) {
        changes.changedInBulk(userId, earliest);
        return new Stored<>(value, Future.succeededFuture());
      }
      return new Stored<>(value, changes.changed(userId, earliest));
    });
  }

  // --- Shorthands for single operations ---

  public Future<Stored<List<Saved>>> insertNew(UUID userId, List<ActivityInput> rows) {
    return write(userId, w -> w.insert(rows, false));
  }

  public Future<Stored<Optional<LocalDate>>> delete(UUID userId, UUID id) {
    return write(userId, w -> w.delete(id));
  }

  /** Strava's API Policy: a cached copy may be at most 7 days old. */
  public static final java.time.Duration STRAVA_CACHE_LIMIT = java.time.Duration.ofDays(7);

  /** Applies the Strava retention for every athlete; how many copies went. */
  public Future<Integer> expireStravaCopies() {
    return pool.preparedQuery(ActivityStoreSql.USERS_WITH_EXPIRED_STRAVA).execute(Tuple.of(expiredBefore())).compose(rows -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (Row r : rows) {
        UUID userId = r.getUUID("user_id");
        chain = chain.compose(n -> write(userId, Writer::expireStrava).map(s -> n + s.value()));
      }
      return chain;
    });
  }

  private java.time.OffsetDateTime expiredBefore() {
    return clock.instant().minus(STRAVA_CACHE_LIMIT).atOffset(ZoneOffset.UTC);
  }

  /** The writes one transaction may do; each records what it touched, for grouping and for the change signal. */
  public final class Writer {
    private final SqlConnection conn;
    private final UUID userId;
    private final Set<UUID> seeds = new HashSet<>();
    private final Map<UUID, UUID> primaries = new HashMap<>();
    private boolean everything;
    private LocalDate earliest;

    private Writer(SqlConnection conn, UUID userId) {
      this.conn = conn;
      this.userId = userId;
    }

    /** The transaction's connection, for a caller's own tables written in the same transaction (a restore). */
    public SqlClient connection() {
      return conn;
    }

    /**
     * Stores copies; with {@code refresh}, a copy already stored from the same source is updated from it, otherwise it
     * is left alone (and not returned).
     */
    public Future<List<Saved>> insert(List<ActivityInput> rows, boolean refresh) {
      List<Saved> saved = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < rows.size(); i += CHUNK) {
        List<ActivityInput> chunk = rows.subList(i, Math.min(rows.size(), i + CHUNK));
        chain = chain.compose(v -> insertChunk(chunk, refresh)).map(s -> {
          saved.addAll(s);
          return null;
        });
      }
      return chain.map(v -> saved);
    }

    private Future<List<Saved>> insertChunk(List<ActivityInput> rows, boolean refresh) {
      Map<String, ActivityInput> bySource = new LinkedHashMap<>();
      List<ActivityInput> unique = new ArrayList<>();
      for (ActivityInput a : rows) {
        // One statement cannot touch the same row twice: the last version of a copy wins.
        if (bySource.put(a.source().value() + "|" + a.externalId(), a) == null) {
          unique.add(a);
        }
      }
      List<ActivityInput> list = unique.stream().map(a -> bySource.get(a.source().value() + "|" + a.externalId())).toList();
      Set<String> nearEachOther = nearEachOther(list);
      return conn.preparedQuery(refresh ? ActivityStoreSql.INSERT_OR_REFRESH : ActivityStoreSql.INSERT_NEW)
          .execute(InsertParams.of(userId, list, !refresh, clock.instant())).compose(result -> {
            List<Saved> saved = new ArrayList<>();
            // A bulk insert (the demo's years of history) is grouped over the whole history at once: one plain read
            // instead of following thousands of seeds.
            if (list.size() > WHOLE_HISTORY_AFTER) {
              everything = true;
            }
            for (Row r : result) {
              Saved s = new Saved(r.getUUID("id"), r.getString("external_id"), r.getBoolean("inserted"), r.getLocalDate("local_date"));
              saved.add(s);
              if (!r.getBoolean("changed")) {
                // Re-confirmed as it was: nothing to regroup, no load to recompute.
                continue;
              }
              // A copy moved to another day (a refreshed start) changes that day too.
              touchedDay(r.getLocalDate("old_date"));
              // A copy with no other copy near it, in no group, and not near another row of this write stands alone:
              // there is nothing to group.
              if (r.getBoolean("near") || r.getBoolean("grouped") || nearEachOther.contains(s.externalId())) {
                touched(s.id(), s.localDate());
              } else {
                touchedDay(s.localDate());
              }
            }
            Future<Void> samples = refresh ? saveStreams(list, saved) : Future.succeededFuture();
            return samples.compose(v -> saveLaps(list, saved, refresh)).map(saved);
          });
    }

    /** External ids of rows of one write that start within the matching window of another row of the same family. */
    private Set<String> nearEachOther(List<ActivityInput> rows) {
      Set<String> near = new HashSet<>();
      List<ActivityInput> sorted = new ArrayList<>(rows);
      sorted.sort(java.util.Comparator.comparing(ActivityInput::startDate));
      for (int i = 0; i < sorted.size(); i++) {
        for (int j = i + 1; j < sorted.size(); j++) {
          ActivityInput a = sorted.get(i);
          ActivityInput b = sorted.get(j);
          if (java.time.Duration.between(a.startDate(), b.startDate()).compareTo(Grouping.START_TOLERANCE) > 0) {
            break;
          }
          if (a.sportFamily().equals(b.sportFamily())) {
            near.add(a.externalId());
            near.add(b.externalId());
          }
        }
      }
      // Multisport rows and possible legs of them in the same write: group them the long way.
      if (rows.stream().anyMatch(a -> a.legs() != null)) {
        rows.forEach(a -> near.add(a.externalId()));
      }
      return near;
    }

    private Future<Void> saveStreams(List<ActivityInput> rows, List<Saved> saved) {
      Map<String, UUID> ids = new HashMap<>();
      saved.forEach(s -> ids.put(s.externalId(), s.id()));
      Future<Void> chain = Future.succeededFuture();
      for (ActivityInput a : rows) {
        UUID id = ids.get(a.externalId());
        if (id != null && a.streams() != null) {
          chain = chain.compose(v -> saveStreams(id, a.streams()));
        }
      }
      return chain;
    }

    /**
     * Laps of the copies written: a new copy's laps go in with it; a refreshed copy's replace its stored ones when the
     * source sent laps (null laps leave them as they are). Without {@code refresh} only new copies are returned.
     */
    private Future<Void> saveLaps(List<ActivityInput> rows, List<Saved> saved, boolean refresh) {
      Map<String, UUID> ids = new HashMap<>();
      saved.forEach(s -> ids.put(s.externalId(), s.id()));
      Map<UUID, List<ActivityLap>> laps = new LinkedHashMap<>();
      for (ActivityInput a : rows) {
        UUID id = ids.get(a.externalId());
        if (id != null && a.laps() != null) {
          laps.put(id, a.laps());
        }
      }
      return laps.isEmpty() ? Future.succeededFuture() : replaceLaps(laps, refresh);
    }

    /** Stores (or replaces) an activity's laps. */
    public Future<Void> saveLaps(UUID activityId, List<ActivityLap> laps) {
      return laps == null ? Future.succeededFuture() : replaceLaps(Map.of(activityId, laps), true);
    }

    private Future<Void> replaceLaps(Map<UUID, List<ActivityLap>> laps, boolean replace) {
      Future<?> cleared = replace
          ? conn.preparedQuery(ActivityStoreSql.DELETE_LAPS).execute(Tuple.of((Object) laps.keySet().toArray(new UUID[0])))
          : Future.succeededFuture();
      List<UUID> ids = new ArrayList<>();
      List<ActivityLap> all = new ArrayList<>();
      laps.forEach((id, list) -> ActivityLap.kept(list).forEach(l -> {
        ids.add(id);
        all.add(l);
      }));
      if (all.isEmpty()) {
        return cleared.mapEmpty();
      }
      return cleared.compose(v -> conn.preparedQuery(ActivityStoreSql.INSERT_LAPS).execute(Tuple.wrap(new Object[] {
          ids.toArray(new UUID[0]),
          all.stream().map(ActivityLap::index).toArray(Integer[]::new),
          all.stream().map(ActivityLap::startS).toArray(Integer[]::new),
          all.stream().map(ActivityLap::elapsedS).toArray(Integer[]::new),
          all.stream().map(ActivityLap::movingS).toArray(Integer[]::new),
          all.stream().map(ActivityLap::distanceM).toArray(Double[]::new),
          all.stream().map(ActivityLap::avgHr).toArray(Double[]::new),
          all.stream().map(ActivityLap::maxHr).toArray(Double[]::new),
          all.stream().map(ActivityLap::avgPowerW).toArray(Double[]::new),
          all.stream().map(ActivityLap::normalizedPowerW).toArray(Double[]::new),
          all.stream().map(ActivityLap::avgSpeedMps).toArray(Double[]::new),
          all.stream().map(ActivityLap::ascentM).toArray(Double[]::new),
          all.stream().map(ActivityLap::trigger).toArray(String[]::new)}))).mapEmpty();
    }

    /** Stores (or replaces) an activity's samples. */
    public Future<Void> saveStreams(UUID activityId, ActivityInput.StreamData s) {
      return conn.preparedQuery(ActivityStoreSql.SAVE_STREAMS).execute(Tuple.of(activityId, s.points(),
          Buffer.buffer(s.gzippedJson()), s.types().toArray(new String[0]))).map(rows -> {
            rows.forEach(r -> touched(activityId, r.getLocalDate("local_date")));
            return null;
          });
    }

    /** Writes the athlete's corrections; the day it lies on, when it exists. */
    public Future<Optional<LocalDate>> updateEditable(ActivityView edited) {
      return conn.preparedQuery(ActivityStoreSql.UPDATE_EDITABLE).execute(Tuple.wrap(new Object[] {userId, edited.id(),
          edited.rpe(), edited.notes(), edited.loadOverride(), edited.sportType(), Sports.family(edited.sportType()),
          edited.name()})).map(rows -> days(rows).stream().findFirst());
    }

    public Future<Optional<LocalDate>> delete(UUID id) {
      return keepingMates(List.of(id), () -> conn.preparedQuery(ActivityStoreSql.DELETE_ONE).execute(Tuple.of(userId, id)))
          .map(days -> days.stream().findFirst());
    }

    public Future<Optional<LocalDate>> deleteBySource(ActivitySource source, String externalId) {
      return idsOf(source, externalId).compose(ids -> keepingMates(ids, () -> conn.preparedQuery(ActivityStoreSql.DELETE_BY_SOURCE)
          .execute(Tuple.of(userId, source.value(), externalId)))).map(days -> days.stream().findFirst());
    }

    /** Deletes every copy from one source (the demo); how many went. */
    public Future<Integer> deleteAllOf(ActivitySource source) {
      everything = true;
      return conn.preparedQuery(ActivityStoreSql.DELETE_ALL_OF_SOURCE).execute(Tuple.of(userId, source.value()))
          .map(rows -> days(rows).size());
    }

    /** Removes the athlete's Strava API copies past Strava's cache limit; how many went. */
    public Future<Integer> expireStrava() {
      everything = true;
      return conn.preparedQuery(ActivityStoreSql.EXPIRE_STRAVA).execute(Tuple.of(userId, expiredBefore()))
          .map(rows -> days(rows).size());
    }

    /**
     * Records the athlete's say about a merged copy: "separate" splits it off for good, "lead" makes it its group's
     * primary. False when the copy is not merged into another (or does not exist).
     */
    public Future<Boolean> choose(UUID id, String choice) {
      return copiesAround(Set.of(id)).compose(around -> {
        Grouping.Copy self = around.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
        if (self == null || self.primaryId() == null) {
          return Future.succeededFuture(false);
        }
        List<UUID> group = around.stream().filter(c -> c.id().equals(self.primaryId()) || self.primaryId().equals(c.primaryId()))
            .map(Grouping.Copy::id).toList();
        seeds.addAll(group);
        touched(id, self.localDate());
        Future<?> cleared = "lead".equals(choice)
            ? conn.preparedQuery(ActivityStoreSql.CLEAR_LEAD_CHOICES).execute(Tuple.of(userId, (Object) group.toArray(new UUID[0])))
            : Future.succeededFuture();
        return cleared.compose(v -> conn.preparedQuery(ActivityStoreSql.SET_CHOICE).execute(Tuple.of(userId, id, choice)))
            .map(true);
      });
    }

    /** A page of a FitCoach export's activities (ids kept); grouping is redone over everything once the write ends. */
    public Future<Integer> restoreActivities(JsonArray page) {
      everything = true;
      return conn.preparedQuery(ActivityStoreSql.RESTORE_ACTIVITIES).execute(Tuple.of(userId, page)).compose(rows -> {
        earliest = LocalDate.MIN;
        // Each row's "laps" (the export keeps them with their activity) go in with it.
        return conn.preparedQuery(ActivityStoreSql.RESTORE_LAPS).execute(Tuple.of(userId, page, ActivityLap.MAX_PER_ACTIVITY))
            .map(laps -> rows.rowCount());
      });
    }

    /** Streams of restored activities: (activity id, resolution, point count, gzipped data, types) each. */
    public Future<Integer> restoreStreams(List<Tuple> streams) {
      List<Tuple> withUser = streams.stream().map(t -> {
        Tuple full = Tuple.of(userId);
        for (int i = 0; i < t.size(); i++) {
          full.addValue(t.getValue(i));
        }
        return full;
      }).toList();
      return conn.preparedQuery(ActivityStoreSql.RESTORE_STREAM).executeBatch(withUser).map(rows -> {
        int n = 0;
        for (RowSet<Row> r = rows; r != null; r = r.next()) {
          n += r.rowCount();
        }
        return n;
      });
    }

    /** Groups everything this transaction touched now (it is also done when the write ends). */
    public Future<Void> regroup() {
      if (!everything && seeds.isEmpty()) {
        return Future.succeededFuture();
      }
      Future<List<Grouping.Copy>> copies = everything ? allCopies() : copiesAround(seeds);
      return copies.compose(this::place).onSuccess(v -> {
        seeds.clear();
        everything = false;
      });
    }

    /** Whether the last grouping put the copy in a group with another copy (as a member, or leading one). */
    public boolean isMerged(UUID id) {
      UUID primary = primaries.getOrDefault(id, id);
      return !primary.equals(id) || primaries.entrySet().stream().anyMatch(e -> !e.getKey().equals(id) && e.getValue().equals(id));
    }

    private Future<Void> place(List<Grouping.Copy> copies) {
      // A whole history (a restore, the demo's years) is grouped on a worker thread, not on the event loop.
      io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
      Future<List<Grouping.Placement>> placed = copies.size() > OFF_LOOP_AFTER && context != null
          ? context.executeBlocking(() -> Grouping.place(copies), false)
          : Future.succeededFuture(Grouping.place(copies));
      return placed.compose(placements -> write(copies, placements));
    }

    private Future<Void> write(List<Grouping.Copy> copies, List<Grouping.Placement> placements) {
      Map<UUID, Grouping.Copy> byId = new HashMap<>();
      copies.forEach(c -> byId.put(c.id(), c));
      List<Grouping.Placement> changed = new ArrayList<>();
      for (Grouping.Placement p : placements) {
        Grouping.Copy was = byId.get(p.id());
        primaries.put(p.id(), p.primaryId() == null ? p.id() : p.primaryId());
        if (!Objects.equals(was.primaryId(), p.primaryId()) || was.rank() != p.rank() || !Objects.equals(was.reason(), p.reason())) {
          changed.add(p);
          if (!Objects.equals(was.primaryId(), p.primaryId())) {
            touchedDay(was.localDate());
          }
        }
      }
      if (changed.isEmpty()) {
        return Future.succeededFuture();
      }
      UUID[] ids = changed.stream().map(Grouping.Placement::id).toArray(UUID[]::new);
      UUID[] leaders = changed.stream().map(Grouping.Placement::primaryId).toArray(UUID[]::new);
      Integer[] ranks = changed.stream().map(Grouping.Placement::rank).toArray(Integer[]::new);
      String[] reasons = changed.stream().map(Grouping.Placement::reason).toArray(String[]::new);
      return conn.preparedQuery(ActivityStoreSql.PLACE).execute(Tuple.of(ids, leaders, ranks, reasons)).mapEmpty();
    }

    /** The copies that grouping {@code ids} can involve: followed out until no new copy turns up. */
    private Future<List<Grouping.Copy>> copiesAround(Set<UUID> ids) {
      Map<UUID, Grouping.Copy> found = new LinkedHashMap<>();
      return expand(new HashSet<>(ids), new HashSet<>(ids), found, 0).map(v -> new ArrayList<>(found.values()));
    }

    private Future<Void> expand(Set<UUID> frontier, Set<UUID> asked, Map<UUID, Grouping.Copy> found, int round) {
      if (frontier.isEmpty()) {
        return Future.succeededFuture();
      }
      if (round >= MAX_EXPANSIONS) {
        // A long chain of near-identical activities: group the athlete's whole history rather than guess.
        return allCopies().map(all -> {
          all.forEach(c -> found.put(c.id(), c));
          return null;
        });
      }
      return conn.preparedQuery(ActivityStoreSql.COPIES_AROUND).execute(Tuple.of(userId, (Object) frontier.toArray(new UUID[0])))
          .compose(rows -> {
            Set<UUID> next = new HashSet<>();
            for (Row r : rows) {
              Grouping.Copy c = copy(r);
              found.put(c.id(), c);
              if (asked.add(c.id())) {
                next.add(c.id());
              }
            }
            return expand(next, asked, found, round + 1);
          });
    }

    private Future<List<Grouping.Copy>> allCopies() {
      return conn.preparedQuery(ActivityStoreSql.ALL_COPIES).execute(Tuple.of(userId)).map(rows -> {
        List<Grouping.Copy> all = new ArrayList<>(rows.size());
        rows.forEach(r -> all.add(copy(r)));
        return all;
      });
    }

    /** Deletes, keeping note of the copies grouped with the deleted ones so the best remaining copy leads. */
    private Future<List<LocalDate>> keepingMates(List<UUID> ids, java.util.function.Supplier<Future<RowSet<Row>>> delete) {
      if (ids.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      return copiesAround(new HashSet<>(ids)).compose(around -> {
        around.forEach(c -> seeds.add(c.id()));
        return delete.get();
      }).map(this::days);
    }

    private Future<List<UUID>> idsOf(ActivitySource source, String externalId) {
      return conn.preparedQuery(ActivityStoreSql.CURRENT_DAYS).execute(Tuple.of(userId, source.value(), new String[] {externalId}))
          .map(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getUUID("id")));
            return ids;
          });
    }

    private List<LocalDate> days(RowSet<Row> rows) {
      List<LocalDate> days = new ArrayList<>();
      for (Row r : rows) {
        LocalDate d = r.getLocalDate("local_date");
        days.add(d);
        touchedDay(d);
      }
      return days;
    }

    private void touched(UUID id, LocalDate day) {
      seeds.add(id);
      touchedDay(day);
    }

    private void touchedDay(LocalDate day) {
      if (day != null && (earliest == null || day.isBefore(earliest))) {
        earliest = day;
      }
    }
  }

  private static Grouping.Copy copy(Row r) {
    return new Grouping.Copy(r.getUUID("id"), ActivitySource.of(r.getString("source")), r.getString("external_id"),
        r.getString("sport_family"), r.getOffsetDateTime("start_date").toInstant(), r.getInteger("duration"),
        r.getInteger("stream_types"), r.getInteger("points"), r.getInteger("metrics"), r.getString("merge_choice"),
        r.getUUID("primary_activity_id"), r.getInteger("group_rank"), r.getString("merge_reason"), r.getLocalDate("local_date"),
        legs(r.getOffsetDateTime("start_date").toInstant(), r.getValue("legs")));
  }

  private static List<Grouping.Leg> legs(java.time.Instant start, Object json) {
    if (!(json instanceof JsonArray array)) {
      return List.of();
    }
    List<Grouping.Leg> legs = new ArrayList<>();
    List<ActivityLeg> parsed = ActivityLeg.listFromJson(array);
    for (int i = 0; i < parsed.size(); i++) {
      ActivityLeg leg = parsed.get(i);
      if (!leg.transition()) {
        legs.add(new Grouping.Leg(i + 1, leg.sportType(), leg.sportFamily(), start.plusSeconds(leg.startOffsetS()), leg.elapsedTimeS()));
      }
    }
    return legs;
  }

  /** The insert's parameters: one array per column. */
  private static final class InsertParams {
    static Tuple of(UUID userId, List<ActivityInput> rows, boolean withSamples, java.time.Instant refreshedAt) {
      int n = rows.size();
      Object[][] cols = new Object[32][];
      Class<?>[] types = {String.class, String.class, String.class, String.class, String.class, String.class, String.class,
          java.time.OffsetDateTime.class, java.time.LocalDateTime.class, String.class, Integer.class, Integer.class,
          Double.class, Double.class, Double.class, Double.class, Double.class, Double.class, Boolean.class, Double.class,
          Double.class, Double.class, Double.class, Double.class, Integer.class, Boolean.class, Boolean.class, Boolean.class,
          String.class, io.vertx.core.json.JsonObject.class, String.class, io.vertx.core.json.JsonObject.class};
      for (int c = 0; c < cols.length; c++) {
        cols[c] = (Object[]) java.lang.reflect.Array.newInstance(types[c], n);
      }
      for (int i = 0; i < n; i++) {
        ActivityInput a = rows.get(i);
        Object[] v = {a.source().value(), a.externalId(), a.sportType(), a.sportFamily(), a.name(), a.description(), a.notes(),
            a.startDate().atOffset(ZoneOffset.UTC), a.startDateLocal(), a.timeZone(), a.movingTimeS(), a.elapsedTimeS(),
            a.distanceM(), a.elevationGainM(), a.avgHr(), a.maxHr(), a.avgPowerW(), a.weightedPowerW(), a.deviceWatts(),
            a.kilojoules(), a.avgCadence(), a.avgSpeedMps(), a.maxSpeedMps(), a.calories(), a.rpe(), a.trainer(), a.commute(),
            a.manual(), a.summaryPolyline(), a.raw(), a.originalFile(),
            a.legs() == null ? null : new io.vertx.core.json.JsonObject().put("legs", a.legs())};
        for (int c = 0; c < cols.length; c++) {
          cols[c][i] = v[c];
        }
      }
      Object[] params = new Object[withSamples ? 39 : 34];
      params[params.length - 1] = refreshedAt.atOffset(ZoneOffset.UTC);
      params[0] = userId;
      System.arraycopy(cols, 0, params, 1, 32);
      if (withSamples) {
        List<ActivityInput> sampled = rows.stream().filter(a -> a.streams() != null).toList();
        params[33] = sampled.stream().map(a -> a.source().value()).toArray(String[]::new);
        params[34] = sampled.stream().map(ActivityInput::externalId).toArray(String[]::new);
        params[35] = sampled.stream().map(a -> a.streams().points()).toArray(Integer[]::new);
        params[36] = sampled.stream().map(a -> Buffer.buffer(a.streams().gzippedJson())).toArray(Buffer[]::new);
        params[37] = sampled.stream().map(a -> String.join(",", a.streams().types())).toArray(String[]::new);
      }
      return Tuple.wrap(params);
    }
  }
}
