package fitcoach.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fitcoach.wellness.WellnessEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo athlete's generated wellness days: reproducible, realistic in size, and following the demo's own load. */
class DemoWellnessTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  private static List<WellnessEntry> tenYears(long seed) {
    List<DemoActivity> sessions = DemoGenerator.generate(TODAY, 10, 6, DemoService.SEED);
    LocalDate first = sessions.stream().map(a -> a.startLocal().toLocalDate()).min(LocalDate::compareTo).orElseThrow();
    return DemoWellness.generate(sessions, first, TODAY, seed);
  }

  @Test
  @DisplayName("The same seed gives the same days; another seed other ones")
  void deterministic() {
    assertThat(tenYears(DemoService.SEED)).isEqualTo(tenYears(DemoService.SEED));
    assertThat(tenYears(7L)).isNotEqualTo(tenYears(DemoService.SEED));
  }

  @Test
  @DisplayName("Ten years: a morning entry on about nine days in ten (always today), values in the described ranges")
  void shape() {
    List<DemoActivity> sessions = DemoGenerator.generate(TODAY, 10, 6, DemoService.SEED);
    LocalDate first = sessions.stream().map(a -> a.startLocal().toLocalDate()).min(LocalDate::compareTo).orElseThrow();
    long t0 = System.nanoTime();
    List<WellnessEntry> days = DemoWellness.generate(sessions, first, TODAY, DemoService.SEED);
    long generateMs = (System.nanoTime() - t0) / 1_000_000;
    long span = TODAY.toEpochDay() - first.toEpochDay() + 1;
    assertThat(days.size()).isBetween((int) (span * 0.85), (int) (span * 0.95));
    assertThat(days.get(days.size() - 1).date()).isEqualTo(TODAY);
    assertThat(days).extracting(WellnessEntry::date).isSorted().doesNotHaveDuplicates();
    assertThat(days).allSatisfy(d -> {
      assertThat(d.hrvRmssd()).isBetween(5.0, 300.0);
      assertThat(d.restingHr()).isBetween(40.0, 65.0);
      assertThat(d.sleepHours()).isBetween(6.0, 8.5);
      assertThat(List.of(d.sleepQuality(), d.soreness(), d.stress(), d.motivation())).allSatisfy(s -> assertThat(s).isBetween(1, 5));
      assertThat(d.source()).isNull();
    });
    double lnMean = days.stream().mapToDouble(d -> Math.log(d.hrvRmssd())).average().orElseThrow();
    assertThat(Math.exp(lnMean)).isBetween(53.0, 62.0);
    assertThat(days.stream().mapToDouble(WellnessEntry::restingHr).average().orElseThrow()).isBetween(48.0, 52.0);

    // Illness once or twice a year, flagged, never in the last weeks; HRV down and resting HR up while it lasts.
    List<WellnessEntry> ill = days.stream().filter(d -> Boolean.TRUE.equals(d.illness())).toList();
    long episodes = days.stream().filter(d -> d.note() != null).count();
    assertThat(episodes).isBetween(10L, 20L);
    assertThat(ill).allSatisfy(d -> assertThat(d.date()).isBefore(TODAY.minusDays(DemoWellness.QUIET_DAYS - 1)));
    double illLn = ill.stream().mapToDouble(d -> Math.log(d.hrvRmssd())).average().orElseThrow();
    assertThat(illLn).isLessThan(lnMean - 0.15);
    assertThat(ill.stream().mapToDouble(WellnessEntry::restingHr).average().orElseThrow()).isGreaterThan(53.0);

    // The morning after one of the demo's hardest days: HRV lower, resting HR and soreness higher than on the others.
    double[] load = DemoWellness.dailyLoads(sessions, first, (int) span);
    double hard = DemoWellness.hardThreshold(load);
    Map<Boolean, List<WellnessEntry>> afterHard = days.stream().filter(d -> !Boolean.TRUE.equals(d.illness()))
        .filter(d -> !d.date().equals(first))
        .collect(Collectors.partitioningBy(d -> load[(int) (d.date().toEpochDay() - first.toEpochDay()) - 1] >= hard));
    assertThat(afterHard.get(true)).hasSizeGreaterThan(200);
    assertThat(mean(afterHard.get(true), d -> Math.log(d.hrvRmssd())))
        .isLessThan(mean(afterHard.get(false), d -> Math.log(d.hrvRmssd())) - 0.1);
    assertThat(mean(afterHard.get(true), WellnessEntry::restingHr)).isGreaterThan(mean(afterHard.get(false), WellnessEntry::restingHr) + 1);
    assertThat(mean(afterHard.get(true), d -> (double) d.soreness())).isGreaterThan(mean(afterHard.get(false), d -> (double) d.soreness()) + 0.8);
    System.out.printf("demo wellness (generated in %d ms): %d days of %d, rMSSD geo-mean %.1f ms, RHR %.1f, ill days %d in %d episodes, "
            + "after hard %d days: ln %.3f vs %.3f, RHR %.1f vs %.1f, soreness %.2f vs %.2f, sleep %.2f h%n",
        generateMs, days.size(), span, Math.exp(lnMean), days.stream().mapToDouble(WellnessEntry::restingHr).average().orElseThrow(),
        ill.size(), episodes, afterHard.get(true).size(), mean(afterHard.get(true), d -> Math.log(d.hrvRmssd())),
        mean(afterHard.get(false), d -> Math.log(d.hrvRmssd())), mean(afterHard.get(true), WellnessEntry::restingHr),
        mean(afterHard.get(false), WellnessEntry::restingHr), mean(afterHard.get(true), d -> (double) d.soreness()),
        mean(afterHard.get(false), d -> (double) d.soreness()), mean(days, WellnessEntry::sleepHours));
  }

  private static double mean(List<WellnessEntry> days, Function<WellnessEntry, Double> value) {
    return days.stream().map(value).filter(Objects::nonNull).mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
