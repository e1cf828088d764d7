package fitcoach.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two-parameter critical-power model, work = CP·t + W′ (Monod &amp; Scherrer 1965; GoldenCheetah
 * {@code src/Metrics/PDModel.h}, class {@code CP2Model}: P(t) = CP + W′/t, which is the same model divided by t).
 *
 * <p>We fit the linear work–time form by ordinary least squares: x = duration t (s), y = work = t · mean value, slope =
 * CP, intercept = W′. The linear form has a closed-form solution (no iterative fitter, no starting guess), and its R² is
 * that of the regression actually fitted. For runs the same fit on (t, mean speed) gives distance = CS·t + D′: critical
 * speed (m/s) and D′ (m). One implementation, two namings.
 *
 * <p>Only efforts from {@value #MIN_DURATION_S} s to {@value #MAX_DURATION_S} s count (the 3–20 min window;
 * shorter efforts are dominated by anaerobic power the model does not describe, longer ones by fatigue).
 */
public final class CriticalPower {

  /** Shortest effort used by the fit (3 min). */
  public static final int MIN_DURATION_S = 180;
  /** Longest effort used by the fit (20 min). */
  public static final int MAX_DURATION_S = 1200;
  /** Fewer points than this cannot say how good a two-parameter fit is. */
  public static final int MIN_POINTS = 3;
  /** The longest effort must be more than this many times the shortest, or the slope is all noise. */
  public static final double MIN_DURATION_RATIO = 1.5;
  /**
   * Work–time R² below this is too poor to show. Work–time R² runs high for any plausible data (work grows with time
   * whatever the athlete does), so the floor is strict.
   */
  public static final double MIN_R_SQUARED = 0.95;
  /**
   * eFTP rule: the model's power at this duration, eFTP = CP + W′/3600. FTP is by definition "the highest power that a
   * rider can maintain in a quasi-steady state without fatiguing for approximately one hour" (GoldenCheetah
   * {@code PDModel.h}, {@code FTPDescription}), so we read the fitted curve at one hour. GoldenCheetah's CP2Model
   * itself offers no FTP ({@code hasFTP() = false}); this is our rule.
   */
  public static final int EFTP_DURATION_S = 3600;
  /** Input bound: a caller passes a curve's points or a range's best efforts, never a raw stream. */
  public static final int MAX_EFFORTS = 10_000;

  private CriticalPower() {}

  /** One best effort: its duration in whole seconds and its mean value over that duration (W or m/s). */
  public record Effort(int seconds, double mean) {}

  /** A fitted ride model: CP (W), W′ (J), R² of the work–time fit, points used, their duration span, eFTP (W). */
  public record PowerModel(
      double cpWatts, double wPrimeJoules, double rSquared, int points, int shortestS, int longestS, double eftpWatts) {}

  /** A fitted run model: critical speed (m/s), D′ (m), R² of the distance–time fit, points used, duration span. */
  public record SpeedModel(
      double csMetresPerSecond, double dPrimeMetres, double rSquared, int points, int shortestS, int longestS) {}

  /** Either a model or, in plain words, why there is none. */
  public record Estimate<M>(Optional<M> model, Optional<String> reason) {
    public Estimate {
      if (model.isPresent() == reason.isPresent()) {
        throw new IllegalArgumentException("an estimate has a model or a reason, not both");
      }
    }

    static <M> Estimate<M> of(M model) {
      return new Estimate<>(Optional.of(model), Optional.empty());
    }

    static <M> Estimate<M> none(String reason) {
      return new Estimate<>(Optional.empty(), Optional.of(reason));
    }
  }

  /** CP and W′ from (t, mean power) efforts. */
  public static Estimate<PowerModel> power(List<Effort> efforts) {
    Line line = fit(efforts, "power");
    if (line.reason != null) {
      return Estimate.none(line.reason);
    }
    double eftp = line.slope + line.intercept / EFTP_DURATION_S;
    return Estimate.of(
        new PowerModel(line.slope, line.intercept, line.rSquared, line.points, line.shortest, line.longest, eftp));
  }

  /** Critical speed and D′ from (t, mean speed) efforts. */
  public static Estimate<SpeedModel> speed(List<Effort> efforts) {
    Line line = fit(efforts, "speed");
    if (line.reason != null) {
      return Estimate.none(line.reason);
    }
    return Estimate.of(
        new SpeedModel(line.slope, line.intercept, line.rSquared, line.points, line.shortest, line.longest));
  }

  private record Line(
      double slope, double intercept, double rSquared, int points, int shortest, int longest, String reason) {
    static Line rejected(String reason) {
      return new Line(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, reason);
    }
  }

  private static Line fit(List<Effort> efforts, String what) {
    if (efforts.size() > MAX_EFFORTS) {
      throw new IllegalArgumentException("at most " + MAX_EFFORTS + " efforts, got " + efforts.size());
    }
    int n = 0;
    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    double sumX = 0;
    double sumY = 0;
    for (Effort e : efforts) {
      if (!usable(e)) {
        continue;
      }
      n++;
      shortest = Math.min(shortest, e.seconds());
      longest = Math.max(longest, e.seconds());
      sumX += e.seconds();
      sumY += e.seconds() * e.mean();
    }
    if (n < MIN_POINTS) {
      return Line.rejected("fewer than " + MIN_POINTS + " " + what + " efforts between 3 and 20 minutes (found " + n
          + ")");
    }
    if (longest <= MIN_DURATION_RATIO * shortest) {
      return Line.rejected("the " + what + " efforts between 3 and 20 minutes are all of similar length ("
          + shortest + " s to " + longest + " s); the model needs a longest effort more than 1.5 times the shortest");
    }
    // Centred sums keep the arithmetic exact enough for work values in the hundreds of thousands.
    double meanX = sumX / n;
    double meanY = sumY / n;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (Effort e : efforts) {
      if (!usable(e)) {
        continue;
      }
      double dx = e.seconds() - meanX;
      double dy = e.seconds() * e.mean() - meanY;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    double slope = sxy / sxx;
    double intercept = meanY - slope * meanX;
    // R² = 1 − SS_res/SS_tot; for a least-squares line SS_res = S_yy − slope·S_xy.
    double rSquared = syy == 0 ? 1 : 1 - (syy - slope * sxy) / syy;
    String critical = what.equals("power") ? "critical power" : "critical speed";
    String reserve = what.equals("power") ? "W′" : "D′";
    if (!(slope > 0)) {
      return Line.rejected("the efforts give a " + critical + " of zero or less; they do not follow the model");
    }
    if (!(intercept > 0)) {
      return Line.rejected("the efforts give a " + reserve + " of zero or less; they do not follow the model");
    }
    if (rSquared < MIN_R_SQUARED) {
      return Line.rejected(String.format(Locale.ROOT,
          "the efforts fit the model poorly (R² %.3f, below %.2f); more maximal efforts between 3 and 20 minutes"
              + " would help", rSquared, MIN_R_SQUARED));
    }
    return new Line(slope, intercept, rSquared, n, shortest, longest, null);
  }

  private static boolean usable(Effort e) {
    return e.seconds() >= MIN_DURATION_S && e.seconds() <= MAX_DURATION_S
        && Double.isFinite(e.mean()) && e.mean() > 0;
  }
}
