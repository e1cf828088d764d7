package fitcoach.wellness;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV column names the import recognises, and the unit each is read in. A header is compared after lower-casing
 * and dropping everything but letters and digits, so "Resting HR", "resting_hr" and "restingHr" are one name. When two
 * columns give the same value (say rMSSD and HRV), the one with the lower rank is used and the other is reported.
 * README ("Wellness data") lists the same table.
 */
final class CsvColumns {
  /** How a column's numbers become the stored value. */
  enum Unit {
    AS_IS(1), MINUTES_TO_HOURS(1 / 60.0), SECONDS_TO_HOURS(1 / 3600.0), POUNDS_TO_KG(0.45359237);

    final double factor;

    Unit(double factor) {
      this.factor = factor;
    }
  }

  /** A recognised column: the field it fills, its unit, and its rank among columns for the same field (0 first). */
  record Column(WellnessField field, Unit unit, int rank) {
  }

  static final String DATE = "date";
  private static final Map<String, Column> NAMES = new LinkedHashMap<>();

  static {
    // Our own JSON names are always recognised (normalised they are "sleephours", "hrvrmssd", ...).
    for (WellnessField f : WellnessField.values()) {
      NAMES.put(normalise(f.json()), new Column(f, Unit.AS_IS, 0));
    }
    names(WellnessField.SLEEP_HOURS, Unit.AS_IS, 1, "sleep", "sleepduration", "sleepdurationh", "sleepdurationhours",
        "sleeptime", "sleeph", "sleephrs", "hoursslept", "hoursofsleep", "totalsleep", "totalsleephours", "timeasleep");
    names(WellnessField.SLEEP_HOURS, Unit.MINUTES_TO_HOURS, 2, "sleepminutes", "sleepmin", "sleepdurationmin",
        "sleepdurationminutes", "minutesasleep", "totalsleepminutes");
    names(WellnessField.SLEEP_HOURS, Unit.SECONDS_TO_HOURS, 3, "sleepseconds", "sleepsec", "sleepdurationseconds",
        "totalsleepseconds");
    names(WellnessField.SLEEP_QUALITY, Unit.AS_IS, 1, "sleepqualityscore", "qualityofsleep", "sleepqual");
    names(WellnessField.SORENESS, Unit.AS_IS, 1, "musclesoreness", "sore");
    names(WellnessField.MOTIVATION, Unit.AS_IS, 1, "motivationlevel");
    // rMSSD by name first; a bare "HRV" column is read as rMSSD in ms too (Garmin, Oura), but ranks below it.
    names(WellnessField.HRV_RMSSD, Unit.AS_IS, 1, "rmssd", "rmssdms", "hrvrmssdms");
    names(WellnessField.HRV_RMSSD, Unit.AS_IS, 2, "hrv", "hrvms", "avghrv", "averagehrv", "nightlyhrv", "overnighthrv");
    names(WellnessField.RESTING_HR, Unit.AS_IS, 1, "rhr", "restinghrbpm", "restingheartrate", "restingheartratebpm",
        "rhrbpm", "restingpulse", "hrrest");
    names(WellnessField.WEIGHT_KG, Unit.AS_IS, 1, "weight", "bodyweight", "bodyweightkg", "bodymass", "bodymasskg");
    names(WellnessField.WEIGHT_KG, Unit.POUNDS_TO_KG, 2, "weightlb", "weightlbs", "weightpounds", "bodyweightlb",
        "bodyweightlbs");
    names(WellnessField.NOTE, Unit.AS_IS, 1, "notes", "comment", "comments");
    names(WellnessField.ILLNESS, Unit.AS_IS, 1, "ill", "sick", "sickness");
    names(WellnessField.INJURY, Unit.AS_IS, 1, "injured");
  }

  private CsvColumns() {
  }

  private static void names(WellnessField field, Unit unit, int rank, String... names) {
    for (String name : names) {
      if (NAMES.putIfAbsent(name, new Column(field, unit, rank)) != null) {
        throw new IllegalStateException("CSV column name listed twice: " + name);
      }
    }
  }

  /** The column a header names, or null when it is not one we know. */
  static Column column(String header) {
    return NAMES.get(normalise(header));
  }

  /** Whether a header names the date column ("date", "Day", "Calendar Date", "date_local"). */
  static boolean isDate(String header) {
    String n = normalise(header);
    return n.equals("date") || n.equals("day") || n.equals("calendardate") || n.equals("localdate") || n.equals("datelocal");
  }

  static String normalise(String header) {
    StringBuilder sb = new StringBuilder(header.length());
    for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
