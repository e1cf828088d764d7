package fitcoach.load;

/** The thresholds used for load, each with whether it was estimated rather than entered by the athlete. */
public record Thresholds(
    Sex sex,
    double maxHr,
    boolean maxHrEstimated,
    double restingHr,
    boolean restingHrEstimated,
    double lthr,
    boolean lthrEstimated,
    Double ftpW,
    boolean ftpEstimated) {

  /** True when HR load can be computed: maximum and threshold HR both above resting HR. */
  public boolean heartRateUsable() {
    return Double.isFinite(maxHr) && Double.isFinite(restingHr) && Double.isFinite(lthr)
        && maxHr > restingHr && lthr > restingHr;
  }

  /** True when power load can be computed: FTP known and positive. */
  public boolean ftpKnown() {
    return ftpW != null && Double.isFinite(ftpW) && ftpW > 0;
  }
}
