package fitcoach.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Bench (run by bench/analysis.sh, not a test): the whole per-activity engine on a 6 h ride recorded at 1 Hz with
 * power, heart rate, speed and distance: the 1 Hz grid of the four channels, the power, HR and speed curves, NP and
 * the run best efforts. Prints the median (and p90, max) over the measured runs after a warm-up.
 * Goal (issue 14): one 6 h ride under 50 ms.
 */
public final class AnalysisBench {
  private AnalysisBench() {}

  /** A 6 h ride: 1 Hz with occasional 2-5 s smart-recording gaps and a 10 min café stop after 3 h. */
  record Ride(int[] timeS, double[] power, double[] hr, double[] speed, double[] distance) {
  }

  static Ride ride(long seed) {
    Random random = new Random(seed);
    int span = 6 * 3600;
    List<Integer> times = new ArrayList<>(span);
    for (int t = 0; t < span; t++) {
      if (t > 3 * 3600 && t < 3 * 3600 + 600) {
        continue; // stopped at a café: the device records nothing
      }
      times.add(t);
      if (random.nextInt(100) == 0) {
        t += 1 + random.nextInt(4); // smart recording skipped a few seconds
      }
    }
    int n = times.size();
    int[] t = new int[n];
    double[] power = new double[n];
    double[] hr = new double[n];
    double[] speed = new double[n];
    double[] distance = new double[n];
    double heart = 95;
    double dist = 0;
    for (int i = 0; i < n; i++) {
      t[i] = times.get(i);
      boolean interval = (t[i] / 60) % 30 < 5; // 5 min hard every 30 min
      boolean coasting = random.nextInt(10) == 0;
      double w = coasting ? 0 : Math.max(0, (interval ? 320 : 195) + random.nextGaussian() * 35);
      power[i] = Math.rint(w);
      heart += 0.03 * (95 + 0.27 * w - heart) + random.nextGaussian() * 0.4; // lags the effort
      hr[i] = random.nextInt(500) == 0 ? Double.NaN : Math.rint(heart); // the odd dropout
      speed[i] = 4 + Math.cbrt(w) * 1.6 + random.nextGaussian() * 0.2;
      dist += speed[i] * (i == 0 ? 0 : Math.min(t[i] - t[i - 1], 5));
      distance[i] = dist;
    }
    return new Ride(t, power, hr, speed, distance);
  }

  /** Everything the engine computes for one activity; the returned number keeps the JIT from dropping the work. */
  static double analyse(Ride r) {
    OneHertz grid = OneHertz.of(r.timeS());
    double[] power = grid.power(r.power());
    double[] hr = grid.heartRate(r.hr());
    double[] speed = grid.speed(r.speed());
    double[] distance = grid.distance(r.distance());
    MeanMax.Curve p = MeanMax.power(power);
    MeanMax.Curve h = MeanMax.heartRate(hr);
    MeanMax.Curve s = MeanMax.speed(speed);
    MeanMax.Curve pace = MeanMax.pace(s);
    double np = NormalizedPower.of(power).orElse(0);
    List<BestEfforts.Effort> efforts = BestEfforts.running(distance);
    return p.points().size() + h.points().size() + pace.points().size() + np + efforts.size()
        + p.at(1200).map(MeanMax.Point::value).orElse(0.0);
  }

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Ride ride = ride(14);
    double sink = 0;
    for (int i = 0; i < warmup; i++) {
      sink += analyse(ride);
    }
    long[] ns = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      sink += analyse(ride);
      ns[i] = System.nanoTime() - start;
    }
    Arrays.sort(ns);
    OneHertz grid = OneHertz.of(ride.timeS());
    double[] power = grid.power(ride.power());
    System.out.printf("6 h ride: %d samples -> %d grid seconds; 20 min power %.1f W, NP %.1f W, max HR %.0f bpm%n",
        ride.timeS().length, grid.seconds(), MeanMax.power(power).at(1200).orElseThrow().value(),
        NormalizedPower.of(power).getAsDouble(),
        MeanMax.heartRate(grid.heartRate(ride.hr())).at(1).orElseThrow().value());
    System.out.printf("analysis (grid of 4 channels + power/HR/speed/pace curves + NP + best efforts), %d runs after "
        + "%d warm-up: median %.2f ms, p90 %.2f ms, max %.2f ms (goal: under 50 ms)%n", runs, warmup,
        ns[runs / 2] / 1e6, ns[(int) Math.min(runs - 1, Math.ceil(runs * 0.9) - 1)] / 1e6, ns[runs - 1] / 1e6);
    if (sink == 42) {
      System.out.println();
    }
  }
}
