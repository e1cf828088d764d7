package fitcoach.plan;

import fitcoach.activities.Sports;
import fitcoach.analytics.PlanDays;
import fitcoach.app.ApiException;
import fitcoach.app.DateWindow;
import fitcoach.load.PmcSeries;
import fitcoach.plan.PlanRepository.DoneActivity;
import fitcoach.plan.PlanRepository.StoredWorkout;
import fitcoach.plan.PlanValidation.WorkoutInput;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The athlete's plan: planned workouts (their load estimated when not given, their completion read against the
 * activities), races and goal days, and the calendar that shows both with what was done.
 */
public final class PlanService {
  /** Days one calendar answer may span: a month grid with its leading and trailing weeks. */
  public static final int MAX_CALENDAR_DAYS = 62;
  /** Days one list of workouts or events may span: a year ahead and two months back (the calendar feed). */
  public static final int MAX_LIST_DAYS = 430;
  /** Workouts one batch (an accepted proposal) may add. */
  public static final int MAX_BATCH = 60;
  private final PlanRepository repository;
  private final Function<UUID, Future<PmcSeries>> chart;

  /** {@code chart} is the athlete's stored chart through their today, which proposals are projected over. */
  PlanService(PlanRepository repository, Function<UUID, Future<PmcSeries>> chart) {
    this.repository = repository;
    this.chart = chart;
  }

  /** The plan over {@code pool}, for features and tests that read it without its routes. */
  public static PlanService create(io.vertx.sqlclient.Pool pool, Function<UUID, Future<PmcSeries>> chart) {
    return new PlanService(new PlanRepository(pool), chart);
  }

  /**
   * A drafted plan checked, loaded, summed by week and projected over the athlete's chart with the plan already on the
   * calendar; nothing is stored (see {@link PlanProposal}).
   */
  public Future<PlanProposal> propose(UUID userId, JsonObject args) {
    return chart.apply(userId).compose(series -> propose(userId, args, series));
  }

  /** {@link #propose(UUID, JsonObject)} over a given chart (the coach's, which the data policy may narrow). */
  public Future<PlanProposal> propose(UUID userId, JsonObject args, PmcSeries series) {
    List<PlanProposals.Draft> drafts = PlanProposals.drafts(args, series.today());
    LocalDate start = LocalDate.parse(args.getString("start"));
    Future<List<Loaded>> all = Future.succeededFuture(new ArrayList<>());
    for (PlanProposals.Draft d : drafts) {
      all = all.compose(done -> loaded(userId, UUID.randomUUID(), d.input()).map(w -> {
        done.add(w);
        return done;
      }));
    }
    LocalDate last = drafts.stream().map(d -> d.input().date()).max(LocalDate::compareTo).orElseThrow();
    return Future.all(all, plannedLoads(userId, series.today(), last)).map(both -> {
      List<Loaded> loaded = both.resultAt(0);
      return PlanProposals.proposal(start, drafts, loaded.stream().map(Loaded::workout).toList(),
          loaded.stream().map(Loaded::basis).toList(), series, both.resultAt(1));
    });
  }

  public Future<List<PlannedWorkout>> workouts(UUID userId, LocalDate from, LocalDate to) {
    range(from, to, MAX_LIST_DAYS);
    return repository.workouts(userId, from, to).compose(stored -> completed(userId, stored, from, to));
  }

  public Future<PlannedWorkout> workout(UUID userId, UUID id) {
    return repository.workout(userId, id).compose(found -> {
      StoredWorkout s = found.orElseThrow(() -> ApiException.notFound("No such planned workout"));
      return completed(userId, List.of(s), s.workout().date(), s.workout().date()).map(list -> list.get(0));
    });
  }

  public Future<PlannedWorkout> create(UUID userId, JsonObject body) {
    WorkoutInput input = PlanValidation.workout(body, "");
    return withLoad(userId, UUID.randomUUID(), input)
        .compose(w -> repository.insert(userId, List.of(w)))
        .compose(stored -> completed(userId, stored, input.date(), input.date())).map(list -> list.get(0));
  }

  /** Several workouts at once, all or none (the coach's proposal the athlete accepted). */
  public Future<List<PlannedWorkout>> createAll(UUID userId, JsonObject body) {
    Object list = body == null ? null : body.getValue("workouts");
    if (!(list instanceof JsonArray array) || array.isEmpty()) {
      throw ApiException.invalid("workouts", "required", "Send {workouts: [...]} with at least one workout");
    }
    if (array.size() > MAX_BATCH) {
      throw ApiException.invalid("workouts", "too_many", "At most " + MAX_BATCH + " workouts at once");
    }
    List<WorkoutInput> inputs = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      if (!(item instanceof JsonObject o)) {
        throw ApiException.invalid("workouts[" + i + "]", "invalid_value", "Each workout is a JSON object");
      }
      inputs.add(PlanValidation.workout(o, "workouts[" + i + "]."));
    }
    Future<List<PlannedWorkout>> all = Future.succeededFuture(new ArrayList<>());
    for (WorkoutInput input : inputs) {
      all = all.compose(done -> withLoad(userId, UUID.randomUUID(), input).map(w -> {
        done.add(w);
        return done;
      }));
    }
    LocalDate from = inputs.stream().map(WorkoutInput::date).min(LocalDate::compareTo).orElseThrow();
    LocalDate to = inputs.stream().map(WorkoutInput::date).max(LocalDate::compareTo).orElseThrow();
    return all.compose(ws -> repository.insert(userId, ws)).compose(stored -> completed(userId, stored, from, to));
  }

  public Future<PlannedWorkout> replace(UUID userId, UUID id, JsonObject body) {
    WorkoutInput input = PlanValidation.workout(body, "");
    return withLoad(userId, id, input)
        .compose(w -> repository.update(userId, w))
        .compose(updated -> {
          StoredWorkout s = updated.orElseThrow(() -> ApiException.notFound("No such planned workout"));
          return completed(userId, List.of(s), s.workout().date(), s.workout().date()).map(list -> list.get(0));
        });
  }

  public Future<Void> delete(UUID userId, UUID id) {
    return repository.deleteWorkout(userId, id).map(deleted -> {
      if (!deleted) {
        throw ApiException.notFound("No such planned workout");
      }
      return null;
    });
  }

  /**
   * Links the workout to one of the athlete's activities by hand ({@code activityId}), or says no activity did it
   * ({@code activityId} null).
   */
  public Future<PlannedWorkout> link(UUID userId, UUID id, JsonObject body) {
    if (body == null || !body.containsKey("activityId")) {
      throw ApiException.invalid("activityId", "required", "Send {activityId: \"…\"}, or {activityId: null} for not done");
    }
    Object value = body.getValue("activityId");
    if (value == null) {
      return setLink(userId, id, "none", null);
    }
    UUID activityId;
    try {
      activityId = UUID.fromString(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("activityId", "invalid_value", "'activityId' must be an activity id");
    }
    return repository.ownsActivity(userId, activityId).compose(owns -> {
      if (!owns) {
        throw ApiException.invalid("activityId", "not_found", "No such activity");
      }
      return setLink(userId, id, "manual", activityId);
    });
  }

  /** Back to linking by date and sport. */
  public Future<PlannedWorkout> autoLink(UUID userId, UUID id) {
    return setLink(userId, id, "auto", null);
  }

  private Future<PlannedWorkout> setLink(UUID userId, UUID id, String link, UUID activityId) {
    return repository.setLink(userId, id, link, activityId).compose(updated -> {
      StoredWorkout s = updated.orElseThrow(() -> ApiException.notFound("No such planned workout"));
      return completed(userId, List.of(s), s.workout().date(), s.workout().date()).map(list -> list.get(0));
    });
  }

  public Future<List<PlannedEvent>> events(UUID userId, LocalDate from, LocalDate to) {
    range(from, to, MAX_LIST_DAYS);
    return repository.events(userId, from, to);
  }

  public Future<PlannedEvent> createEvent(UUID userId, JsonObject body) {
    PlannedEvent e = PlanValidation.event(body);
    return repository.insertEvent(userId, new PlannedEvent(UUID.randomUUID(), e.date(), e.name(), e.sport(), e.distanceM(),
        e.priority()));
  }

  public Future<PlannedEvent> replaceEvent(UUID userId, UUID id, JsonObject body) {
    PlannedEvent e = PlanValidation.event(body);
    return repository.updateEvent(userId, new PlannedEvent(id, e.date(), e.name(), e.sport(), e.distanceM(), e.priority()))
        .map(updated -> updated.orElseThrow(() -> ApiException.notFound("No such event")));
  }

  public Future<Void> deleteEvent(UUID userId, UUID id) {
    return repository.deleteEvent(userId, id).map(deleted -> {
      if (!deleted) {
        throw ApiException.notFound("No such event");
      }
      return null;
    });
  }

  /** Every day from {@code from} to {@code to} with what was done, planned and raced, and each week's totals. */
  public Future<CalendarView> calendar(UUID userId, LocalDate from, LocalDate to) {
    range(from, to, MAX_CALENDAR_DAYS);
    return Future.all(workouts(userId, from, to), repository.activities(userId, from, to), repository.events(userId, from, to))
        .map(all -> {
          List<PlannedWorkout> workouts = all.resultAt(0);
          List<DoneActivity> activities = all.resultAt(1);
          List<PlannedEvent> events = all.resultAt(2);
          Map<LocalDate, List<CalendarView.Session>> sessionsByDay = new HashMap<>();
          activities.forEach(a -> sessionsByDay.computeIfAbsent(a.date(), d -> new ArrayList<>()).add(new CalendarView.Session(
              a.id(), a.name(), a.sportType(), a.sportFamily(), a.durationS(), a.distanceM(),
              a.load() == null ? null : Math.round(a.load() * 10) / 10.0)));
          Map<LocalDate, List<PlannedWorkout>> workoutsByDay = new HashMap<>();
          workouts.forEach(w -> workoutsByDay.computeIfAbsent(w.date(), d -> new ArrayList<>()).add(w));
          Map<LocalDate, List<PlannedEvent>> eventsByDay = new HashMap<>();
          events.forEach(e -> eventsByDay.computeIfAbsent(e.date(), d -> new ArrayList<>()).add(e));
          List<CalendarView.Day> days = new ArrayList<>();
          Map<LocalDate, long[]> plannedSeconds = new LinkedHashMap<>();
          Map<LocalDate, double[]> loads = new LinkedHashMap<>(); // [planned, done]
          Map<LocalDate, long[]> doneSeconds = new LinkedHashMap<>();
          for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            List<CalendarView.Session> sessions = sessionsByDay.getOrDefault(d, List.of());
            List<PlannedWorkout> planned = workoutsByDay.getOrDefault(d, List.of());
            days.add(new CalendarView.Day(d, sessions, planned, eventsByDay.getOrDefault(d, List.of())));
            LocalDate week = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            long[] ps = plannedSeconds.computeIfAbsent(week, k -> new long[1]);
            long[] ds = doneSeconds.computeIfAbsent(week, k -> new long[1]);
            double[] l = loads.computeIfAbsent(week, k -> new double[2]);
            for (PlannedWorkout w : planned) {
              ps[0] += w.durationS() == null ? 0 : w.durationS();
              l[0] += w.targetLoad() == null ? 0 : w.targetLoad();
            }
            for (CalendarView.Session s : sessions) {
              ds[0] += s.durationS() == null ? 0 : s.durationS();
              l[1] += s.load() == null ? 0 : s.load();
            }
          }
          List<CalendarView.Week> weeks = new ArrayList<>();
          plannedSeconds.forEach((week, ps) -> weeks.add(new CalendarView.Week(week,
              new CalendarView.Totals(ps[0], Math.round(loads.get(week)[0] * 10) / 10.0),
              new CalendarView.Totals(doneSeconds.get(week)[0], Math.round(loads.get(week)[1] * 10) / 10.0))));
          return new CalendarView(from, to, days, weeks);
        });
  }

  /**
   * The planned load per day of the workouts not done by an activity, for the chart's projection: what the athlete
   * still means to do.
   */
  public Future<SortedMap<LocalDate, Double>> plannedLoads(UUID userId, LocalDate from, LocalDate to) {
    return workouts(userId, from, to).map(ws -> {
      SortedMap<LocalDate, Double> out = new TreeMap<>();
      for (PlannedWorkout w : ws) {
        if ((w.completion() == null || !w.completion().done()) && w.targetLoad() != null) {
          out.merge(w.date(), w.targetLoad(), Double::sum);
        }
      }
      return out;
    });
  }

  /**
   * The plan as the chart projects it ({@link fitcoach.analytics.PlanSource}): the planned load of the workouts no
   * activity has done, by day, and the events in the chart's range. Planned loads are read from two days before today
   * (UTC) on: the chart counts recorded load on every day before the athlete's today, whatever their time zone.
   */
  public Future<PlanDays> chartPlan(UUID userId, LocalDate from, LocalDate to) {
    LocalDate recent = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    LocalDate loadsFrom = from.isBefore(recent) ? recent : from;
    // Nothing is planned past the date window, which the chart may reach by a day in a leap year.
    LocalDate loadsTo = to.isAfter(DateWindow.latest()) ? DateWindow.latest() : to;
    Future<SortedMap<LocalDate, Double>> loads = loadsFrom.isAfter(loadsTo)
        ? Future.succeededFuture(new TreeMap<>()) : plannedLoads(userId, loadsFrom, loadsTo);
    return Future.all(loads, repository.events(userId, from, to)).map(all -> {
      List<PlannedEvent> events = all.resultAt(1);
      return new PlanDays(all.resultAt(0), events.stream()
          .map(e -> new PlanDays.Event(e.date(), e.name(), e.priority(), e.sport())).toList());
    });
  }

  /** The workout with the athlete's load, or an estimate of it labelled as such (none when nothing supports one). */
  private Future<PlannedWorkout> withLoad(UUID userId, UUID id, WorkoutInput in) {
    return loaded(userId, id, in).map(Loaded::workout);
  }

  /** A workout with its load, and what the load stands on ("your number", "RPE 6"; null when there is none). */
  private record Loaded(PlannedWorkout workout, String basis) {
  }

  private Future<Loaded> loaded(UUID userId, UUID id, WorkoutInput in) {
    if (in.targetLoad() != null) {
      return Future.succeededFuture(new Loaded(planned(id, in, in.targetLoad(), false), "your number"));
    }
    boolean needsHistory = in.intensity() == null || in.durationS() == null;
    Future<PlanRepository.Rates> rates = needsHistory
        ? repository.rates(userId, Sports.family(in.sport()), LocalDate.now(ZoneOffset.UTC))
        : Future.succeededFuture(new PlanRepository.Rates(OptionalDouble.empty(), OptionalDouble.empty()));
    return rates.map(r -> {
      LoadEstimate.Estimate e = LoadEstimate.estimate(in.durationS(), in.distanceM(), in.intensity(), r.loadPerHour(),
          r.speedMps());
      return e == null ? new Loaded(planned(id, in, null, false), null)
          : new Loaded(planned(id, in, Math.round(e.load() * 10) / 10.0, true), e.basis());
    });
  }

  private static PlannedWorkout planned(UUID id, WorkoutInput in, Double load, boolean estimated) {
    return new PlannedWorkout(id, in.date(), in.sport(), in.title(), in.description(), in.durationS(), in.distanceM(),
        in.intensity(), load, estimated, in.steps(), null);
  }

  /**
   * The given workouts with their completion, decided among all the workouts of their days (so one workout read alone
   * gets the activity it gets in the calendar, not one another workout of its day takes there).
   */
  private Future<List<PlannedWorkout>> completed(UUID userId, List<StoredWorkout> stored, LocalDate from, LocalDate to) {
    if (stored.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    LocalDate first = stored.stream().map(s -> s.workout().date()).min(LocalDate::compareTo).orElse(from);
    LocalDate last = stored.stream().map(s -> s.workout().date()).max(LocalDate::compareTo).orElse(to);
    Future<List<StoredWorkout>> sameDays = first.equals(from) && last.equals(to) && stored.size() > 1
        ? Future.succeededFuture(stored) : repository.workouts(userId, first, last);
    return sameDays.compose(all -> {
      List<UUID> byHand = all.stream().filter(s -> "manual".equals(s.link()) && s.activityId() != null)
          .map(StoredWorkout::activityId).toList();
      return Future.all(repository.activities(userId, first, last), repository.activitiesById(userId, byHand))
          .map(reads -> {
            Map<UUID, PlannedWorkout> linked = new HashMap<>();
            Completions.link(all, reads.resultAt(0), reads.resultAt(1)).forEach(w -> linked.put(w.id(), w));
            return stored.stream().map(s -> linked.getOrDefault(s.workout().id(), s.workout())).toList();
          });
    });
  }

  private static void range(LocalDate from, LocalDate to, int maxDays) {
    if (from == null || to == null) {
      throw ApiException.invalid(from == null ? "from" : "to", "required", "Give both 'from' and 'to' as dates");
    }
    DateWindow.requireRange("from", from, "to", to);
    if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
      throw ApiException.invalid("to", "range_too_large", "At most " + maxDays + " days at once");
    }
  }
}
