package fitcoach.plan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Steps to and from the jsonb column, in the API's own field names (so a stored step reads as the athlete sent it). */
final class PlanJson {
  private PlanJson() {
  }

  static JsonArray steps(List<WorkoutStep> steps) {
    JsonArray out = new JsonArray();
    for (WorkoutStep s : steps) {
      JsonObject o = new JsonObject().put("type", s.type());
      if (s.isRepeat()) {
        o.put("count", s.count()).put("steps", steps(s.steps()));
      } else {
        if (s.durationS() != null) {
          o.put("durationS", s.durationS());
        }
        if (s.distanceM() != null) {
          o.put("distanceM", s.distanceM());
        }
        if (s.target() != null) {
          o.put("target", new JsonObject().put("type", s.target().type()).put("low", s.target().low())
              .put("high", s.target().high()));
        }
      }
      out.add(o);
    }
    return out;
  }

  /** Stored steps back; they were checked on the way in. */
  static List<WorkoutStep> steps(JsonArray array) {
    List<WorkoutStep> out = new ArrayList<>();
    if (array == null) {
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      JsonObject o = array.getJsonObject(i);
      JsonObject t = o.getJsonObject("target");
      StepTarget target = t == null ? null : new StepTarget(t.getString("type"), t.getDouble("low"), t.getDouble("high"));
      Number distance = (Number) o.getValue("distanceM");
      out.add(new WorkoutStep(o.getString("type"), o.getInteger("durationS"), distance == null ? null : distance.doubleValue(),
          o.getInteger("count"), steps(o.getJsonArray("steps")), target));
    }
    return out;
  }
}
