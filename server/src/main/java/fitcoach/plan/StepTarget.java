package fitcoach.plan;

/**
 * What a step aims at, as a range {@code low}–{@code high} (low ≤ high):
 * <ul>
 *   <li>{@code ftp_percent}: % of FTP (e.g. 88–94);</li>
 *   <li>{@code lthr_percent}: % of threshold heart rate (e.g. 80–89);</li>
 *   <li>{@code hr_zone}: heart-rate zones 1–5 (low = high for one zone);</li>
 *   <li>{@code pace}: seconds per kilometre, low the faster bound (e.g. 240–255 for 4:00–4:15 /km).</li>
 * </ul>
 */
public record StepTarget(String type, double low, double high) {
  public static final String FTP_PERCENT = "ftp_percent";
  public static final String LTHR_PERCENT = "lthr_percent";
  public static final String HR_ZONE = "hr_zone";
  public static final String PACE = "pace";
}
