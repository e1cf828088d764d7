package fitcoach.coach.tools;

import fitcoach.analytics.LoadService;
import fitcoach.plan.PlanService;
import fitcoach.settings.ProfileRepository;
import fitcoach.wellness.WellnessRepository;
import fitcoach.wellness.WellnessService;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one registry of the coach's tools (also served over MCP). The names and arguments are a public contract:
 * search_activities, get_activity, training_load, compare_periods, performance_curve, project_form, athlete_profile,
 * wellness, planned_workouts, propose_plan.
 */
public final class CoachTools {
  private CoachTools() {
  }

  public static ToolRegistry create(Pool pool, LoadService load, ProfileRepository profiles, PlanService plan) {
    List<CoachTool> tools = new ArrayList<>();
    // Activities and the athlete (search_activities, get_activity, athlete_profile).
    // BEGIN tools-a
    ToolActivitySql activities = new ToolActivitySql(pool);
    tools.add(new SearchActivitiesTool(activities, load));
    tools.add(new GetActivityTool(activities, load));
    tools.add(new AthleteProfileTool(profiles, load));
    // END tools-a
    // Load, comparisons, curves and projections (training_load, compare_periods, performance_curve, project_form).
    // BEGIN tools-b
    ToolRangeSql rangeSql = new ToolRangeSql(pool);
    tools.add(new TrainingLoadTool(load));
    tools.add(new ComparePeriodsTool(load, rangeSql));
    tools.add(new PerformanceCurveTool(load, rangeSql));
    tools.add(new ProjectFormTool(load));
    // END tools-b
    // The athlete's own wellness entries (wellness): never from Strava, so always readable.
    // BEGIN tools-wellness
    tools.add(new WellnessTool(new WellnessService(new WellnessRepository(pool))));
    // END tools-wellness
    // The athlete's plan (planned_workouts) and the coach's proposals (propose_plan), which never write it.
    tools.add(new PlannedWorkoutsTool(plan, load));
    tools.add(new ProposePlanTool(plan, load));
    return new ToolRegistry(tools);
  }
}
