package fitcoach.analytics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The per-activity maxima of the last 365 days that max HR is estimated from, newest first, with the activities they
 * came from, so the estimate's evidence is named from the very values the estimator read (see
 * {@link fitcoach.load.ProfileEstimator#robustEvidence}).
 */
record ObservedMaxHr(double[] values, UUID[] ids, LocalDate[] dates, String[] names, String[] sportTypes) {

  static ObservedMaxHr of(RowSet<Row> rows) {
    int n = rows.size();
    ObservedMaxHr o = new ObservedMaxHr(new double[n], new UUID[n], new LocalDate[n], new String[n], new String[n]);
    int i = 0;
    for (Row r : rows) {
      o.values[i] = r.getDouble("max_hr");
      o.ids[i] = r.getUUID("id");
      o.dates[i] = r.getLocalDate("local_date");
      o.names[i] = r.getString("name");
      o.sportTypes[i] = r.getString("sport_type");
      i++;
    }
    return o;
  }

  /** The activities at {@code indexes}, in that order: {activityId, date, name, sportType, maxHr}. */
  JsonArray activities(int[] indexes) {
    JsonArray list = new JsonArray();
    for (int i : indexes) {
      list.add(new JsonObject().put("activityId", ids[i].toString()).put("date", dates[i] == null ? null : dates[i].toString())
          .put("name", names[i]).put("sportType", sportTypes[i]).put("maxHr", values[i]));
    }
    return list;
  }
}
