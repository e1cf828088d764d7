package fitcoach.load;

/** Which source produced an activity's load; {@link #MANUAL} is an athlete override, {@link #NONE} means no data (load 0). */
public enum LoadMethod {
  POWER,
  HEART_RATE,
  RPE,
  HISTORY,
  MANUAL,
  NONE
}
