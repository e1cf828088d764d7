package fitcoach.analytics;

import fitcoach.activities.Sports;
import fitcoach.app.DateWindow;
import fitcoach.load.ActivityData;
import fitcoach.load.ActivityLoad;
import fitcoach.load.HistoryRates;
import fitcoach.load.HistorySample;
import fitcoach.load.LoadMethod;
import fitcoach.load.LoadResult;
import fitcoach.load.Pmc;
import fitcoach.load.PmcDay;
import fitcoach.load.PmcOptions;
import fitcoach.load.PmcSeries;
import fitcoach.load.ProfileEstimator;
import fitcoach.load.ProfileFacts;
import fitcoach.load.Sex;
import fitcoach.load.Thresholds;
import fitcoach.settings.AthleteProfile;
import fitcoach.settings.ProfileRepository;
import fitcoach.settings.ThresholdSuggestions;
import fitcoach.load.DatedThresholds;
import fitcoach.load.ThresholdHistory;
import fitcoach.load.ThresholdKind;
import fitcoach.app.OffLoop;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every activity's load and the stored daily chart up to date, using the pure engine in {@code fitcoach.load}.
 * Every write to activities must end with {@link #activitiesChanged}: it also retires answers memoised on the old data.
 * Work for one athlete is serialised, so two edits never write the chart out of order; the series is cached in memory
 * after it is written or first read.
 */
public final class LoadService implements fitcoach.activities.ActivityStore.Changes {
  private static final Logger LOG = LoggerFactory.getLogger(LoadService.class);
  private final LoadRepository repository;
  private final ProfileRepository profiles;
  private final ThresholdSuggestions suggestions;
  private final EstimateChanges estimates;
  private final Map<UUID, Future<?>> queues = new ConcurrentHashMap<>();
  private final Map<UUID, Snapshot> cache = new ConcurrentHashMap<>();
  private final Map<UUID, Waiting> waiting = new ConcurrentHashMap<>();
  private final Map<UUID, LocalDate> inBulk = new ConcurrentHashMap<>();

  /**
   * One version of an athlete's load data: the stored chart, the zone their "today" is read in, and a memo of answers
   * derived from it. Every change to activities replaces the Snapshot, so the memo never serves stale data.
   */
  public record Snapshot(PmcSeries series, ZoneId zone, Map<String, Object> memo) {
    Snapshot(PmcSeries series, ZoneId zone) {
      this(series, zone, new ConcurrentHashMap<>());
    }

    /** Computes a derived answer once per version of the athlete's data; keep keys few (one per query shape). */
    @SuppressWarnings("unchecked")
    public <T> Future<T> memo(String key, Supplier<Future<T>> compute) {
      Object known = memo.get(key);
      if (known != null) {
        return Future.succeededFuture((T) known);
      }
      return compute.get().onSuccess(value -> {
        if (memo.size() < 256) {
          memo.put(key, value);
        }
      });
    }
  }

  /** What a full recompute did, for logs and the benchmark. */
  public record Recompute(int activities, int loadsChanged, int days, long millis) {
  }

  LoadService(LoadRepository repository, ProfileRepository profiles, ThresholdSuggestions suggestions,
              EstimateChanges estimates) {
    this.repository = repository;
    this.profiles = profiles;
    this.suggestions = suggestions;
    this.estimates = estimates;
  }

  /** {@code suggestions} receives the max HR offers found while recomputing (an HR above the entered max HR). */
  public static LoadService create(io.vertx.sqlclient.Pool pool, ProfileRepository profiles, ThresholdSuggestions suggestions) {
    return new LoadService(new LoadRepository(pool), profiles, suggestions, new EstimateChanges(new EstimateRepository(pool)));
  }

  /**
   * Brings loads and the chart up to date after activities changed. {@code changedDates} are local dates whose
   * daily totals may have changed (e.g. of a deleted activity); loads that change are found by recomputing them.
   * Answers memoised on the old data are retired at once. Changes that arrive while a recompute waits its turn join it,
   * so a burst of writes (an import, a sync) costs one recompute after the running one, not one each.
   */
  public Future<Recompute> activitiesChanged(UUID userId, LocalDate... changedDates) {
    LocalDate day = earliest(changedDates);
    touch(userId);
    synchronized (queues) {
      Waiting waiting = this.waiting.get(userId);
      if (waiting != null) {
        waiting.from = waiting.from.isBefore(day) ? waiting.from : day;
        return waiting.done.future();
      }
      Waiting next = new Waiting(day);
      this.waiting.put(userId, next);
      serially(userId, () -> {
        synchronized (queues) {
          this.waiting.remove(userId, next);
        }
        return recomputeNow(userId, next.from);
      }).onComplete(next.done);
      return next.done.future();
    }
  }

  @Override
  public Future<?> changed(UUID userId, LocalDate earliest) {
    return activitiesChanged(userId, earliest);
  }

  /** Memoised answers go stale at once; loads and the chart wait for {@link #settled} (the end of the sync or import). */
  @Override
  public void changedInBulk(UUID userId, LocalDate earliest) {
    touch(userId);
    inBulk.merge(userId, earliest, (a, b) -> a.isBefore(b) ? a : b);
  }

  /**
   * Brings loads and the chart up to date with everything written so far, bulk writes included; completes when they
   * are. A recompute runs even with nothing noted in memory: activities stored before a restart have no load yet and
   * are found by the engine, so a sync or import resumed after a crash still ends with current numbers.
   */
  public Future<Void> settled(UUID userId) {
    LocalDate noted = inBulk.remove(userId);
    return activitiesChanged(userId, noted == null ? LocalDate.MAX : noted).mapEmpty();
  }

  /** Announcements of changes were missed (the database connection dropped): every athlete's numbers are redone. */
  public void everythingMayHaveChanged() {
    repository.users().onSuccess(users -> users.forEach(userId -> activitiesChanged(userId, LocalDate.MIN)
        .onFailure(err -> LOG.warn("Recomputing load for user {} failed: {}", userId, err.getMessage()))));
  }

  /** A recompute waiting its turn, from the earliest day any change it covers touched. */
  private static final class Waiting {
    private LocalDate from;
    private final io.vertx.core.Promise<Recompute> done = io.vertx.core.Promise.promise();

    Waiting(LocalDate from) {
      this.from = from;
    }
  }

  /**
   * Activities were stored whose loads will be computed later (a long import or sync is under way): answers memoised
   * on the old data are retired now, so lists show the new activities at once.
   */
  public void touch(UUID userId) {
    cache.computeIfPresent(userId, (id, s) -> new Snapshot(s.series(), s.zone()));
  }

  /**
   * Thresholds changed from {@code from} on ({@link LocalDate#MIN}: all of history): loads are recomputed (only the
   * changed ones are written) and the chart rewritten from the earliest day whose load changed, never before {@code from}
   * unless a load there changed too.
   */
  public Future<Recompute> thresholdsChanged(UUID userId, LocalDate from) {
    return activitiesChanged(userId, from);
  }

  /** Recomputes every load and the whole chart (options changed, or on request). */
  public Future<Recompute> recomputeAll(UUID userId) {
    return serially(userId, () -> recomputeNow(userId, LocalDate.MIN));
  }

  public Future<PmcOptions> options(UUID userId) {
    return repository.settings(userId);
  }

  public Future<Recompute> saveOptions(UUID userId, PmcOptions options) {
    return repository.saveSettings(userId, options).compose(v -> recomputeAll(userId));
  }

  /** The chart as stored, extended through the athlete's today when a day has passed since it was written. */
  public Future<Snapshot> series(UUID userId) {
    Snapshot cached = cache.get(userId);
    if (cached != null && !cached.series().today().isBefore(LocalDate.now(cached.zone()))) {
      return Future.succeededFuture(cached);
    }
    return profiles.find(userId).compose(profile -> {
      LocalDate today = today(profile);
      return Future.all(repository.series(userId), repository.firstActivityDate(userId), repository.settings(userId))
          .compose(all -> {
            List<PmcDay> days = all.resultAt(0);
            Optional<LocalDate> first = all.resultAt(1);
            boolean stale = first.isPresent() && (days.isEmpty() || days.get(days.size() - 1).date().isBefore(today));
            if (stale) {
              // A day (or more) has passed since the chart was written: only the new days need computing.
              LocalDate from = days.isEmpty() ? LocalDate.MIN : days.get(days.size() - 1).date().plusDays(1);
              return activitiesChanged(userId, from).map(r -> cache.get(userId));
            }
            Snapshot snapshot = new Snapshot(new PmcSeries(days, today, first, all.resultAt(2)), zone(profile));
            cache.put(userId, snapshot);
            return Future.succeededFuture(snapshot);
          });
    });
  }

  /** A series through a future date (planning): computed in memory, never stored. */
  public Future<List<PmcDay>> projected(UUID userId, LocalDate to) {
    return Future.all(repository.dailyLoads(userId), repository.settings(userId))
        .map(all -> Pmc.compute(inWindow(all.<SortedMap<LocalDate, Double>>resultAt(0)), to,
            inWindow(all.<PmcOptions>resultAt(1))));
  }

  /**
   * The daily loads the chart is computed from: only days in the {@link DateWindow}. Rows stored before the window
   * was enforced (a year-0 or year-9999 date) are ignored rather than stepped through day by day, so a recompute can
   * never run for millions of days, whatever is stored.
   */
  static SortedMap<LocalDate, Double> inWindow(SortedMap<LocalDate, Double> daily) {
    return daily.subMap(DateWindow.EARLIEST_STORED, DateWindow.latest().plusDays(2));
  }

  /**
   * The options without a seed dated outside the window (one stored before it was enforced). Public for the coach's
   * projection, which runs the chart's engine with the chart's options.
   */
  public static PmcOptions inWindow(PmcOptions options) {
    return options.seed().map(s -> DateWindow.contains(s.date())).orElse(true) ? options
        : new PmcOptions(options.ctlDays(), options.atlDays(), options.gain(), Optional.empty());
  }

  /** The thresholds in force on the athlete's today. */
  public Future<Thresholds> thresholds(UUID userId) {
    return profiles.findWithHistory(userId).compose(p -> dated(userId, p).map(d -> d.on(today(p.profile()))));
  }

  /**
   * The thresholds in force on any day (each activity's local date): entered values from the athlete's history, the
   * rest estimated as today. Ask once per request and reuse it for many days; it is cheap per day. Memoised with the
   * athlete's data: every threshold or profile change recomputes, which starts a new version.
   */
  public Future<DatedThresholds> dated(UUID userId) {
    return series(userId).compose(snapshot -> snapshot.memo("dated",
        () -> profiles.findWithHistory(userId).compose(p -> dated(userId, p))));
  }

  /** The athlete's thresholds over time as entered. */
  public Future<ThresholdHistory> history(UUID userId) {
    return profiles.thresholds().history(userId);
  }

  private Future<DatedThresholds> dated(UUID userId, ProfileRepository.WithHistory p) {
    return repository.observedMaxHr(userId)
        .map(observed -> new DatedThresholds(p.history(), facts(p.profile(), observed.values())));
  }

  /** Today's numbers for the dashboard, the thresholds behind them, and the method mix of the last 42 days. */
  public Future<LoadStats> stats(UUID userId) {
    return series(userId).compose(snapshot -> snapshot.memo("stats", () -> {
      PmcSeries series = snapshot.series();
      return Future.all(thresholds(userId), repository.methodMix(userId, series.today().minusDays(42), series.today()))
          .map(all -> LoadStats.of(series.onToday(), series.warmingUp(), series.firstActivity().orElse(null), all.resultAt(0),
              all.resultAt(1)));
    }));
  }

  private Future<Recompute> recomputeNow(UUID userId, LocalDate hint) {
    long t0 = System.nanoTime();
    return Future.all(profiles.findWithHistory(userId), repository.observedMaxHr(userId), repository.inputs(userId),
            repository.settings(userId))
        .compose(all -> {
          ProfileRepository.WithHistory withHistory = all.resultAt(0);
          AthleteProfile profile = withHistory.profile();
          ObservedMaxHr observed = all.resultAt(1);
          ProfileFacts facts = facts(profile, observed.values());
          DatedThresholds thresholds = new DatedThresholds(withHistory.history(), facts);
          List<LoadInput> inputs = all.resultAt(2);
          PmcOptions options = all.resultAt(3);
          LocalDate today = today(profile);
          // The engine is CPU work proportional to the history (ten years: thousands of activities): a worker does it.
          return OffLoop.run(() -> computeLoads(inputs, thresholds)).compose(updates -> {
            LocalDate recomputeFrom = updates.stream().map(LoadRepository.LoadUpdate::localDate)
                .reduce(hint, (a, b) -> a.isBefore(b) ? a : b);
            return repository.updateLoads(userId, updates)
                .compose(v -> Future.all(repository.dailyLoads(userId), repository.firstActivityDate(userId)))
                .compose(loaded -> OffLoop.run(() -> Pmc.compute(inWindow(loaded.<SortedMap<LocalDate, Double>>resultAt(0)),
                        today, inWindow(options)))
                    .compose(days -> repository.writeSeries(userId, days, recomputeFrom)
                        .compose(v -> offerMaxHr(userId, inputs, withHistory.history()))
                        .compose(v -> noteEstimates(userId, thresholds.on(today), facts, observed,
                            pastLoadsChanged(inputs, updates), inputs.isEmpty()))
                        .map(v -> {
                          cache.put(userId, new Snapshot(new PmcSeries(days, today, loaded.resultAt(1), options), zone(profile)));
                          long ms = (System.nanoTime() - t0) / 1_000_000;
                          LOG.debug("Recomputed load for user {}: {} activities, {} loads changed, {} days from {} in {} ms",
                              userId, inputs.size(), updates.size(), days.size(), recomputeFrom, ms);
                          return new Recompute(inputs.size(), updates.size(), days.size(), ms);
                        })));
          });
        });
  }

  /**
   * The max HR trigger: the activity with the highest max HR above the entered max HR in force on its day is offered as
   * a new max HR (the suggestion keeps it only when it beats what is pending). Values above the plausible maximum are
   * strap artefacts and say nothing. A failed offer is logged; it never fails the recompute.
   */
  private Future<Void> offerMaxHr(UUID userId, List<LoadInput> inputs, ThresholdHistory history) {
    if (suggestions == null || !history.has(ThresholdKind.MAX_HR)) {
      return Future.succeededFuture();
    }
    LoadInput best = null;
    for (LoadInput in : inputs) {
      Double hr = in.maxHr();
      if (hr == null || !Double.isFinite(hr) || hr > ProfileEstimator.MAX_PLAUSIBLE_HR || in.localDate() == null) {
        continue;
      }
      double entered = history.valueOn(ThresholdKind.MAX_HR, in.localDate()).getAsDouble();
      if (Math.round(hr) >= entered + ThresholdSuggestions.MAX_HR_MARGIN_BPM
          && (best == null || hr > best.maxHr() || hr.equals(best.maxHr()) && in.localDate().isAfter(best.localDate()))) {
        best = in;
      }
    }
    if (best == null) {
      return Future.succeededFuture();
    }
    LoadInput found = best;
    return suggestions.offerMaxHr(userId, found.id(), found.maxHr(), found.localDate())
        .otherwise(err -> {
          LOG.warn("Offering a max HR suggestion for user {} (activity {}) failed: {}", userId, found.id(), err.getMessage());
          return false;
        }).mapEmpty();
  }

  /**
   * Records each estimated threshold that moved (see {@link EstimateChanges}). A failure is logged; it never fails the
   * recompute, whose loads are already stored.
   */
  private Future<Void> noteEstimates(UUID userId, Thresholds today, ProfileFacts facts, ObservedMaxHr observed,
                                     int loadsChanged, boolean noActivities) {
    if (noActivities) {
      // Nothing was computed with the estimate: the first activities start from whatever it becomes then.
      return Future.succeededFuture();
    }
    return estimates.recompute(userId, today, facts, observed, loadsChanged).<Void>mapEmpty().otherwise(err -> {
      LOG.warn("Recording estimate changes for user {} failed: {}", userId, err.getMessage());
      return null;
    });
  }

  /** Loads that were stored before and changed: new activities have no past load to change. */
  private static int pastLoadsChanged(List<LoadInput> inputs, List<LoadRepository.LoadUpdate> updates) {
    java.util.Set<UUID> stored = new java.util.HashSet<>();
    inputs.stream().filter(in -> in.load() != null).forEach(in -> stored.add(in.id()));
    return (int) updates.stream().filter(u -> stored.contains(u.id())).count();
  }

  /** The estimate changes recorded for the athlete, newest first. */
  public Future<List<EstimateChangeView>> estimateChanges(UUID userId) {
    return estimates.list(userId);
  }

  /** Hides the changes from the dashboard's notice (Settings still lists them); how many were dismissed. */
  public Future<Integer> dismissEstimateChanges(UUID userId, UUID[] ids) {
    return estimates.dismiss(userId, ids);
  }

  /** Only the stored loads that differ from what the engine computes now. */
  private static List<LoadRepository.LoadUpdate> computeLoads(List<LoadInput> inputs, DatedThresholds thresholds) {
    LoadResult[] results = loads(inputs, thresholds);
    List<LoadRepository.LoadUpdate> updates = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      LoadInput in = inputs.get(i);
      LoadResult r = results[i];
      boolean changed = in.load() == null || Math.abs(in.load() - r.load()) > 1e-9 || !r.method().name().equals(in.loadMethod())
          || r.usesEstimatedThreshold() != in.loadUsesEstimate() || !family(in).equals(in.sportFamily());
      if (changed) {
        updates.add(new LoadRepository.LoadUpdate(in.id(), r.load(), r.method().name(), r.usesEstimatedThreshold(), family(in),
            in.localDate()));
      }
    }
    return updates;
  }

  /**
   * Every activity's computed load, in two passes: measured loads first, then the athlete's own history rates for
   * activities with nothing else to go on. An override is kept apart: the computed load keeps its own method, so
   * clearing the override restores it.
   */
  private static LoadResult[] loads(List<LoadInput> inputs, DatedThresholds dated) {
    LoadResult[] results = new LoadResult[inputs.size()];
    java.util.function.Function<String, OptionalDouble> rate = historyRates(inputs, dated, results);
    for (int i = 0; i < inputs.size(); i++) {
      LoadInput in = inputs.get(i);
      // A multisport activity always takes the second pass: a leg with nothing measured (a swim) needs its family's rate.
      if ((results[i].method() == LoadMethod.NONE || !in.legs().isEmpty()) && results[i].method() != LoadMethod.MANUAL) {
        results[i] = ActivityLoad.compute(data(in), on(dated, in), rate);
      }
      if (results[i].method() == LoadMethod.MANUAL) {
        results[i] = ActivityLoad.compute(withoutOverride(in), on(dated, in), rate);
      }
    }
    return results;
  }

  /**
   * The first pass of {@link #loads}: each activity's measured load into {@code results}, and from them the athlete's
   * own median load per hour of each sport family, for activities (and legs) with nothing else to go on.
   */
  private static java.util.function.Function<String, OptionalDouble> historyRates(List<LoadInput> inputs,
      DatedThresholds dated, LoadResult[] results) {
    List<HistorySample> samples = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      LoadInput in = inputs.get(i);
      results[i] = ActivityLoad.compute(data(in), on(dated, in), OptionalDouble.empty());
      samples.add(new HistorySample(family(in), results[i].load(), movingTime(in), results[i].method()));
    }
    Map<String, Double> rates = HistoryRates.medianPerHour(samples);
    return family -> rates.containsKey(family) ? OptionalDouble.of(rates.get(family)) : OptionalDouble.empty();
  }

  /**
   * The load of each leg of one multisport activity, in order, as its stored load is their sum: the same thresholds
   * and history rates as the recompute. Empty for an activity without legs; a failed future with 404 for an unknown or
   * another account's activity. Memoised until the athlete's data changes.
   */
  public Future<List<LoadResult>> legLoads(UUID userId, UUID activityId) {
    return series(userId).compose(snapshot -> snapshot.memo("legs:" + activityId, () -> Future.all(
            profiles.findWithHistory(userId), repository.observedMaxHr(userId), repository.inputs(userId))
        .compose(all -> OffLoop.run(() -> {
          ProfileRepository.WithHistory withHistory = all.resultAt(0);
          ObservedMaxHr observed = all.resultAt(1);
          DatedThresholds dated = new DatedThresholds(withHistory.history(), facts(withHistory.profile(), observed.values()));
          List<LoadInput> inputs = all.resultAt(2);
          LoadInput target = inputs.stream().filter(in -> in.id().equals(activityId)).findFirst()
              .orElseThrow(() -> fitcoach.app.ApiException.notFound("No such activity"));
          if (target.legs().isEmpty()) {
            return List.<LoadResult>of();
          }
          var rate = historyRates(inputs, dated, new LoadResult[inputs.size()]);
          return ActivityLoad.legLoads(data(target), on(dated, target), rate);
        }))));
  }

  /** The thresholds in force on the activity's local date (today's for one without a date). */
  private static Thresholds on(DatedThresholds dated, LoadInput in) {
    return dated.on(in.localDate() == null ? LocalDate.now() : in.localDate());
  }

  /**
   * The engine over only what the coach may read (see {@link CoachLoad}), computed in memory and memoised until the
   * athlete's data changes. With every source allowed it equals the stored chart.
   */
  public Future<CoachLoad> forCoach(UUID userId, boolean includeStravaApi) {
    // The thresholds come from datedForCoach, so the loads here and every tool's zones share one definition and one read.
    return series(userId).compose(snapshot -> snapshot.memo("coach:" + includeStravaApi, () -> Future.all(
            datedForCoach(userId, includeStravaApi), repository.coachInputs(userId, includeStravaApi))
        .compose(all -> OffLoop.run(() -> {
          DatedThresholds dated = all.resultAt(0);
          Thresholds thresholds = dated.on(snapshot.series().today());
          List<LoadInput> inputs = all.resultAt(1);
          LoadResult[] results = loads(inputs, dated);
          Map<UUID, CoachLoad.ActivityLoadValue> loads = new java.util.HashMap<>();
          SortedMap<LocalDate, Double> daily = new java.util.TreeMap<>();
          for (int i = 0; i < inputs.size(); i++) {
            LoadInput in = inputs.get(i);
            CoachLoad.ActivityLoadValue value = in.loadOverride() != null
                ? new CoachLoad.ActivityLoadValue(in.loadOverride(), LoadMethod.MANUAL)
                : new CoachLoad.ActivityLoadValue(results[i].load(), results[i].method());
            loads.put(in.id(), value);
            daily.merge(in.localDate(), value.load(), Double::sum);
          }
          SortedMap<LocalDate, Double> counted = inWindow(daily);
          Optional<LocalDate> first = counted.isEmpty() ? Optional.empty() : Optional.of(counted.firstKey());
          PmcSeries stored = snapshot.series();
          List<PmcDay> days = Pmc.compute(counted, stored.today(), inWindow(stored.options()));
          return new CoachLoad(new PmcSeries(days, stored.today(), first, stored.options()), thresholds, loads);
        }))));
  }

  /**
   * The thresholds in force on any day as the coach may see them: entered values from the history, estimates only
   * from the activities the data policy lets the coach read (the same thresholds {@link #forCoach} computes loads
   * with). Memoised until the athlete's data changes.
   */
  public Future<DatedThresholds> datedForCoach(UUID userId, boolean includeStravaApi) {
    return series(userId).compose(snapshot -> snapshot.memo("coachDated:" + includeStravaApi, () -> Future.all(
            profiles.findWithHistory(userId), repository.coachObservedMaxHr(userId, includeStravaApi))
        .map(all -> {
          ProfileRepository.WithHistory withHistory = all.resultAt(0);
          return new DatedThresholds(withHistory.history(), facts(withHistory.profile(), all.resultAt(1)));
        })));
  }

  private static ActivityData data(LoadInput in) {
    return new ActivityData(family(in), movingTime(in), in.avgHr(), in.avgPowerW(), in.weightedPowerW(),
        Boolean.TRUE.equals(in.deviceWatts()), in.rpe(), in.loadOverride(), null, null, legs(in));
  }

  private static ActivityData withoutOverride(LoadInput in) {
    ActivityData d = data(in);
    return new ActivityData(d.sportFamily(), d.movingTimeS(), d.avgHr(), d.avgPowerW(), d.weightedPowerW(), d.deviceWatts(),
        d.rpe(), null, null, null, d.legs());
  }

  /** Each leg of a multisport activity as the engine sees it: its own family, time, heart rate and power. */
  private static List<ActivityData> legs(LoadInput in) {
    if (in.legs().isEmpty()) {
      return List.of();
    }
    return in.legs().stream().map(leg -> new ActivityData(leg.sportFamily(), leg.movingTimeS(), leg.avgHr(), leg.avgPowerW(),
        leg.normalizedPowerW(), leg.avgPowerW() != null, null, null, null, null)).toList();
  }

  private static String family(LoadInput in) {
    return Sports.family(in.sportType());
  }

  private static int movingTime(LoadInput in) {
    return Objects.requireNonNullElse(in.movingTimeS(), Objects.requireNonNullElse(in.elapsedTimeS(), 0));
  }

  /** What the estimates start from: sex, age and observed maxima; the entered thresholds come from the history by date. */
  static ProfileFacts facts(AthleteProfile p, double[] observedMaxHr) {
    Sex sex = "male".equals(p.sex()) ? Sex.MALE : "female".equals(p.sex()) ? Sex.FEMALE : Sex.UNKNOWN;
    Integer age = p.birthYear() == null ? null : Year.now().getValue() - p.birthYear();
    return new ProfileFacts(sex, age, null, null, null, null, observedMaxHr, new double[0]);
  }

  static LocalDate today(AthleteProfile profile) {
    return LocalDate.now(zone(profile));
  }

  private static ZoneId zone(AthleteProfile profile) {
    return ZoneId.of(profile.timeZone());
  }

  private static LocalDate earliest(LocalDate... dates) {
    LocalDate min = LocalDate.MAX;
    for (LocalDate d : dates) {
      if (d != null && d.isBefore(min)) {
        min = d;
      }
    }
    return min;
  }

  @SuppressWarnings("unchecked")
  private <T> Future<T> serially(UUID userId, Supplier<Future<T>> work) {
    synchronized (queues) {
      Future<?> tail = queues.getOrDefault(userId, Future.succeededFuture());
      Future<T> next = tail.transform(ignored -> work.get());
      queues.put(userId, next);
      next.onComplete(done -> queues.remove(userId, next));
      return next;
    }
  }
}
