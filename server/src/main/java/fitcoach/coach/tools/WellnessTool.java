package fitcoach.coach.tools;

import fitcoach.wellness.WellnessEntry;
import fitcoach.wellness.WellnessField;
import fitcoach.wellness.WellnessService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * wellness {from, to}: the athlete's daily wellness entries (sleep, subjective 1–5 scores, HRV as rMSSD, resting HR,
 * weight, illness/injury, a note) as rows, one per day that has an entry, at most {@value #MAX_DAYS} days per call.
 * Wellness is the athlete's own data (entered or imported, never from Strava), so the data policy does not limit it.
 * Notes are cut to {@value #NOTE_CHARS} characters each and {@value #NOTES_BUDGET} in all, which with the rows keeps the
 * longest answer under {@link ToolRegistry#MAX_RESULT_BYTES} (each character escapes to at most 6 bytes).
 */
final class WellnessTool implements CoachTool {
  static final int MAX_DAYS = 60;
  static final int NOTE_CHARS = 60;
  static final int NOTES_BUDGET = 400;
  static final String SCALES = "sleep_quality, soreness, stress, motivation are the athlete's 1-5 ratings: 5 = slept very "
      + "well, very sore, very stressed, eager to train; sleep_hours in hours, hrv_rmssd in ms (rMSSD), resting_hr in bpm";

  private final WellnessService wellness;

  WellnessTool(WellnessService wellness) {
    this.wellness = wellness;
  }

  @Override
  public String name() {
    return "wellness";
  }

  @Override
  public String description() {
    return "The athlete's daily wellness entries over dates (at most 60 days): sleep hours and quality, soreness, "
        + "stress, motivation (1-5), HRV (rMSSD ms), resting HR, weight, illness/injury flags and notes";
  }

  @Override
  public JsonObject inputSchema() {
    return RangeArgs.fromToSchema();
  }

  @Override
  public String summary(JsonObject arguments) {
    return "wellness " + arguments.getString("from") + " to " + arguments.getString("to");
  }

  @Override
  public Future<ToolOutput> run(ToolScope scope, JsonObject arguments) {
    LocalDate from = RangeArgs.date(arguments, "from");
    LocalDate to = RangeArgs.date(arguments, "to");
    RangeArgs.range("from", from, "to", to, MAX_DAYS, "at most " + MAX_DAYS + " days per call; ask for shorter ranges.");
    // The baselines on the range's last day come from the same entries, read back far enough for full windows: the
    // decision card's own numbers (readiness.Trend), so the coach and the card never disagree.
    return wellness.list(scope.userId(), to.minusDays(fitcoach.readiness.Trend.LOOK_BACK_DAYS), to).map(all -> {
      ToolOutput table = table(from, to, all.stream().filter(e -> !e.date().isBefore(from)).toList());
      fitcoach.readiness.Trend.Day last = fitcoach.readiness.Trend.of(
          all.stream().map(fitcoach.wellness.WellnessService::day).toList(), to, to).get(0);
      @SuppressWarnings("unchecked")
      Map<String, Object> out = (Map<String, Object>) table.data();
      Map<String, Object> baselines = new LinkedHashMap<>();
      baselines.put("on", to);
      baselines.put("hrv_7day_ms", last.hrv7());
      baselines.put("hrv_normal_low_ms", last.hrvLow());
      baselines.put("hrv_normal_high_ms", last.hrvHigh());
      baselines.put("resting_hr_7day", last.restingHr7());
      baselines.put("resting_hr_baseline_60day", last.restingHrBaseline());
      baselines.put("sleep_usual_30day_h", last.sleepUsual());
      baselines.put("note", "null = too few values for a baseline yet (HRV needs 14 in 60 days)");
      out.put("baselines", baselines);
      return table;
    });
  }

  static ToolOutput table(LocalDate from, LocalDate to, List<WellnessEntry> entries) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", from);
    out.put("to", to);
    List<String> columns = new ArrayList<>();
    columns.add("date");
    Arrays.stream(WellnessField.values()).map(WellnessField::column).forEach(columns::add);
    out.put("columns", columns);
    List<List<Object>> rows = new ArrayList<>(entries.size());
    int budget = NOTES_BUDGET;
    boolean cut = false;
    for (WellnessEntry e : entries) {
      List<Object> row = new ArrayList<>(columns.size());
      row.add(e.date());
      for (WellnessField f : WellnessField.values()) {
        Object v = e.value(f);
        if (f == WellnessField.NOTE && v != null) {
          String note = (String) v;
          int keep = Math.min(Math.min(note.length(), NOTE_CHARS), budget);
          // Never split a surrogate pair (an emoji) in two.
          if (keep > 0 && keep < note.length() && Character.isHighSurrogate(note.charAt(keep - 1))) {
            keep--;
          }
          cut |= keep < note.length();
          budget -= keep;
          v = keep == 0 ? null : note.substring(0, keep) + (keep < note.length() ? "…" : "");
        }
        row.add(v);
      }
      rows.add(row);
    }
    out.put("rows", rows);
    if (cut) {
      out.put("notes_cut", true);
    }
    out.put("note", entries.isEmpty() ? "No wellness entries in this range." : "One row per day with an entry; null = not "
        + "recorded. " + SCALES + ".");
    String summary = entries.size() == 1 ? "1 day" : entries.size() + " days";
    return new ToolOutput(out, summary, List.of());
  }
}
