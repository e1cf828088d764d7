package fitcoach.analytics;

import static fitcoach.app.Figures.ordered;
import static fitcoach.app.Figures.round;

import fitcoach.analysis.BestEfforts;
import fitcoach.analysis.Decoupling;
import fitcoach.analysis.EfficiencyFactor;
import fitcoach.analysis.IntensityFactor;
import fitcoach.analysis.MeanMax;
import fitcoach.analysis.NormalizedPower;
import fitcoach.analysis.WPrimeBalance;
import fitcoach.analysis.ZoneTimes;
import fitcoach.load.DatedThresholds;
import fitcoach.load.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

/**
 * One activity's analysis (GET /api/activities/:id/analysis), computed on request from its stored streams with the
 * engine in {@code fitcoach.analysis} and the thresholds in force on its local date. Pure and blocking (gunzip, parse, grid): the
 * route runs it on a worker thread. Numbers the streams cannot give are null; an activity without streams answers
 * {@code streams: false} with everything else empty.
 */
public final class ActivityAnalysis {
  /** Families whose speed curve is shown as pace (s/km, lower is better), as athletes of these sports read it. */
  private static final Set<String> PACE_FAMILIES = Set.of("run", "swim");

  private ActivityAnalysis() {
  }

  /**
   * {@code criticalPower}: the athlete's CP model before this ride ({cpW, wPrimeJ, from, to}), or null; with it, a ride
   * with power gets its W′ balance minimum.
   */
  public static Map<String, Object> of(UUID activityId, String sportFamily, byte[] gzippedStreams, DatedThresholds.InForce inForce,
                                Map<String, Object> criticalPower) {
    Thresholds t = inForce.thresholds();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("activityId", activityId);
    out.put("sportFamily", sportFamily);
    ActivityGrid grid = ActivityGrid.of(gzippedStreams, sportFamily);
    boolean has = grid != null;
    out.put("streams", has);
    if (!has) {
      out.put("gridSeconds", null);
      out.put("movingSeconds", null);
      out.put("curves", curves(null, null, null, sportFamily));
      out.put("normalizedPowerW", null);
      out.put("intensityFactor", null);
      out.put("efficiencyFactor", null);
      out.put("decouplingPercent", null);
      out.put("zones", zones(null, null, null, inForce, sportFamily));
      out.put("bestEfforts", List.of());
      out.put("wPrimeBalance", null);
      out.put("thresholds", thresholds(inForce));
      return out;
    }
    double[] power = grid.power();
    double[] hr = grid.heartRate();
    double[] distance = grid.distance();
    double[] speed = grid.speed();
    int movingSeconds = grid.movingSeconds();
    OptionalDouble np = power == null ? OptionalDouble.empty() : NormalizedPower.of(power);
    OptionalDouble ftp = t.ftpKnown() ? OptionalDouble.of(t.ftpW()) : OptionalDouble.empty();
    boolean ride = "ride".equals(sportFamily);
    OptionalDouble ef = np.isPresent() && ride ? EfficiencyFactor.ofPower(np.getAsDouble(), hr)
        : speed == null || hr == null ? OptionalDouble.empty() : EfficiencyFactor.ofSpeed(speed, hr);
    var decoupling = hr == null ? java.util.Optional.<Decoupling.Result>empty()
        : Decoupling.of(ride ? power : null, speed, hr);

    out.put("gridSeconds", grid.seconds());
    out.put("movingSeconds", movingSeconds);
    out.put("curves", curves(power, hr, speed, sportFamily));
    out.put("normalizedPowerW", roundPresent(np, 1));
    out.put("intensityFactor", np.isPresent() ? roundPresent(IntensityFactor.of(np.getAsDouble(), ftp), 3) : null);
    out.put("efficiencyFactor", roundPresent(ef, 4));
    out.put("decouplingPercent", decoupling.map(d -> round(d.percent(), 1)).orElse(null));
    out.put("decouplingBasis", decoupling.map(d -> d.basis().name()).orElse(null));
    out.put("zones", zones(grid.onlyMoving(power), grid.onlyMoving(hr), grid.onlyMoving(speed), inForce, sportFamily));
    List<Map<String, Object>> efforts = new ArrayList<>();
    if ("run".equals(sportFamily) && distance != null) {
      for (BestEfforts.Effort e : BestEfforts.running(distance)) {
        efforts.add(ordered("distanceM", e.distanceM(), "timeS", round(e.timeS(), 1), "startS", round(e.startS(), 1)));
      }
    }
    out.put("bestEfforts", efforts);
    out.put("wPrimeBalance", "ride".equals(sportFamily) ? wPrimeBalance(power, criticalPower) : null);
    out.put("thresholds", thresholds(inForce));
    return out;
  }

  private static Map<String, Object> curves(double[] power, double[] hr, double[] speed, String family) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("power", points(MeanMax.power(power), 1));
    c.put("heartRate", points(MeanMax.heartRate(hr), 1));
    MeanMax.Curve speedCurve = MeanMax.speed(speed);
    if (PACE_FAMILIES.contains(family)) {
      c.put("pace", points(MeanMax.pace(speedCurve), 1));
    } else {
      c.put("speed", points(speedCurve, 3));
    }
    return c;
  }

  private static List<Map<String, Object>> points(MeanMax.Curve curve, int decimals) {
    List<Map<String, Object>> out = new ArrayList<>(curve.points().size());
    for (MeanMax.Point p : curve.points()) {
      out.add(ordered("durationS", p.durationS(), "value", round(p.value(), decimals), "startS", p.startS()));
    }
    return out;
  }

  /**
   * Power zones need an FTP; heart-rate zones use LTHR (Coggan) when known, else max HR; run pace zones (Friel) need a
   * threshold pace entered for that day. Pace bounds are given as pace (s/km): each zone's slowest pace, null for Z1.
   */
  /**
   * The zones in force (bounds only, every zone's seconds 0) for a family, as the activity page defines them: power
   * (needs an FTP), heart rate (LTHR, else max HR), and for runs pace (needs a threshold pace). Used by the coach's
   * athlete_profile tool so its zones are the screen's.
   */
  public static Map<String, Object> zoneBounds(DatedThresholds.InForce inForce, String sportFamily) {
    return zones(null, null, null, inForce, sportFamily);
  }

  private static Map<String, Object> zones(double[] power, double[] hr, double[] speed, DatedThresholds.InForce inForce,
                                           String family) {
    Thresholds t = inForce.thresholds();
    Map<String, Object> z = new LinkedHashMap<>();
    z.put("power", t.ftpKnown() ? zone(power, ZoneTimes.bounds(t.ftpW(), ZoneTimes.COGGAN_POWER_PERCENT_FTP), "ftp") : null);
    Map<String, Object> heart = null;
    if (positive(t.lthr())) {
      heart = zone(hr, ZoneTimes.bounds(t.lthr(), ZoneTimes.COGGAN_HR_PERCENT_LTHR), "lthr");
    } else if (positive(t.maxHr())) {
      heart = zone(hr, ZoneTimes.bounds(t.maxHr(), ZoneTimes.HR_PERCENT_MAX), "maxHr");
    }
    z.put("heartRate", heart);
    Double pace = inForce.thresholdPaceSPerKm();
    Map<String, Object> paceZones = null;
    if ("run".equals(family) && pace != null && pace > 0) {
      double[] bounds = ZoneTimes.bounds(1000 / pace, ZoneTimes.FRIEL_PACE_PERCENT_THRESHOLD_SPEED);
      List<Double> paces = new ArrayList<>(bounds.length);
      for (double b : bounds) {
        paces.add(b > 0 ? round(1000 / b, 0) : null);
      }
      int[] seconds = speed == null ? new int[bounds.length] : ZoneTimes.seconds(speed, bounds);
      paceZones = ordered("basis", "thresholdPace", "bounds", paces, "seconds",
          java.util.Arrays.stream(seconds).boxed().toList());
    }
    z.put("pace", paceZones);
    return z;
  }

  private static Map<String, Object> zone(double[] grid, double[] bounds, String basis) {
    List<Double> b = new ArrayList<>(bounds.length);
    for (double v : bounds) {
      b.add(round(v, 0));
    }
    int[] seconds = grid == null ? new int[bounds.length] : ZoneTimes.seconds(grid, bounds);
    return ordered("basis", basis, "bounds", b, "seconds", java.util.Arrays.stream(seconds).boxed().toList());
  }

  /** The lowest W′ balance of a ride with power, against the CP model of the days before it (null without either). */
  private static Map<String, Object> wPrimeBalance(double[] power, Map<String, Object> model) {
    if (power == null || model == null || !(model.get("cpW") instanceof Number cp)
        || !(model.get("wPrimeJ") instanceof Number wPrime)) {
      return null;
    }
    return WPrimeBalance.minimum(power, cp.doubleValue(), wPrime.doubleValue())
        .map(m -> ordered("minimumJ", round(m.joules(), 0), "atS", m.second(), "cpW", cp, "wPrimeJ", wPrime,
            "modelFrom", model.get("from"), "modelTo", model.get("to")))
        .orElse(null);
  }

  /** The thresholds used (entered on that date, else estimated); pace and weight only as entered. */
  private static Map<String, Object> thresholds(DatedThresholds.InForce d) {
    Thresholds t = d.thresholds();
    return ordered("date", d.date(), "ftpW", t.ftpKnown() ? round(t.ftpW(), 0) : null,
        "lthrBpm", positive(t.lthr()) ? round(t.lthr(), 0) : null,
        "maxHrBpm", positive(t.maxHr()) ? round(t.maxHr(), 0) : null,
        "restingHrBpm", positive(t.restingHr()) ? round(t.restingHr(), 0) : null,
        "thresholdPaceSPerKm", d.thresholdPaceSPerKm(), "weightKg", d.weightKg());
  }

  private static boolean positive(double v) {
    return Double.isFinite(v) && v > 0;
  }

  private static Double roundPresent(OptionalDouble v, int decimals) {
    return v.isPresent() ? round(v.getAsDouble(), decimals) : null;
  }

}
